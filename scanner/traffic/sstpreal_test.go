//go:build linux

package traffic

import (
	"bufio"
	"crypto/tls"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// SSTP runs inside TLS, so its HTTP shows only where TLS ends before the capture
// point, as on a load balancer that offloads TLS to a backend. TestLiveSSTP builds
// that: Debian's sstpc in A opens TLS to B:443, where the test ends TLS (a socket
// made in B) and relays the stream in clear to a backend in A (10.99.2.1:8080, a
// socket made in A) that answers as an SSTP server does. The capture on A's veth
// sees the real client's SSTP_DUPLEX_POST on the clear leg.
func init() {
	realCases["sstp"] = realCase{
		file: "sstp-real.pcap", rule: "vpn.sstp.traffic", port: 8080,
		start: startSSTP,
		keep: func(p *decode.Packet) bool {
			return p.Proto == decode.ProtoTCP && (p.SrcPort == 8080 || p.DstPort == 8080)
		},
	}
}

func TestLiveSSTP(t *testing.T) { runReal(t, realCases["sstp"]) }

// inNetns runs fn on a thread inside network namespace ns: sockets fn makes stay
// in ns.
func inNetns(t *testing.T, ns string, fn func()) {
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
	fn()
	if err := unix.Setns(int(self.Fd()), unix.CLONE_NEWNET); err != nil {
		panic("cannot return to the test's network namespace: " + err.Error())
	}
}

func startSSTP(t *testing.T, nsA, nsB string) func() time.Time {
	sstpc := testenv.LookPath(t, "sstpc")
	dir := t.TempDir()
	testenv.WritePKI(t, dir)
	cert, err := tls.LoadX509KeyPair(filepath.Join(dir, "server.pem"), filepath.Join(dir, "server.key"))
	if err != nil {
		t.Fatal(err)
	}
	// TLS 1.2: sstpc 1.0.18 resets a TLS 1.3 connection to Go's server right after
	// the handshake. Windows' SSTP servers offer TLS 1.2 too.
	var front, back net.Listener
	inNetns(t, nsB, func() {
		front, err = tls.Listen("tcp", realNetB+":443", &tls.Config{Certificates: []tls.Certificate{cert}, MaxVersion: tls.VersionTLS12})
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { front.Close() })
	inNetns(t, nsA, func() { back, err = net.Listen("tcp", realNetA+":8080") })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { back.Close() })

	// The backend: read the request head, answer as an SSTP server (200, a content
	// length of 2^64-1), then read whatever follows until the test ends.
	answered := make(chan string, 1)
	go func() {
		c, err := back.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(20 * time.Second))
		r := bufio.NewReader(c)
		first, err := r.ReadString('\n')
		for l := first; err == nil && strings.TrimSpace(l) != ""; {
			l, err = r.ReadString('\n')
		}
		if err != nil {
			answered <- "the backend read: " + first + err.Error()
			return
		}
		io.WriteString(c, "HTTP/1.1 200\r\nContent-Length: 18446744073709551615\r\nServer: Microsoft-HTTPAPI/2.0\r\n\r\n")
		answered <- first
		io.Copy(io.Discard, r)
	}()
	// The offloader: end TLS, dial the backend from B, relay both ways.
	offload := make(chan error, 1)
	go func() {
		conn, err := front.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(20 * time.Second))
		c := conn.(*tls.Conn)
		if err := c.Handshake(); err != nil {
			offload <- err
			return
		}
		var b net.Conn
		inNetns(t, nsB, func() { b, err = net.DialTimeout("tcp", realNetA+":8080", 5*time.Second) })
		if err != nil {
			return
		}
		defer b.Close()
		b.SetDeadline(time.Now().Add(20 * time.Second))
		go io.Copy(c, b)
		io.Copy(b, c)
	}()
	start := time.Now()
	startIn(t, nsA, sstpc, "--cert-warn", "--user", "aup", "--password", "scan", realNetB, "noauth", "nodetach")
	var at time.Time
	select {
	case first := <-answered:
		if !strings.HasPrefix(first, "SSTP_DUPLEX_POST ") {
			t.Fatalf("sstpc's request through the offloader: %q", first)
		}
		at = time.Now()
	case err := <-offload:
		t.Fatalf("TLS with sstpc: %v", err)
	case <-time.After(15 * time.Second):
		t.Fatal("sstpc's request never reached the backend")
	}
	// A second for the SSTP control messages that follow the answer; every packet
	// from sstpc's start on is the capture.
	return func() time.Time {
		if time.Since(at) < time.Second {
			return time.Time{}
		}
		return start
	}
}
