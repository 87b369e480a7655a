package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// loadSection loads one rule with the given config section and returns the section.
func loadSection(t *testing.T, section string) *signatures.ConfigCond {
	t.Helper()
	dir := t.TempDir()
	rule := "[[rule]]\nid = \"t.cfg\"\nname = \"t\"\ncategory = \"proxy\"\nseverity = \"high\"\ndescription = \"d\"\n[[rule.config]]\npaths = [\"/etc/t\"]\n" + section
	if err := os.WriteFile(filepath.Join(dir, "r.toml"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return s.Rule("t.cfg").Config[0]
}

// TestJudgeKeys checks sections judged by keys: want is the evidence exactly, ""
// for no finding.
func TestJudgeKeys(t *testing.T) {
	xray := `format = "json"
each = "inbounds[*]"
when = [{ key = "protocol", in = ["vless", "vmess", "trojan"] }]
listen = "listen"
listen_default = "0.0.0.0"
port = "port"
`
	for _, tc := range []struct {
		name, section, file, want, role string
	}{
		{"each element", xray, `{"inbounds": [{"protocol": "socks", "port": 1080}, {"protocol": "vless", "port": 443}]}`,
			"inbounds[1]: protocol vless on 0.0.0.0:443 (listen absent: the default)", "server"},
		{"listen given", xray, `{"inbounds": [{"protocol": "vmess", "listen": "::", "port": 8443}]}`,
			"inbounds[0]: protocol vmess on [::]:8443", "server"},
		{"loopback", xray, `{"inbounds": [{"protocol": "vless", "listen": "127.0.0.1", "port": 443}]}`, "", ""},
		{"unix socket", xray, `{"inbounds": [{"protocol": "vless", "listen": "/run/xray.sock"}]}`, "", ""},
		{"client side only", xray, `{"outbounds": [{"protocol": "vless", "settings": {"vnext": [{"address": "203.0.113.1"}]}}]}`, "", ""},
		{"many", xray, `{"inbounds": [{"protocol": "vless", "port": 1}, {"protocol": "vless", "port": 2}, {"protocol": "vless", "port": 3}, {"protocol": "vless", "port": 4}, {"protocol": "vless", "port": 5}]}`,
			"inbounds[0]: protocol vless on 0.0.0.0:1 (listen absent: the default); inbounds[1]: protocol vless on 0.0.0.0:2 (listen absent: the default); inbounds[2]: protocol vless on 0.0.0.0:3 (listen absent: the default); and 2 more", "server"},
		{"host and port in one", "format = \"yaml\"\nwhen = [{ key = \"auth.type\", exists = true }]\nlisten = \"listen\"\n", "listen: :443\nauth:\n  type: password\n",
			"auth.type set on *:443", "server"},
		{"root key", "format = \"json\"\neach = \"servers\"\nwhen = [{ key = \"$.local_port\", exists = false }]\nlisten = \"server\"\nport = \"server_port\"\n",
			`{"servers": [{"server": "0.0.0.0", "server_port": 8388}]}`, "servers[0]: no $.local_port on 0.0.0.0:8388", "server"},
		{"root key present", "format = \"json\"\neach = \"servers\"\nwhen = [{ key = \"$.local_port\", exists = false }]\nlisten = \"server\"\n",
			`{"servers": [{"server": "0.0.0.0"}], "local_port": 1080}`, "", ""},
		{"not equals", "format = \"json\"\nwhen = [{ key = \"run_type\", equals = \"client\", not = true }]\nlisten = \"local_addr\"\nport = \"local_port\"\n",
			`{"run_type": "server", "local_addr": "0.0.0.0", "local_port": 443}`, "run_type not client on 0.0.0.0:443", "server"},
		{"not equals fails", "format = \"json\"\nwhen = [{ key = \"run_type\", equals = \"client\", not = true }]\nlisten = \"local_addr\"\n",
			`{"run_type": "client", "local_addr": "0.0.0.0"}`, "", ""},
		{"number and boolean", "format = \"toml\"\nwhen = [{ key = \"allow-lan\", equals = true }, { key = \"port\", in = [7890, 7891] }]\nlisten_default = \"*\"\nport = \"port\"\n",
			"allow-lan = true\nport = 7890\n", "allow-lan true, port 7890 on *:7890", "server"},
		{"ini keys in any case", "format = \"ini\"\nwhen = [{ key = \"common.BIND_PORT\", regex = '[0-9]+' }]\nlisten = \"Common.bind_addr\"\nlisten_default = \"0.0.0.0\"\nport = \"common.bind_port\"\n",
			"[Common]\nBind_Port = 7000\n", "common.BIND_PORT 7000 on 0.0.0.0:7000 (Common.bind_addr absent: the default)", "server"},
		{"directive", "format = \"directive\"\nwhen = [{ key = \"mode\", equals = \"server\" }]\nlisten = \"bind\"\nlisten_default = \"0.0.0.0\"\nport = \"port\"\nport_default = 1701\n",
			"mode server\n#bind 0.0.0.0\nbind 127.0.0.1\n", "", ""},
		{"client role", "format = \"json\"\nrole = \"client\"\nwhen = [{ key = \"pools.url\", regex = 'stratum\\+tcp://.+' }]\n",
			`{"pools": [{"url": "https://x"}, {"url": "stratum+tcp://pool.example.net:3333"}]}`, "pools[1].url stratum+tcp://pool.example.net:3333", "client"},
		{"no secret shown", "format = \"json\"\nwhen = [{ key = \"password\", exists = true }]\nlisten_default = \"0.0.0.0\"\n",
			`{"password": "hunter2"}`, "password set on 0.0.0.0", "server"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := loadSection(t, tc.section)
			v, ok, err := judgeSection(c, []byte(tc.file), map[string]*Document{}, map[string]error{})
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				v = Verdict{}
			}
			if v.Evidence != tc.want || v.Role != tc.role {
				t.Errorf("got %q (%s), want %q (%s)", v.Evidence, v.Role, tc.want, tc.role)
			}
			if strings.Contains(v.Evidence, "hunter2") {
				t.Error("a secret in evidence")
			}
		})
	}
}

// TestCandidates checks the path index: a file finds exactly the sections whose
// globs match it, whatever the glob ends in.
func TestCandidates(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i, paths := range []string{
		`["**/squid.conf", "**/squid/conf.d/*.conf", "!/usr/share/**"]`,
		`["**/torrc.d/*"]`,
		`["**/wg[0-9]*.conf"]`,
		`["**/openvpn/**.conf"]`,
	} {
		b.WriteString("[[rule]]\nid = \"t." + string(rune('a'+i)) + "\"\nname = \"t\"\ncategory = \"proxy\"\nseverity = \"high\"\ndescription = \"d\"\n[[rule.config]]\njudge = \"squid\"\npaths = " + paths + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "r.toml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	e := Compile(s)
	for path, want := range map[string]string{
		"/etc/squid/squid.conf":           "t.a",
		"/etc/squid/conf.d/local.conf":    "t.a",
		"/usr/share/doc/squid/squid.conf": "",
		"/etc/tor/torrc.d/relay":          "t.b",
		"/etc/wireguard/wg0.conf":         "t.c",
		"/etc/openvpn/server/a.conf":      "t.d",
		"/etc/openvpn/wg1.conf":           "t.c t.d",
		"/etc/other.conf":                 "",
		"/etc/squid/squid.conf.d/x":       "",
		"/home/a/torrc.d/deep/x":          "",
	} {
		var got []string
		for _, i := range e.Candidates(path, nil) {
			got = append(got, e.Section(i).Rule.ID)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}
