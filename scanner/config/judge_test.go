package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// TestJudgeNames keeps the judges built in here and the names rules may use equal.
func TestJudgeNames(t *testing.T) {
	if got := JudgeNames(); !slices.Equal(got, signatures.ConfigJudges) {
		t.Errorf("judges %v, signatures.ConfigJudges %v", got, signatures.ConfigJudges)
	}
}

// judgeCase is one file a judge reads: want is a substring of the evidence ("" for
// no finding), conf the confidence the verdict sets.
type judgeCase struct {
	name, text, want, conf string
}

func runJudge(t *testing.T, judge string, cases []judgeCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, ok, err := Judge(judge, []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.want == "" && ok:
				t.Errorf("finding %q, want none", v.Evidence)
			case tc.want != "" && !ok:
				t.Errorf("no finding, want one with %q", tc.want)
			case ok && !strings.Contains(v.Evidence, tc.want):
				t.Errorf("evidence %q, want it to hold %q", v.Evidence, tc.want)
			case ok && v.Confidence != tc.conf:
				t.Errorf("confidence %q, want %q", v.Confidence, tc.conf)
			case ok && v.Role != "server":
				t.Errorf("role %q, want server", v.Role)
			}
		})
	}
}

func TestJudgeSquid(t *testing.T) {
	runJudge(t, "squid", []judgeCase{
		{"allow all", "http_port 3128\nhttp_access allow all\n", "http_access allow all (line 2)", ""},
		{"localhost only", "http_port 3128\nhttp_access allow localhost\nhttp_access deny all\n", "", ""},
		{"loopback port", "http_port 127.0.0.1:3128\nhttp_access allow all\n", "", ""},
		{"IPv6 loopback port", "http_port [::1]:3128\nhttp_access allow all\n", "", ""},
		{"one port beyond", "http_port 127.0.0.1:3128\nhttp_port 192.0.2.7:8080\nhttp_access allow all\n", "http_port 192.0.2.7:8080 on 192.0.2.7 (line 2)", ""},
		{"no rules: deny", "http_port 3128\n", "", ""},
		{"deny all first", "http_port 3128\nhttp_access deny all\nhttp_access allow all\n", "", ""},
		{"deny not localhost first", "http_port 3128\nhttp_access deny !localhost\nhttp_access allow all\n", "", ""},
		{"port denies decide nothing", "acl Safe_ports port 80 443\nhttp_port 3128\nhttp_access deny !Safe_ports\nhttp_access deny CONNECT !SSL_ports\nhttp_access allow all\n", "allow all", ""},
		{"private sources", "acl localnet src 10.0.0.0/8 192.168.0.0/16\nhttp_port 3128\nhttp_access allow localnet\nhttp_access deny all\n", "localnet = 10.0.0.0/8 192.168.0.0/16", "low"},
		{"public sources", "acl office src 198.51.100.0/24\nhttp_port 3128\nhttp_access allow office\nhttp_access deny all\n", "office = 198.51.100.0/24", ""},
		{"loopback acl", "acl me src 127.0.0.1/32 ::1\nhttp_port 3128\nhttp_access allow me\nhttp_access deny all\n", "", ""},
		{"last rule deny: default allow", "acl bad src 203.0.113.0/24\nhttp_port 3128\nhttp_access deny bad\n", "squid allows", ""},
		{"not localnet leaves private", "acl localnet src 10.0.0.0/8\nhttp_port 3128\nhttp_access deny !localnet\nhttp_access allow all\n", "allow all", "low"},
		{"allow never matching", "http_port 3128\nhttp_access allow !all\nhttp_access deny all\n", "", ""},
		{"commented", "http_port 3128\n#http_access allow all\nhttp_access deny all\n", "", ""},
		{"reverse proxy", "http_port 80 accel defaultsite=www.example.net\nhttp_access allow all\n", "", ""},
		{"fragment", "http_access allow all\n", "the ports are the including file's", "low"},
		{"continued line", "http_port \\\n 3128\nhttp_access allow \\\n all\n", "allow all", ""},
	})
}

func TestJudgeTor(t *testing.T) {
	runJudge(t, "tor", []judgeCase{
		{"relay", "Nickname r\nORPort 9001\n", "ORPort 9001 on all addresses (line 2)", ""},
		{"IPv6 any", "ORPort [::]:443 IPv6Only\n", "on ::", ""},
		{"auto", "ORPort auto\n", "ORPort auto", ""},
		{"case", "orport 9001\nbridgerelay 1\n", "bridgerelay 1 (line 2)", ""},
		{"port 0", "ORPort 0\n", "", ""},
		{"loopback", "ORPort 127.0.0.1:9001\n", "", ""},
		{"advertised beyond", "ORPort 127.0.0.1:9001 NoAdvertise\nORPort 198.51.100.4:443 NoListen\n", "198.51.100.4", ""},
		{"client only", "ORPort 9001\nClientOnly 1\n", "", ""},
		{"socks only", "SocksPort 9050\n#ORPort 9001\n", "", ""},
	})
}

