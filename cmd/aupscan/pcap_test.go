package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/scanner"
)

const captures = "../../signatures/builtin/captures/"

func TestPcapCommand(t *testing.T) {
	notCapture := filepath.Join(t.TempDir(), "notes.pcap")
	if err := os.WriteFile(notCapture, []byte("these are notes, not packets"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir() // two captures under a folder, beside notes
	copyFile(t, captures+"socks5.pcap", filepath.Join(folder, "a", "socks5.pcap.bin"), 0o644)
	copyFile(t, captures+"openvpn-udp.pcap", filepath.Join(folder, "openvpn"), 0o644)
	copyFile(t, notCapture, filepath.Join(folder, "a", "notes.txt"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want []string // substrings of stdout+stderr
	}{
		{"folder, captures by magic", []string{"pcap", folder}, 1,
			[]string{"read 2 capture files", "a/notes.txt: not a pcap or pcapng capture, skipped", "proxy.socks.traffic", "vpn.openvpn.traffic"}},
		{"folder without a capture", []string{"pcap", filepath.Dir(notCapture)}, 2, []string{"no pcap or pcapng capture in the folder"}},
		{"clean", []string{"pcap", captures + "tls-site.pcap", captures + "ping.pcap"}, 0,
			[]string{"read 2 capture files", "0 findings"}},
		{"findings", []string{"pcap", captures + "socks5.pcap", captures + "openvpn-udp.pcap"}, 1,
			[]string{"SEVERITY", "CONFIDENCE", "proxy.socks.traffic", "TCP 192.0.2.10:40008 -> 198.51.100.20:1080", "vpn.openvpn.traffic", "2 findings"}},
		{"truncated keeps what was read", []string{"pcap", "../../testdata/pcap/truncated.pcap"}, 0,
			[]string{"truncated.pcap: packet 8: file ends inside the packet", "the 7 packets before it were scanned"}},
		{"not a capture wins", []string{"pcap", captures + "socks5.pcap", notCapture}, 2,
			[]string{"proxy.socks.traffic", "notes.pcap: not a pcap or pcapng capture"}},
		{"missing file", []string{"pcap", "no/such.pcap"}, 2, []string{"no/such.pcap"}},
		{"no file", []string{"pcap"}, 2, []string{"expected"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := aupscan(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out+errOut, w) {
					t.Errorf("output lacks %q\nstdout:\n%s\nstderr:\n%s", w, out, errOut)
				}
			}
		})
	}
}

// TestPcapSourceColumn: the table of several captures says which each finding came
// from; the table of one has no such column.
func TestPcapSourceColumn(t *testing.T) {
	_, out, _ := aupscan(t, "pcap", captures+"socks5.pcap", captures+"openvpn-udp.pcap")
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if len(rows) != 3 || !strings.Contains(rows[0], "SOURCE") {
		t.Fatalf("want a header with SOURCE and two rows:\n%s", out)
	}
	for _, row := range rows[1:] {
		rule, src := strings.Fields(row)[4], strings.Fields(row)[5]
		want := map[string]string{"proxy.socks.traffic": "socks5.pcap", "vpn.openvpn.traffic": "openvpn-udp.pcap"}[rule]
		if want == "" || !strings.HasSuffix(src, want) {
			t.Errorf("row %q: source %q, want .../%s", row, src, want)
		}
	}
	if _, out, _ := aupscan(t, "pcap", captures+"socks5.pcap"); strings.Contains(out, "SOURCE") {
		t.Errorf("one capture, yet a source column:\n%s", out)
	}
}

// TestPcapJSON checks the JSON Lines contract of a traffic finding.
func TestPcapJSON(t *testing.T) {
	code, out, errOut := aupscan(t, "--format", "json", "pcap", captures+"wireguard.pcap")
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines, want 1:\n%s", len(lines), out)
	}
	var f scanner.Finding
	if err := json.Unmarshal([]byte(lines[0]), &f); err != nil {
		t.Fatal(err)
	}
	if f.Rule != "vpn.wireguard.traffic" || f.Kind != "traffic" || f.Category != "vpn" || f.Flow == nil ||
		f.Flow.Proto != "UDP" || f.Flow.Dport != 51820 || f.Source != captures+"wireguard.pcap" || f.ID == "" ||
		f.Subject != "UDP 192.0.2.10:40003 -> 198.51.100.20:51820" || f.Time.IsZero() {
		t.Errorf("finding %+v", f)
	}
	for _, key := range []string{`"id"`, `"rule"`, `"category"`, `"severity"`, `"confidence"`, `"kind"`, `"subject"`, `"evidence"`, `"source"`, `"time"`, `"flow"`, `"sport"`} {
		if !strings.Contains(lines[0], key) {
			t.Errorf("JSON lacks %s: %s", key, lines[0])
		}
	}
}

// TestPcapWorkersKeepOrder scans files in parallel and expects the findings in the
// order of the arguments.
func TestPcapWorkersKeepOrder(t *testing.T) {
	files := []string{"socks5.pcap", "openvpn-udp.pcap", "wireguard.pcap", "ike.pcap", "tor.pcap"}
	args := []string{"--format", "json", "pcap", "--workers", "3"}
	for _, f := range files {
		args = append(args, captures+f)
	}
	code, out, errOut := aupscan(t, args...)
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	var sources []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f scanner.Finding
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatal(err)
		}
		sources = append(sources, filepath.Base(f.Source))
	}
	if strings.Join(sources, " ") != strings.Join(files, " ") {
		t.Errorf("findings from %v, want one each from %v in that order", sources, files)
	}
}

// TestPcapLocal gives the monitored host with --local: the finding says its role
// and what was seen of it, as the contract writes role; a value that is no address,
// range or MAC is bad usage, named.
func TestPcapLocal(t *testing.T) {
	cases := []struct {
		local, role, seen string
	}{
		{"192.0.2.10", "client", "connected to 198.51.100.20:51820/udp"},
		{"198.51.100.0/24", "server", "accepted connections on 51820/udp from 192.0.2.10"},
		{"203.0.113.1,02:00:00:00:00:09", "", ""},
	}
	for _, c := range cases {
		code, out, errOut := aupscan(t, "--format", "json", "pcap", "--local", c.local, captures+"wireguard.pcap")
		if code != 1 {
			t.Fatalf("--local %s: exit %d\n%s", c.local, code, errOut)
		}
		var f scanner.Finding
		if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &f); err != nil {
			t.Fatal(err)
		}
		if f.Role != c.role || !strings.HasSuffix(f.Evidence, c.seen) || (c.role == "") == strings.Contains(out, `"role"`) {
			t.Errorf("--local %s: role %q, evidence %q; want %q ending %q\n%s", c.local, f.Role, f.Evidence, c.role, c.seen, out)
		}
	}
	code, _, errOut := aupscan(t, "pcap", "--local", "10.0.0.300", captures+"wireguard.pcap")
	if code != 2 || !strings.Contains(errOut, `"10.0.0.300"`) {
		t.Errorf("bad --local: exit %d, %s", code, errOut)
	}
}
