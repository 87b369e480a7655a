package host

import (
	"context"
	"crypto/md5"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

// sample returns the local path of a fetched rule sample (a real program from a
// Debian package), or stops the test: it fails in CI, where make test fetches them.
func sample(t *testing.T, spec string) string {
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

// copyFile copies a file into the VM root at rel, making its folders.
func copyFile(t *testing.T, root, rel, from string) {
	t.Helper()
	dst := filepath.Join(root, rel)
	must(t, os.MkdirAll(filepath.Dir(dst), 0o755))
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
	must(t, out.Close())
}

// found is the part of a finding the VM root tests compare exactly.
type found struct {
	Rule, Kind, Subject, Container, Role string
}

// scanRoot runs a whole host scan of a VM root and returns its findings, sorted,
// and the summary.
func scanRoot(t *testing.T, root string, paths []string) ([]scanner.Finding, Result) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out []scanner.Finding
	res, err := Scan(ctx, builtinEngine(t), Options{Root: root, Paths: paths, Host: "vm-1"}, func(f scanner.Finding) { out = append(out, f) })
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out, func(a, b scanner.Finding) int {
		return strings.Compare(a.Container+a.Subject+a.Rule, b.Container+b.Subject+b.Rule)
	})
	return out, res
}

func summarise(fs []scanner.Finding) []found {
	out := make([]found, len(fs))
	for i, f := range fs {
		out[i] = found{f.Rule, f.Kind, f.Subject, f.Container, f.Role}
	}
	return out
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/host")

// stripped copies a sample into the VM root at rel and strips what strip or objcopy
// can strip from it, as a program copied between machines often is.
func stripped(t *testing.T, root, rel, from, tool string) {
	t.Helper()
	copyFile(t, root, rel, from)
	runIn(t, root, tool, "--strip-all", filepath.Join(root, rel))
}

// conffiles is a dpkg status stanza of an installed package listing conffiles with
// the checksums of the contents given: those files are the package's defaults.
func conffiles(pkg string, files map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Package: %s\nStatus: install ok installed\nVersion: 1\n", pkg)
	if len(files) > 0 {
		b.WriteString("Conffiles:\n")
	}
	for p, content := range files {
		fmt.Fprintf(&b, " %s %x\n", p, md5.Sum([]byte(content)))
	}
	return b.String() + "\n"
}

// TestVMRoot scans one VM root holding what an operator meets, every kind at once:
// real programs (Debian's and Go builds from the module proxy) renamed and
// stripped, started by a unit or a crontab from outside every walked folder, in a
// zip, in a tar.gz and nested, in a Docker container's layers; configurations that
// serve others, and others that do not (a client's, loopback-only, Debian's
// packaged defaults of squid, shadowsocks-libev and tor, listed by dpkg with their
// checksums); documentation and prose that name the programs; a removed package.
// The full list of findings must be exactly testdata/host/vmroot.golden.
func TestVMRoot(t *testing.T) {
	vm := t.TempDir()
	w := func(rel, content string) { mustWrite(t, filepath.Join(vm, rel), content) }

	// Programs the system starts, renamed and stripped, outside the walked folders.
	stripped(t, vm, "var/lib/kcache/kworkerd", sample(t, "deb:tor:/usr/bin/tor"), "strip")
	w("etc/systemd/system/kcache.service", "[Unit]\nDescription=Kernel cache\n\n[Service]\nExecStart=/var/lib/kcache/kworkerd -f /var/lib/kcache/rc\nRestart=always\n")
	stripped(t, vm, "var/lib/.x/dbus-helper", sample(t, "go:github.com/xtls/xray-core/main@v1.260327.0"), "objcopy")
	w("var/spool/cron/crontabs/root", "SHELL=/bin/sh\n*/5 * * * * /var/lib/.x/dbus-helper run -c /var/lib/.x/c.json >/dev/null 2>&1\n")
	// A Go program no rule names, built on a proxy core, renamed in a walked folder.
	stripped(t, vm, "opt/app/gw", sample(t, "go:github.com/Jigsaw-Code/outline-sdk/x/examples/ws2endpoint@v0.0.8"), "objcopy")
	// An innocent program started by a unit.
	copyFile(t, vm, "usr/lib/openssh/sshd", sample(t, "deb:openssh-client:/usr/bin/ssh"))
	w("lib/systemd/system/ssh.service", "[Service]\nExecStart=/usr/lib/openssh/sshd -D\n")

	// Archives made by the real tools: a zip, a tar.gz inside it, a tar.gz alone.
	src := t.TempDir()
	copyFile(t, src, "bin/agent", sample(t, "deb:shadowsocks-libev:/usr/bin/ss-local"))
	copyFile(t, src, "x/tund", sample(t, "deb:shadowsocks-libev:/usr/bin/ss-tunnel"))
	mustWrite(t, filepath.Join(src, "docs/README.txt"), "Start ss-server or xray with the config below.\n")
	runIn(t, src, "tar", "-czf", "inner.tar.gz", "x")
	must(t, os.MkdirAll(filepath.Join(vm, "srv/backup"), 0o755))
	runIn(t, src, "zip", "-qr", filepath.Join(vm, "srv/backup/tools.zip"), "bin", "docs", "inner.tar.gz")
	copyFile(t, src, "bundle/trojan", sample(t, "deb:trojan:/usr/bin/trojan"))
	must(t, os.MkdirAll(filepath.Join(vm, "home/alice/dl"), 0o755))
	runIn(t, src, "tar", "-czf", filepath.Join(vm, "home/alice/dl/bundle.tar.gz"), "bundle")

	// A Docker container (overlay2) of an image no rule names: a stripped Go proxy
	// in its image layer, a relay configuration in its own layer.
	d := filepath.Join(vm, "var/lib/docker")
	o := filepath.Join(d, "overlay2")
	edge := strings.Repeat("e", 64)
	stripped(t, o, "L1/diff/usr/bin/healthcheck", sample(t, "go:github.com/nadoo/glider@v0.16.4"), "objcopy")
	mustWrite(t, filepath.Join(o, "L1/diff/etc/hostname"), "edge\n")
	must(t, os.MkdirAll(filepath.Join(o, "l"), 0o755))
	must(t, os.Symlink("../L1/diff", filepath.Join(o, "l/LOWER1")))
	mustWrite(t, filepath.Join(o, "m1/diff/etc/tor/torrc"), "Nickname edge\nORPort 443\n")
	mustWrite(t, filepath.Join(o, "m1/lower"), "l/LOWER1")
	writeJSON(t, filepath.Join(d, "containers", edge, "config.v2.json"),
		map[string]any{"ID": edge, "Name": "/edge", "Driver": "overlay2", "Config": map[string]any{"Image": "library/alpine:3.20"}})
	mustWrite(t, filepath.Join(d, "image/overlay2/layerdb/mounts", edge, "mount-id"), "m1")

	// Configurations: servers for others...
	w("etc/shadowsocks-libev/relay.json", `{"server":"0.0.0.0","server_port":8388,"password":"x","method":"chacha20-ietf-poly1305"}`)
	w("etc/openvpn/server/server.conf", "port 1194\nproto udp\ndev tun\nserver 10.8.0.0 255.255.255.0\n")
	// ...a client's, loopback-only ones...
	w("etc/shadowsocks-libev/client.json", `{"server":"203.0.113.7","server_port":8388,"local_address":"127.0.0.1","local_port":1080,"password":"x","method":"chacha20-ietf-poly1305"}`)
	w("etc/openvpn/client/work.conf", "client\ndev tun\nproto udp\nremote vpn.example.net 1194\n")
	w("etc/openvpn/server/test.conf", "local 127.0.0.1\nport 1194\ndev tun\nserver 10.8.0.0 255.255.255.0\n")
	w("etc/tor/torrc.d/test.conf", "ORPort 127.0.0.1:9001\n")
	// ...and Debian's defaults: squid's and tor's conffiles unchanged; the
	// shadowsocks-libev config.json its postinst writes from the template, on
	// loopback, with a password of its own.
	squid := sampleText(t, "deb:squid:/etc/squid/squid.conf")
	torrc := sampleText(t, "deb:tor:/etc/tor/torrc")
	ss := strings.Replace(sampleText(t, "deb:shadowsocks-libev:/usr/share/shadowsocks-libev/config.json"), "barfoo!", "Xk3v9Qm2Lp7a", 1)
	ssDefault := sampleText(t, "deb:shadowsocks-libev:/etc/default/shadowsocks-libev")
	w("etc/squid/squid.conf", squid)
	w("etc/tor/torrc", torrc)
	w("etc/shadowsocks-libev/config.json", ss)
	w("etc/default/shadowsocks-libev", ssDefault)
	w("var/lib/dpkg/status", conffiles("squid", map[string]string{"/etc/squid/squid.conf": squid})+
		conffiles("tor", map[string]string{"/etc/tor/torrc": torrc})+
		conffiles("shadowsocks-libev", map[string]string{"/etc/default/shadowsocks-libev": ssDefault})+
		"Package: openvpn\nStatus: deinstall ok config-files\nVersion: 1\n\n")

	// Documentation and prose that name the programs.
	copyFile(t, vm, "usr/share/doc/tor/README.Debian", sample(t, "deb:tor:/usr/share/doc/tor/README.Debian"))
	copyFile(t, vm, "usr/share/doc/openvpn/examples/sample-config-files/server.conf", sample(t, "deb:openvpn:/usr/share/doc/openvpn/examples/sample-config-files/server.conf"))
	w("home/alice/notes.txt", "ss-server -c /etc/shadowsocks-libev/config.json; xray run; tor --ORPort 9001\n")

	got, _ := scanRoot(t, vm, nil)
	var lines []string
	for _, f := range summarise(got) {
		lines = append(lines, strings.Join([]string{f.Rule, f.Kind, f.Subject, orDash(f.Container), orDash(f.Role)}, " "))
	}
	golden := "../../testdata/host/vmroot.golden"
	text := "# rule kind subject container role: TestVMRoot's findings (go test ./scanner/host -run TestVMRoot -update)\n" +
		strings.Join(lines, "\n") + "\n"
	if *update {
		must(t, os.WriteFile(golden, []byte(text), 0o644))
	}
	want, err := os.ReadFile(golden)
	must(t, err)
	if string(want) != text {
		t.Errorf("findings:\n%s\nwant (%s):\n%s", text, golden, want)
	}
	for _, f := range got {
		if f.Kind == scanner.KindConfig && f.Role != scanner.RoleServer {
			t.Errorf("config finding %s on %s without role server", f.Rule, f.Subject)
		}
	}

	// The defaults gave nothing because of what they say: the same files edited to
	// serve others are found (so they were read and judged, not passed over).
	w("etc/squid/squid.conf", replaceOnce(t, squid, "\nhttp_access allow localhost\n", "\nhttp_access allow all\n"))
	w("etc/shadowsocks-libev/config.json", replaceOnce(t, ss, `"server":["::1", "127.0.0.1"]`, `"server":["0.0.0.0", "::"]`))
	got, _ = scanRoot(t, vm, []string{"/etc"})
	edited := map[string]string{}
	for _, f := range got {
		if f.Kind == scanner.KindConfig && f.Container == "" {
			edited[f.Subject] = f.Rule + " " + f.Role
		}
	}
	for p, want := range map[string]string{
		"/etc/squid/squid.conf":              "proxy.squid-public-config server",
		"/etc/shadowsocks-libev/config.json": "proxy.shadowsocks-server-config server",
	} {
		if edited[p] != want {
			t.Errorf("%s edited to serve others: %q, want %q", p, edited[p], want)
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
