//go:build linux

package traffic

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
	"golang.org/x/sys/unix"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
)

// TestLiveOpenVPN runs real OpenVPN (TLS mode, UDP) between two network namespaces
// joined by a veth pair, captures on the client's end of the veth in-process, and
// expects the OpenVPN finding. Root only; it fails rather than skips under CI=true.
// All traffic stays inside the two namespaces (10.99.0.0/30), and everything is
// removed when the test ends.
// openVPNBetweenNamespaces makes two network namespaces joined by a veth pair, runs
// a real OpenVPN server and client (TLS mode, a PKI made by the test) between them,
// and returns a live source capturing on the client's veth, with the interface name
// and OpenVPN's logs. Everything is removed when the test ends.
func openVPNBetweenNamespaces(t *testing.T) (src *capture.LiveSource, vethA string, logs func() string) {
	testenv.NeedRoot(t)
	ip := testenv.LookPath(t, "ip")
	ovpn := testenv.LookPath(t, "openvpn")
	id := fmt.Sprintf("%d", os.Getpid()%100000)
	nsA, nsB := "aupA"+id, "aupB"+id
	vethA, vethB := "aupa"+id, "aupb"+id
	run := func(args ...string) {
		t.Helper()
		if out, err := exec.Command(ip, args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %s: %v: %s", strings.Join(args, " "), err, out)
		}
	}
	run("netns", "add", nsA)
	t.Cleanup(func() { exec.Command(ip, "netns", "del", nsA).Run() })
	run("netns", "add", nsB)
	t.Cleanup(func() { exec.Command(ip, "netns", "del", nsB).Run() })
	run("link", "add", vethA, "netns", nsA, "type", "veth", "peer", "name", vethB, "netns", nsB)
	run("-n", nsA, "addr", "add", "10.99.0.1/30", "dev", vethA)
	run("-n", nsB, "addr", "add", "10.99.0.2/30", "dev", vethB)
	for _, c := range [][]string{{nsA, vethA}, {nsB, vethB}, {nsA, "lo"}, {nsB, "lo"}} {
		run("-n", c[0], "link", "set", c[1], "up")
	}

	dir := t.TempDir()
	testenv.WritePKI(t, dir)
	src = openLiveInNetns(t, nsA, vethA)
	t.Cleanup(func() { src.Close() })

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	common := []string{"--dev", "tun", "--proto", "udp", "--ca", filepath.Join(dir, "ca.pem"), "--dh", "none",
		"--verb", "3", "--connect-retry", "1", "--ping", "1"}
	server := exec.CommandContext(ctx, ip, append([]string{"netns", "exec", nsB, ovpn, "--tls-server", "--lport", "1194",
		"--ifconfig", "10.99.1.1", "10.99.1.2", "--cert", filepath.Join(dir, "server.pem"), "--key", filepath.Join(dir, "server.key")}, common...)...)
	client := exec.CommandContext(ctx, ip, append([]string{"netns", "exec", nsA, ovpn, "--tls-client", "--remote", "10.99.0.2", "1194",
		"--ifconfig", "10.99.1.2", "10.99.1.1", "--cert", filepath.Join(dir, "client.pem"), "--key", filepath.Join(dir, "client.key")}, common...)...)
	var out strings.Builder
	var mu sync.Mutex
	for _, c := range []*exec.Cmd{server, client} {
		c.Stdout, c.Stderr = lockedWriter{&out, &mu}, lockedWriter{&out, &mu}
		if err := c.Start(); err != nil {
			t.Fatalf("openvpn: %v", err)
		}
		t.Cleanup(func() { c.Process.Kill(); c.Wait() })
	}

	return src, vethA, func() string { mu.Lock(); defer mu.Unlock(); return out.String() }
}

// TestLiveOpenVPN also marks the server by its MAC alone, as a hypervisor marks a
// VM on its tap: the finding must name that host and call it the server.
func TestLiveOpenVPN(t *testing.T) {
	src, vethA, logs := openVPNBetweenNamespaces(t)
	id := fmt.Sprintf("%d", os.Getpid()%100000)
	serverMAC := linkMAC(t, "aupB"+id, "aupb"+id)
	var found []scanner.Finding
	done := make(chan struct{})
	var once sync.Once
	local := NewLocal(LocalMark{Host: "ovpn-server", MACs: [][6]byte{serverMAC}})
	s := NewScanner(builtinEngine(t), ScannerConfig{Local: local}, func(f scanner.Finding) {
		found = append(found, f)
		if f.Rule == "vpn.openvpn.traffic" {
			once.Do(func() { close(done) })
		}
	})
	st, err := s.Live(src, nil, time.Now().Add(20*time.Second), done)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("live: %+v", st)
	for _, f := range found {
		t.Logf("finding: %s %s [%s] %s", f.Rule, f.Subject, f.Confidence, f.Evidence)
		if f.Rule == "vpn.openvpn.traffic" {
			if f.Flow.Dport != 1194 || f.Flow.Dst.String() != "10.99.0.2" || f.Source != vethA {
				t.Errorf("finding %+v: want the flow to 10.99.0.2:1194 from %s", f, vethA)
			}
			if f.Role != scanner.RoleServer || f.Host != "ovpn-server" ||
				!strings.HasSuffix(f.Evidence, "accepted connections on 1194/udp from 10.99.0.1") {
				t.Errorf("finding of role %q, host %q, evidence %q: want the server marked by its MAC", f.Role, f.Host, f.Evidence)
			}
			return
		}
	}
	t.Fatalf("no OpenVPN finding in %d packets; openvpn said:\n%s", st.Packets, logs())
}

