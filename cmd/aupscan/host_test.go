package main

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/host"
	"github.com/aupscan/aupscan/signatures"
)

// sampleFile returns the local path of a fetched rule sample, or stops the test
// (it fails in CI, where make test fetches every sample).
func sampleFile(t *testing.T, spec string) string {
	t.Helper()
	sm, err := signatures.ParseSample(spec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(sm.LocalPath()); errors.Is(err, os.ErrNotExist) {
		testenv.Missing(t, "sample "+spec+" not fetched (scripts/fetch-samples.sh)")
	}
	return sm.LocalPath()
}

func plant(t *testing.T, root, rel string, from string, content string) {
	t.Helper()
	dst := filepath.Join(root, rel)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if from == "" {
		if err := os.WriteFile(dst, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
}

// TestHostRootFindsPlantedPrograms builds a VM root in a temporary folder: real
// programs from Debian's packages copied under innocent names, a dpkg status file,
// configuration files and the EICAR file, beside ordinary programs and documents.
// `aupscan host --root` must find every planted item with the right category and
// nothing else.
func TestHostRootFindsPlantedPrograms(t *testing.T) {
	root := t.TempDir()
	planted := []struct{ rel, sample, rule, kind string }{
		{"/usr/local/bin/backup-agent", "deb:openvpn:/usr/sbin/openvpn", "vpn.openvpn", "file"},
		{"/opt/monitor/bin/healthd", "deb:tor:/usr/bin/tor", "tor.daemon", "file"},
		{"/home/alice/.local/bin/sync", "deb:shadowsocks-libev:/usr/bin/ss-server", "proxy.shadowsocks", "file"},
		{"/srv/tools/indexer", "deb:obfs4proxy:/usr/bin/obfs4proxy", "tor.obfs4proxy", "file"},
		{"/var/tmp/cache-helper", "deb:tinyproxy-bin:/usr/bin/tinyproxy", "proxy.tinyproxy", "file"},
		{"/root/bin/logrotate2", "deb:dante-server:/usr/sbin/danted", "proxy.dante", "file"},
	}
	for _, p := range planted {
		plant(t, root, p.rel, sampleFile(t, p.sample), "")
	}
	for rel, spec := range map[string]string{"/usr/bin/curl": "deb:curl:/usr/bin/curl",
		"/usr/bin/ssh": "deb:openssh-client:/usr/bin/ssh", "/usr/bin/ls": "deb:coreutils:/bin/ls"} {
		plant(t, root, rel, sampleFile(t, spec), "")
	}
	status, err := os.ReadFile("../../testdata/host/dpkg-status")
	if err != nil {
		t.Fatal(err)
	}
	plant(t, root, "/var/lib/dpkg/status", "", string(status))
	plant(t, root, "/etc/machine-id", "", "4f1c0ffee0000000000000000000beef\n")
	plant(t, root, "/etc/tor/torrc", "", "Nickname relay1\nORPort 9001\nExitRelay 0\n")
	plant(t, root, "/etc/wireguard/wg0.conf", "", "[Interface]\nListenPort = 51820\nPrivateKey = (redacted)\n")
	plant(t, root, "/etc/openvpn/client.conf", "", "client\ndev tun\nremote vpn.example.net 1194\n")
	plant(t, root, "/tmp/eicar.com", "", `X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`)
	plant(t, root, "/home/alice/docs/report.txt", "", "Quarterly report. We evaluated OpenVPN, Tor and Shadowsocks for the office.\n")
	plant(t, root, "/home/alice/docs/notes.md", "", "# Notes\nstratum is a word; mining.subscribe is not a miner.\n")
	want := []string{
		"config tor tor.relay-config /etc/tor/torrc",
		"config vpn vpn.wireguard-server-config /etc/wireguard/wg0.conf",
		"file malware malware.eicar /tmp/eicar.com",
		"package vpn vpn.openvpn dpkg openvpn 2.6.3-1+deb12u2",
	}
	for _, p := range planted {
		cat := strings.SplitN(p.rule, ".", 2)[0]
		want = append(want, p.kind+" "+cat+" "+p.rule+" "+p.rel)
	}
	slices.Sort(want)

	code, out, errOut := aupscan(t, "--format", "json", "host", "--root", root)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f scanner.Finding
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		if f.Host != "4f1c0ffee0000000000000000000beef" || f.Source != root {
			t.Errorf("finding %s: host %q, source %q", f.Rule, f.Host, f.Source)
		}
		got = append(got, f.Kind+" "+f.Category+" "+f.Rule+" "+f.Subject)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if sum := jsonSummary(t, errOut); sum.Processes == nil || *sum.Processes != 0 || sum.Findings != len(want) {
		t.Errorf("--root must not look at this host's processes:\n%s", errOut)
	}
}

// TestHostListPaths: --list-paths prints the plan of a scan of the root, as a table
// or JSON Lines, and scans nothing.
func TestHostListPaths(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "usr/bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := aupscan(t, "host", "--root", root, "--list-paths")
	if code != exitClean || !strings.Contains(out, filepath.Join(root, "usr/bin")) || !strings.Contains(out, host.PlanFolder) ||
		!strings.Contains(out, filepath.Join(root, "opt")) || !strings.Contains(out, host.PlanAbsent) || strings.Contains(errOut, "scanned") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	_, out, _ = aupscan(t, "--format", "json", "host", "--root", root, "--list-paths")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(host.DefaultPaths) {
		t.Errorf("%d records, want one per default folder:\n%s", len(lines), out)
	}
	var e host.PlanEntry
	if err := json.Unmarshal([]byte(lines[0]), &e); err != nil || e.Path != filepath.Join(root, host.DefaultPaths[0]) {
		t.Errorf("first record %+v (%v)", e, err)
	}
}
