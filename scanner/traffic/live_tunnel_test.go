//go:build linux

package traffic

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
)

// TestLiveOpenVPNThroughProxies runs real OpenVPN (TCP) from one network namespace
// through a real proxy in the other (tinyproxy with HTTP CONNECT, Dante with SOCKS5)
// to an OpenVPN server on that namespace's loopback, captures the client's veth, and
// expects OpenVPN to be found inside the tunnel, the tunnel named in the evidence.
// Root, openvpn, tinyproxy and danted; it fails rather than skips under CI=true.
func TestLiveOpenVPNThroughProxies(t *testing.T) {
	for _, c := range []struct {
		name, via string
		proxy     func(t *testing.T, n *testenv.Netns, dir string) (flag []string, cmd *exec.Cmd)
	}{
		{"tinyproxy", "inside HTTP CONNECT to 127.0.0.1:1194", tinyproxyIn},
		{"dante", "inside SOCKS5 to 127.0.0.1:1194", danteIn},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := testenv.NewNetns(t)
			ovpn := testenv.LookPath(t, "openvpn")
			dir := t.TempDir()
			testenv.WritePKI(t, dir)
			proxyFlags, proxy := c.proxy(t, n, dir)
			src := openLiveInNetns(t, n.A, n.VethA)
			t.Cleanup(func() { src.Close() })
			common := []string{"--dev", "tun", "--ca", filepath.Join(dir, "ca.pem"), "--dh", "none",
				"--verb", "3", "--connect-retry", "1", "--ping", "1"}
			server := n.Command(n.B, ovpn, append([]string{"--tls-server", "--proto", "tcp-server", "--local", "127.0.0.1", "--lport", "1194",
				"--ifconfig", "10.95.1.1", "10.95.1.2", "--cert", filepath.Join(dir, "server.pem"), "--key", filepath.Join(dir, "server.key")}, common...)...)
			client := n.Command(n.A, ovpn, append(append([]string{"--tls-client", "--proto", "tcp-client", "--remote", "127.0.0.1", "1194",
				"--ifconfig", "10.95.1.2", "10.95.1.1", "--cert", filepath.Join(dir, "client.pem"), "--key", filepath.Join(dir, "client.key")}, proxyFlags...), common...)...)
			logs := startAll(t, proxy, server, client)

			var found []scanner.Finding
			done := make(chan struct{})
			var once sync.Once
			s := NewScanner(builtinEngine(t), ScannerConfig{}, func(f scanner.Finding) {
				found = append(found, f)
				if f.Rule == "vpn.openvpn.traffic" {
					once.Do(func() { close(done) })
				}
			})
			st, err := s.Live(src, nil, time.Now().Add(25*time.Second), done)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range found {
				t.Logf("finding: %s %s [%s] %s", f.Rule, f.Subject, f.Confidence, f.Evidence)
				if f.Rule == "vpn.openvpn.traffic" {
					if !strings.HasPrefix(f.Evidence, c.via+": ") || f.Category != "vpn" || f.Flow.Dst.String() != n.AddrB {
						t.Errorf("finding %+v: want the tunnel named (%q) on the flow to the proxy %s", f, c.via, n.AddrB)
					}
					return
				}
			}
			t.Fatalf("no OpenVPN finding in %d packets (%+v); logs:\n%s", st.Packets, st, logs())
		})
	}
}

// tinyproxyIn starts tinyproxy in namespace B, allowing CONNECT to OpenVPN's port.
func tinyproxyIn(t *testing.T, n *testenv.Netns, dir string) ([]string, *exec.Cmd) {
	bin := testenv.LookPath(t, "tinyproxy")
	conf := filepath.Join(dir, "tinyproxy.conf")
	writeTestFile(t, conf, fmt.Sprintf("Port 8888\nListen %s\nAllow %s\nConnectPort 1194\nMaxClients 10\nLogLevel Info\n", n.AddrB, n.AddrA))
	return []string{"--http-proxy", n.AddrB, "8888"}, n.Command(n.B, bin, "-d", "-c", conf)
}

// danteIn starts Dante's SOCKS server in namespace B, relaying to its loopback.
func danteIn(t *testing.T, n *testenv.Netns, dir string) ([]string, *exec.Cmd) {
	bin := testenv.LookPath(t, "danted")
	conf := filepath.Join(dir, "danted.conf")
	writeTestFile(t, conf, fmt.Sprintf(`logoutput: stderr
internal: %s port = 1080
external: lo
socksmethod: none
clientmethod: none
user.privileged: root
user.unprivileged: nobody
client pass { from: 0.0.0.0/0 to: 0.0.0.0/0 }
socks pass { from: 0.0.0.0/0 to: 0.0.0.0/0 }
`, n.AddrB))
	return []string{"--socks-proxy", n.AddrB, "1080"}, n.Command(n.B, bin, "-f", conf)
}

func writeTestFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// startAll starts the commands in order, a moment apart, stops them when the test
// ends, and returns a function that reads what they wrote.
func startAll(t *testing.T, cmds ...*exec.Cmd) func() string {
	var out strings.Builder
	var mu sync.Mutex
	for _, c := range cmds {
		c.Stdout, c.Stderr = lockedWriter{&out, &mu}, lockedWriter{&out, &mu}
		if err := c.Start(); err != nil {
			t.Fatalf("%s: %v", c.Path, err)
		}
		t.Cleanup(func() { c.Process.Kill(); c.Wait() })
		time.Sleep(300 * time.Millisecond)
	}
	return func() string { mu.Lock(); defer mu.Unlock(); return out.String() }
}
