package notify

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

var configDir = filepath.Join("..", "testdata", "notify", "config")

// TestLoadConfigGood loads the complete example and checks the values that need
// parsing: delays in days, ladders, zones, exemptions.
func TestLoadConfigGood(t *testing.T) {
	c, err := LoadConfig(filepath.Join(configDir, "good.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Policy.LadderFor("mining", "high"); got.Reminder != nil || *got.Final != (Delay{Clock: 12 * time.Hour}) {
		t.Errorf("mining ladder %+v", got)
	}
	if got := c.Policy.LadderFor("vpn", "low"); *got.Final != (Delay{Days: 7}) {
		t.Errorf("low-severity ladder %+v", got)
	}
	if c.Policy.ResolveAfter != (Delay{Days: 7}) || time.Duration(c.Policy.Retention) != 90*24*time.Hour {
		t.Errorf("resolve_after %v retention %v", c.Policy.ResolveAfter, c.Policy.Retention)
	}
	if loc := c.Tenant("lotus").Location(); loc.String() != "Asia/Shanghai" {
		t.Errorf("zone %v", loc)
	}
	if c.TenantOf("web-2").ID != "acme" || c.TenantOf("nowhere") != nil {
		t.Error("host mapping")
	}
	if !c.Exemptions[0].Matches("acme", "web-2", "squid", "proxy", t0) ||
		c.Exemptions[0].Matches("acme", "web-2", "squid", "proxy", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("exemption expiry")
	}
	if c.Mail.SMTP.Port != 587 || c.Hook.Webhook == "" || !c.Policy.IsDryRun("vpn", "experimental-sni-list") {
		t.Errorf("mail/hook/dry-run: %+v %+v", c.Mail.SMTP, c.Hook)
	}
}

// TestLoadConfigErrors checks that each kind of mistake is reported with its file,
// its line where the decoder knows it, and the key.
func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"unknown_key.toml", []string{"unknown_key.toml:3: policy.resolve_afer: unknown key"}},
		{"syntax.toml", []string{"syntax.toml:5: expected", "table name"}}, // toml places the error at the line break it found
		{"semantic.toml", []string{
			`semantic.toml: policy.violations: unknown category "bittorrent"`,
			`policy.suspension: "sometimes" is not approve or auto`,
			`policy.ladder.final: comes before warning`,
			`tenant[0].locale: "fr" is not one of`,
			`tenant[0].time_zone: unknown time zone Mars/Olympus_Mons`,
			`tenant[0].contact[0].address:`,
			`mail: set smtp.host or folder`,
			`mail.lease: must be at least twice mail.smtp.timeout`,
			`action.lease: must be at least twice action.timeout (10s)`,
			`action: set one of command, webhook or libvirt, not 2`,
			`action.libvirt.mode: "hibernate" is not pause, managed-save or shutdown`,
		}},
		{"missing.toml", []string{"missing.toml: no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := LoadConfig(filepath.Join(configDir, tt.file))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not say %q:\n%v", w, err)
				}
			}
			var ce *ConfigError
			if tt.file != "missing.toml" && !errors.As(err, &ce) {
				t.Errorf("not a *ConfigError: %T", err)
			}
		})
	}
}

// TestBadDelay: a delay that does not parse names its line.
func TestBadDelay(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(p, []byte("[policy]\nresolve_after = \"soon\"\n[mail]\nfrom = \"a@b.example\"\nfolder = \"x\"\n"), 0o644)
	_, err := LoadConfig(p)
	if err == nil || !strings.Contains(err.Error(), "bad.toml:2") || !strings.Contains(err.Error(), "soon") {
		t.Fatalf("error %v", err)
	}
}

// TestDecodeConfig decodes the notifier's table out of a daemon's file, where unknown
// keys elsewhere in the file are the daemon's business, and unknown keys inside the
// table are errors.
func TestDecodeConfig(t *testing.T) {
	path := filepath.Join(configDir, "daemon.toml")
	data, _ := os.ReadFile(path)
	var d struct {
		Notify toml.Primitive `toml:"notify"`
	}
	md, err := toml.Decode(string(data), &d)
	if err != nil {
		t.Fatal(err)
	}
	c, err := DecodeConfig(path, string(data), md, d.Notify, "notify")
	if err != nil {
		t.Fatal(err)
	}
	if c.Policy.Suspension != SuspendAuto || c.Mail.Folder != "/var/spool/aupscan" || len(c.Policy.Violations) == 0 {
		t.Errorf("decoded %+v", c.Policy)
	}
	bad := string(data) + "\n[notify.hook]\nurl = \"x\"\n"
	md, _ = toml.Decode(bad, &d)
	if _, err := DecodeConfig(path, bad, md, d.Notify, "notify"); err == nil || !strings.Contains(err.Error(), "notify.hook") {
		t.Errorf("unknown table inside notify: %v", err)
	}
}

// TestDelay parses and applies delays.
func TestDelay(t *testing.T) {
	ny := mustLoc(t, "America/New_York")
	tests := []struct {
		in   string
		want Delay
		err  bool
	}{
		{"0s", Delay{}, false}, {"2d", Delay{Days: 2}, false}, {"1d12h", Delay{1, 12 * time.Hour}, false},
		{"90m", Delay{Clock: 90 * time.Minute}, false}, {"", Delay{}, true}, {"-1d", Delay{}, true},
		{"-5m", Delay{}, true}, {"xd", Delay{}, true}, {"3 days", Delay{}, true},
	}
	for _, tt := range tests {
		var d Delay
		err := d.UnmarshalText([]byte(tt.in))
		if (err != nil) != tt.err || (!tt.err && d != tt.want) {
			t.Errorf("%q: %v %v", tt.in, d, err)
		}
		if !tt.err {
			var back Delay
			b, _ := d.MarshalText()
			if back.UnmarshalText(b); back != d {
				t.Errorf("%q does not round-trip: %s", tt.in, b)
			}
		}
	}
	start := time.Date(2025, 3, 8, 12, 0, 0, 0, ny)
	if got := (Delay{Days: 1}).After(start, ny); got.Sub(start) != 23*time.Hour {
		t.Errorf("a day across spring-forward is %v", got.Sub(start))
	}
	if got := (Delay{Clock: 24 * time.Hour}).After(start, ny); got.Sub(start) != 24*time.Hour {
		t.Errorf("24h is %v", got.Sub(start))
	}
}
