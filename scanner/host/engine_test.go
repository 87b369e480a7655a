package host

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

func operatorEngine(t *testing.T) (*signatures.Set, *Engine) {
	t.Helper()
	s, err := signatures.Load(signatures.Options{Dirs: []string{"../../testdata/rules/valid/operator"}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	return s, Compile(s)
}

func TestEngineMatchPackageAndProcess(t *testing.T) {
	s, eng := operatorEngine(t)
	r := s.Rule("op.package.proxies")
	for _, tc := range []struct {
		p    Package
		want bool
	}{
		{Package{"dpkg", "dante-server", "1.4"}, true},
		{Package{"rpm", "dante-server", "1.4"}, true},
		{Package{"apk", "dante-server", "1.4"}, false}, // not named for apk
		{Package{"apk", "tinyproxy", "1.11"}, true},    // names: any manager
		{Package{"dpkg", "curl", "7"}, false},
	} {
		if got := slices.Contains(eng.MatchPackage(tc.p), r); got != tc.want {
			t.Errorf("%v: %v, want %v", tc.p, got, tc.want)
		}
	}
	// listen_ports qualify the name: danted must listen on 1080.
	if m := eng.MatchProcess("danted", []uint16{22, 1080}); len(m) != 1 || m[0].Port != 1080 {
		t.Errorf("danted on 1080: %+v", m)
	}
	if m := eng.MatchProcess("danted", []uint16{8080}); len(m) != 0 {
		t.Errorf("danted on 8080 only: %+v", m)
	}
	if m := eng.MatchProcess("nginx", []uint16{1080}); len(m) != 0 {
		t.Errorf("a port alone matched: %+v", m)
	}
	// With the file and host engines the content and package examples run; only the
	// traffic ones remain.
	for _, p := range s.Check(eng.Files, eng) {
		if !p.Warning || p.Rule != "op.vpn.examplevpn" {
			t.Errorf("check with the host engine: %v", p)
		}
	}
}

// TestScanVMRoot scans a VM root made in a temporary folder: packages from its dpkg
// status, configuration files and a planted file, with nothing reached outside it.
func TestScanVMRoot(t *testing.T) {
	outside := t.TempDir()
	mustWrite(t, filepath.Join(outside, "torrc"), "ORPort 443\n")
	root := t.TempDir()
	status, err := os.ReadFile("../../testdata/host/dpkg-status")
	must(t, err)
	mustWrite(t, filepath.Join(root, "var/lib/dpkg/status"), string(status)+"\nPackage: dante-server\nStatus: install ok installed\nVersion: 1.4.2\n")
	mustWrite(t, filepath.Join(root, "etc/tor/torrc"), "SocksPort 9050\nORPort 9001\n")
	mustWrite(t, filepath.Join(root, "etc/machine-id"), "0123456789abcdef0123456789abcdef\n")
	mustWrite(t, filepath.Join(root, "home/bob/notes.txt"), "meeting at 10\n")
	must(t, os.MkdirAll(filepath.Join(root, "etc/tor2"), 0o755))
	must(t, os.Symlink(filepath.Join(outside, "torrc"), filepath.Join(root, "etc/tor2/torrc")))

	set, err := signatures.Load(signatures.Options{Dirs: []string{"../../testdata/rules/valid/operator"}})
	must(t, err)
	eng := Compile(set)
	var got []string
	res, err := Scan(t.Context(), eng, Options{Root: root, Host: MachineID(root)}, func(f scanner.Finding) {
		got = append(got, f.Kind+" "+f.Rule+" "+f.Subject)
		if f.Host != "0123456789abcdef0123456789abcdef" || f.Source != root || f.ID == "" {
			t.Errorf("finding %+v", f)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	want := []string{"config tor.relay-config /etc/tor/torrc", "package op.package.proxies dpkg dante-server 1.4.2",
		"package proxy.dante dpkg dante-server 1.4.2", "package vpn.openvpn dpkg openvpn 2.6.3-1+deb12u2"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if res.Packages != 3 || res.Summary.Files < 3 {
		t.Errorf("result %+v", res)
	}
}

// TestContainerExamples runs image and definition examples through the host
// engine: each must match or not as its rule says, and a definition whose path
// names no definition kind is an error, not a silent miss.
func TestContainerExamples(t *testing.T) {
	s, err := signatures.Load(signatures.Options{})
	if err != nil {
		t.Fatal(err)
	}
	eng := Compile(s)
	r := s.Rule("proxy.xray")
	for _, tc := range []struct {
		ex     signatures.Example
		want   bool
		errors bool
	}{
		{ex: signatures.Example{Image: "docker.io/teddysun/xray:1.8.4"}, want: true},
		{ex: signatures.Example{Image: "teddysun/xray-plugin"}},
		{ex: signatures.Example{Definition: "[Container]\nImage=ghcr.io/xtls/xray-core:v1\n", Path: "/etc/containers/systemd/x.container"}, want: true},
		{ex: signatures.Example{Definition: "kind: Pod\nspec:\n  containers: [{image: teddysun/xray}]\n", Path: "/etc/kubernetes/manifests/p.yaml"}, want: true},
		{ex: signatures.Example{Definition: "kind: Pod\nspec:\n  containers: [{image: v2fly/v2fly-core}]\n", Path: "/etc/kubernetes/manifests/p.yaml"}}, // V2Ray's own rule
		{ex: signatures.Example{Definition: "services:\n  a:\n    image: nginx\n", Path: "/srv/compose.yaml"}},
		{ex: signatures.Example{Definition: "services:\n  a:\n    image: teddysun/xray\n", Path: "/srv/notes.txt"}, errors: true},
	} {
		handled, matched, err := eng.RunExample(r, &tc.ex)
		if !handled || matched != tc.want || (err != nil) != tc.errors {
			t.Errorf("%s: handled %v, matched %v, err %v; want matched %v", tc.ex.String(), handled, matched, err, tc.want)
		}
	}
	if h, _, _ := eng.RunExample(s.Rule("vpn.boringtun"), &signatures.Example{Image: "x"}); h {
		t.Error("a rule without a container section handled an image example")
	}
}