func TestJudgeOpenVPN(t *testing.T) {
	runJudge(t, "openvpn", []judgeCase{
		{"server", "port 1194\nproto udp\ndev tun\nserver 10.8.0.0 255.255.255.0\n", "server 10.8.0.0 255.255.255.0 (line 4); udp port 1194 on all addresses", ""},
		{"mode server", "mode server\ntls-server\nlport 443\nproto tcp-server\n", "mode server (line 1); tcp-server port 443", ""},
		{"dashes", "--server-ipv6 fd00::/64\n", "server-ipv6 fd00::/64", ""},
		{"local address", "local 192.0.2.3\nserver 10.8.0.0 255.255.255.0\n", "on 192.0.2.3", ""},
		{"loopback", "local 127.0.0.1\nserver 10.8.0.0 255.255.255.0\n", "", ""},
		{"client", "client\ndev tun\nremote vpn.example.net 1194\n", "", ""},
		{"commented", ";server 10.8.0.0 255.255.255.0\n# mode server\n", "", ""},
		{"inline file", "<ca>\nserver 1.2.3.4\n</ca>\nclient\n", "", ""},
	})
}

func TestJudgeDante(t *testing.T) {
	runJudge(t, "dante", []judgeCase{
		{"interface", "internal: eth0 port = 1080\n", "internal: eth0 port = 1080 (line 1)", ""},
		{"loopback", "internal: 127.0.0.1 port = 1080\n", "", ""},
		{"lo", "internal: lo port=1080\n", "", ""},
		{"none", "logoutput: stderr\n", "", ""},
		{"open rules", "internal: 0.0.0.0 port = 1080\nclient pass {\n from: 0.0.0.0/0 to: 0.0.0.0/0\n}\n", "client pass from 0.0.0.0/0 (line 2)", ""},
		{"one-line block", "internal: 0.0.0.0 port = 1080\nclient pass { from: 0.0.0.0/0 to: 0.0.0.0/0 }\n", "client pass from 0.0.0.0/0", ""},
		{"local rules", "internal: eth0 port = 1080\nclient pass {\n from: 127.0.0.0/8 to: 0.0.0.0/0\n}\nclient block {\n from: 0.0.0.0/0 to: 0.0.0.0/0\n}\n", "", ""},
		{"block first", "internal: eth0 port = 1080\nclient block {\n from: 0.0.0.0/0 to: 0.0.0.0/0\n}\nclient pass {\n from: 0.0.0.0/0 to: 0.0.0.0/0\n}\n", "", ""},
		{"private rules", "internal: eth0 port = 1080\nclient pass {\n from: 10.0.0.0/8 to: 0.0.0.0/0\n}\n", "from 10.0.0.0/8", "low"},
	})
}

func TestJudgeTinyproxy(t *testing.T) {
	runJudge(t, "tinyproxy", []judgeCase{
		{"no acl", "Port 8888\n", "Port 8888 (line 1) on all addresses; no Allow or Deny: every client", ""},
		{"no port: not tinyproxy's", "MaxClients 10\n", "", ""},
		{"allow all", "Port 8888\nAllow 0.0.0.0/0\n", "Allow 0.0.0.0/0 (line 2)", ""},
		{"loopback allow", "Port 8888\nAllow 127.0.0.1\nAllow ::1\n", "", ""},
		{"listen loopback", "Port 8888\nListen 127.0.0.1\n", "", ""},
		{"private allow", "Port 3128\nAllow 192.168.0.0/16\n", "Allow 192.168.0.0/16", "low"},
		{"deny all first", "Port 3128\nDeny 0.0.0.0/0\nAllow 0.0.0.0/0\n", "", ""},
	})
}

func TestJudgePrivoxy(t *testing.T) {
	runJudge(t, "privoxy", []judgeCase{
		{"all", "listen-address :8118\n", "listen-address :8118 on all addresses (line 1)", ""},
		{"address", "listen-address 192.0.2.9:8118\n", "on 192.0.2.9", ""},
		{"default", "confdir /etc/privoxy\n", "", ""},
		{"loopback", "listen-address 127.0.0.1:8118\nlisten-address [::1]:8118\n", "", ""},
		{"localhost", "listen-address localhost:8118\n", "", ""},
		{"permit loopback", "listen-address :8118\npermit-access 127.0.0.1\n", "", ""},
		{"permit private", "listen-address :8118\npermit-access 10.1.0.0/16\n", "permit-access 10.1.0.0/16", "low"},
	})
}