// TestLiveWindowsKeepFlows captures the same real OpenVPN handshake in windows, the
// way the daemon publishes its counters, but of 1 ms: a window reads at most one
// packet (its time is checked before each read), so every packet of the handshake
// falls in a window of its own, and the finding is made all the same because
// LiveWindow keeps the flow table from one window to the next. Each window reports
// only its own flows.
func TestLiveWindowsKeepFlows(t *testing.T) {
	src, _, logs := openVPNBetweenNamespaces(t)
	found := false
	s := NewScanner(builtinEngine(t), ScannerConfig{}, func(f scanner.Finding) {
		if f.Rule == "vpn.openvpn.traffic" {
			found = true
		}
	})
	s.Reset(src.Name())
	var created, windows uint64
	for deadline := time.Now().Add(20 * time.Second); !found && time.Now().Before(deadline); windows++ {
		st, err := s.LiveWindow(src, nil, time.Now().Add(time.Millisecond), nil)
		if err != nil {
			t.Fatal(err)
		}
		created += st.Flows.Created
	}
	s.Flush()
	if !found {
		t.Fatalf("no OpenVPN finding in %d windows; openvpn said:\n%s", windows, logs())
	}
	if total := s.Stats().Flows.Created; created != total || windows < 2 {
		t.Errorf("windows reported %d flows created in all, the scanner %d, over %d windows", created, total, windows)
	}
	t.Logf("found after %d windows of 1 ms, %d flows", windows, created)
}

type lockedWriter struct {
	b  *strings.Builder
	mu *sync.Mutex
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// openLiveInNetns opens the capture socket inside network namespace ns: the
// thread enters it, the socket is made there (and stays there), the thread returns.
func openLiveInNetns(t *testing.T, ns, iface string) *capture.LiveSource {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	self, err := os.Open("/proc/thread-self/ns/net")
	if err != nil {
		t.Fatal(err)
	}
	defer self.Close()
	target, err := os.Open("/var/run/netns/" + ns)
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	if err := unix.Setns(int(target.Fd()), unix.CLONE_NEWNET); err != nil {
		t.Fatalf("setns %s: %v", ns, err)
	}
	src, openErr := capture.OpenLive(iface, capture.LiveConfig{Timeout: 200 * time.Millisecond})
	if err := unix.Setns(int(self.Fd()), unix.CLONE_NEWNET); err != nil {
		panic("cannot return to the test's network namespace: " + err.Error())
	}
	if openErr != nil {
		t.Fatal(openErr)
	}
	return src
}

var record = flag.Bool("record", false, "capture real OpenVPN between namespaces into testdata/pcap (root)")

// TestRecordOpenVPN keeps testdata/pcap/openvpn-real.pcap: packets of a real OpenVPN
// 2.6 handshake between two namespaces, captured by our own AF_PACKET source
// (capture.LiveSource) and written as a classic pcap. Run with -record as root to
// make it again; without it, the test reads the recorded file and expects the
// finding, so a capture of real software stays in the tests on every machine.
func TestRecordOpenVPN(t *testing.T) {
	path := "../../testdata/pcap/openvpn-real.pcap"
	if *record {
		testenv.NeedRoot(t)
		src, _, _ := openVPNBetweenNamespaces(t)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := pcapgo.NewWriter(f)
		if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
			t.Fatal(err)
		}
		for n, deadline := 0, time.Now().Add(6*time.Second); n < 40 && time.Now().Before(deadline); {
			data, ci, err := src.Next()
			if err != nil || len(data) == 0 {
				continue // read timeout: keep waiting until the deadline
			}
			ci.CaptureLength, ci.Length = len(data), max(ci.Length, len(data))
			if err := w.WritePacket(ci, data); err != nil {
				t.Fatal(err)
			}
			n++
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	var found []scanner.Finding
	st, err := ScanFile(path, builtinEngine(t), ScannerConfig{}, func(f scanner.Finding) { found = append(found, f) })
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		if f.Rule == "vpn.openvpn.traffic" && f.Flow.Dport == 1194 {
			return
		}
	}
	t.Fatalf("no OpenVPN finding in the recorded capture (%+v): %+v", st, found)
}

// linkMAC reads the MAC of a network device in a namespace, with ip.
func linkMAC(t *testing.T, ns, dev string) [6]byte {
	t.Helper()
	out, err := exec.Command(testenv.LookPath(t, "ip"), "-n", ns, "-o", "link", "show", dev).Output()
	if err != nil {
		t.Fatalf("ip -n %s link show %s: %v", ns, dev, err)
	}
	f := strings.Fields(string(out))
	for i, w := range f {
		if w == "link/ether" && i+1 < len(f) {
			mac, err := ParseMAC(f[i+1])
			if err != nil {
				t.Fatal(err)
			}
			return mac
		}
	}
	t.Fatalf("no MAC in %q", out)
	return [6]byte{}
}
