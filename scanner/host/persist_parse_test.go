package host

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseUnit(t *testing.T) {
	u, err := ParseUnit(strings.NewReader("# c\n[Unit]\nDescription = x\n\n[Service]\n; c\nExecStart=/a \\\n# skipped\n  -b\nExecStartPre=/p\nExecStart=\nExecStart=/c d\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Values("Service", "ExecStart"); len(got) != 1 || got[0].Value != "/c d" || got[0].Line != 12 {
		t.Errorf("ExecStart after a reset: %+v", got)
	}
	if d, _ := u.Value("Unit", "Description"); d.Value != "x" {
		t.Errorf("Description %+v", d)
	}
	u, _ = ParseUnit(strings.NewReader("[Service]\nExecStart=/a \\\n  -b\n"))
	if v, _ := u.Value("Service", "ExecStart"); v.Value != "/a -b" {
		t.Errorf("continued line %q", v.Value)
	}
	for in, want := range map[string]string{
		"[Service\n":             "line 1: section header without ]",
		"[Service]\nExecStart\n": "line 2: neither a section, a comment nor Key=Value",
	} {
		if _, err := ParseUnit(strings.NewReader(in)); err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %s", in, err, want)
		}
	}
}

func TestExecCommands(t *testing.T) {
	spec := Specifiers{Unit: "relay@eu-1.service", User: "alice", Home: "/home/alice"}
	tests := []struct {
		in   string
		want [][]string
		bad  bool
	}{
		{in: "/usr/bin/relay -c /etc/r.json", want: [][]string{{"/usr/bin/relay", "-c", "/etc/r.json"}}},
		{in: "-@/usr/bin/relay relay", want: [][]string{{"/usr/bin/relay", "relay"}}},
		{in: "+!!/x", want: [][]string{{"/x"}}},
		{in: `/bin/sh -c "echo 'a b'; /x"`, want: [][]string{{"/bin/sh", "-c", "echo 'a b'; /x"}}},
		{in: `/a "x\"y" 'z w' p\ q`, want: [][]string{{"/a", `x"y`, "z w", "p q"}}},
		{in: "/a ; /b c", want: [][]string{{"/a"}, {"/b", "c"}}},
		{in: "%h/bin/r %i %I %p %N %%", want: [][]string{{"/home/alice/bin/r", "eu-1", "eu-1", "relay", "relay@eu-1", "%"}}},
		{in: "%q/x", bad: true},
		{in: `/a "open`, bad: true},
	}
	for _, tt := range tests {
		got, err := ExecCommands(tt.in, spec)
		if tt.bad != (err != nil) || !tt.bad && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %q %v, want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestShellCommand(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		bad  bool
	}{
		{in: "/opt/x -c 'a b' > /dev/null 2>&1", want: []string{"/opt/x", "-c", "a b"}},
		{in: "FOO=1 BAR='x y' /opt/x", want: []string{"/opt/x"}},
		{in: "cd /tmp && ./x", want: []string{"cd", "/tmp"}},
		{in: `"/opt/my prog" -v`, want: []string{"/opt/my prog", "-v"}},
		{in: "$HOME/bin/x", bad: true},
		{in: "`which x`", bad: true},
		{in: "/opt/$X", bad: true},
		{in: "echo 'open", bad: true},
		{in: "# a comment", want: nil},
	}
	for _, tt := range tests {
		got, err := shellWords(tt.in)
		if tt.bad != (err != nil) || !tt.bad && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %q %v, want %q", tt.in, got, err, tt.want)
		}
	}
	for in, want := range map[string]string{
		"/bin/sh -c 'exec /opt/x -d'":                   "/opt/x",
		"/usr/bin/env FOO=1 -i nohup setsid /opt/y":     "/opt/y",
		"bash -c \"nice -n 5 timeout -s 9 10m /opt/z\"": "/opt/z",
		"/bin/busybox sh -c '/opt/w &'":                 "/opt/w",
		"/bin/sh /opt/script.sh":                        "/bin/sh",
	} {
		w, _ := unitWords(in)
		got, err := unwrap(w)
		if err != nil || len(got) == 0 || got[0] != want {
			t.Errorf("unwrap(%q) = %q %v, want %s", in, got, err, want)
		}
	}
}

func TestParseCrontab(t *testing.T) {
	sys := "SHELL=/bin/sh\nPATH=/opt/bin:/usr/bin\n# comment\n17 * * * * root cd / && run-parts --report /etc/cron.hourly\n" +
		"@reboot   nobody /opt/relay -d % stdin\n*/5 1-3 * jan,feb mon-fri www-data /usr/bin/php /x.php 50\\%\n"
	got, err := ParseCrontab(strings.NewReader(sys), true)
	if err != nil {
		t.Fatal(err)
	}
	want := []CronEntry{
		{4, "17 * * * *", "root", "cd / && run-parts --report /etc/cron.hourly", "/opt/bin:/usr/bin"},
		{5, "@reboot", "nobody", "/opt/relay -d", "/opt/bin:/usr/bin"},
		{6, "*/5 1-3 * jan,feb mon-fri", "www-data", "/usr/bin/php /x.php 50%", "/opt/bin:/usr/bin"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("system crontab:\n%+v\nwant\n%+v", got, want)
	}
	user, err := ParseCrontab(strings.NewReader("@daily /home/bob/x\n0 4 * * * /y z\n"), false)
	if err != nil || len(user) != 2 || user[0].Command != "/home/bob/x" || user[1].Command != "/y z" || user[1].User != "" {
		t.Errorf("user crontab: %+v %v", user, err)
	}
	for in, msg := range map[string]string{
		"@sometimes /x\n":                   `line 1: unknown schedule "@sometimes"`,
		"* * * *\n":                         "line 1: want 5 schedule fields and a command",
		"a\n* * * * * /x\n":                 `line 1: want 5 schedule fields and a command`,
		"* * * * * root /x\n+ * * * * /y\n": `line 2: "+ * * * *" is not a cron schedule`,
	} {
		if _, err := ParseCrontab(strings.NewReader(in), false); err == nil || err.Error() != msg {
			t.Errorf("%q: error %v, want %s", in, err, msg)
		}
	}
}

func FuzzParseUnit(f *testing.F) {
	f.Add("[Service]\nExecStart=-@/usr/bin/x \"a b\" %h/%i \\\n c\nExecStart=\n")
	f.Add("[Container]\nImage=docker.io/teddysun/xray:1\nPublishPort=[::]:443:443/udp\n")
	f.Add("[X\n")
	f.Fuzz(func(t *testing.T, s string) {
		u, _ := ParseUnit(strings.NewReader(s))
		for _, e := range u.Entries {
			cmds, _ := ExecCommands(e.Value, Specifiers{Unit: "a@b.service"})
			for _, c := range cmds {
				_, _ = unwrap(c)
			}
		}
		_, _ = parseQuadlet([]byte(s))
	})
}

func FuzzParseCrontab(f *testing.F) {
	f.Add("PATH=/bin\n@reboot root /bin/sh -c 'exec /x' % in\n*/5 * * * * u FOO=1 /y \"a\\\"b\" >/dev/null\n", true)
	f.Add("0 0 * * * `x` $(y)\n", false)
	f.Fuzz(func(t *testing.T, s string, system bool) {
		es, _ := ParseCrontab(strings.NewReader(s), system)
		for _, e := range es {
			if strings.Contains(e.Command, "\n") {
				t.Errorf("command spans lines: %q", e.Command)
			}
			if w, err := shellWords(e.Command); err == nil {
				_, _ = unwrap(w)
			}
		}
	})
}
