//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
)

// The helpers of the end-to-end test: two network namespaces with real OpenVPN
// between them (after scanner/traffic's live_test.go); mailpit comes from
// internal/testenv, shared with the notifier's tests.

// vpnLab is two network namespaces joined by a veth pair: the "tenant VM" side A
// (10.98.0.1, the OpenVPN client) and side B (10.98.0.2, the server). The addresses
// exist inside the namespaces only.
type vpnLab struct {
	t          *testing.T
	ip, ovpn   string
	nsA, nsB   string
	vethA      string
	pki        string
	mu         sync.Mutex
	out        strings.Builder
	procs      []*exec.Cmd
	generation int
}

// newVPNLab makes the namespaces, the veth pair and an OpenVPN PKI, all removed when
// the test ends. Names carry the process id, so runs never collide.
func newVPNLab(t *testing.T) *vpnLab {
	testenv.NeedRoot(t)
	l := &vpnLab{t: t, ip: testenv.LookPath(t, "ip"), ovpn: testenv.LookPath(t, "openvpn")}
	id := fmt.Sprintf("%d", os.Getpid()%100000)
	l.nsA, l.nsB = "aupdA"+id, "aupdB"+id
	l.vethA = "aupda" + id
	vethB := "aupdb" + id
	run := func(args ...string) {
		t.Helper()
		if out, err := exec.Command(l.ip, args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %s: %v: %s", strings.Join(args, " "), err, out)
		}
	}
	run("netns", "add", l.nsA)
	t.Cleanup(func() { exec.Command(l.ip, "netns", "del", l.nsA).Run() })
	run("netns", "add", l.nsB)
	t.Cleanup(func() { exec.Command(l.ip, "netns", "del", l.nsB).Run() })
	run("link", "add", l.vethA, "netns", l.nsA, "type", "veth", "peer", "name", vethB, "netns", l.nsB)
	run("-n", l.nsA, "addr", "add", "10.98.0.1/30", "dev", l.vethA)
	run("-n", l.nsB, "addr", "add", "10.98.0.2/30", "dev", vethB)
	for _, c := range [][]string{{l.nsA, l.vethA}, {l.nsB, vethB}, {l.nsA, "lo"}, {l.nsB, "lo"}} {
		run("-n", c[0], "link", "set", c[1], "up")
	}
	l.pki = t.TempDir()
	testenv.WritePKI(t, l.pki)
	t.Cleanup(l.stop)
	return l
}

// start runs an OpenVPN server in B and a client in A (TLS mode over UDP, server port
// 1194). The client binds no fixed port (--nobind), so each start is a new flow with
// its own handshake: a fresh sighting.
func (l *vpnLab) start() {
	l.t.Helper()
	l.generation++
	gen := fmt.Sprintf("[gen %d] ", l.generation)
	d := l.pki
	common := []string{"--dev", "tun", "--proto", "udp", "--ca", filepath.Join(d, "ca.pem"), "--dh", "none",
		"--verb", "3", "--connect-retry", "1", "--ping", "1"}
	server := exec.Command(l.ip, append([]string{"netns", "exec", l.nsB, l.ovpn, "--tls-server", "--lport", "1194",
		"--ifconfig", "10.98.1.1", "10.98.1.2", "--cert", filepath.Join(d, "server.pem"), "--key", filepath.Join(d, "server.key")}, common...)...)
	client := exec.Command(l.ip, append([]string{"netns", "exec", l.nsA, l.ovpn, "--tls-client", "--nobind", "--remote", "10.98.0.2", "1194",
		"--ifconfig", "10.98.1.2", "10.98.1.1", "--cert", filepath.Join(d, "client.pem"), "--key", filepath.Join(d, "client.key")}, common...)...)
	for i, c := range []*exec.Cmd{server, client} {
		w := prefixWriter{l, gen}
		c.Stdout, c.Stderr = w, w
		if err := c.Start(); err != nil {
			l.t.Fatalf("openvpn: %v", err)
		}
		l.mu.Lock()
		l.procs = append(l.procs, c)
		l.mu.Unlock()
		if i == 0 {
			// The client starts once the server listens, so the handshake is one try.
			for deadline := time.Now().Add(5 * time.Second); !l.logged(gen, "link local (bound)"); time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					l.t.Fatalf("the OpenVPN server did not listen within 5s:\n%s", l.logs())
				}
			}
		}
	}
}

// stop ends the OpenVPN processes started so far.
func (l *vpnLab) stop() {
	l.mu.Lock()
	procs := l.procs
	l.procs = nil
	l.mu.Unlock()
	for _, c := range procs {
		c.Process.Kill()
		c.Wait()
	}
}

// logs is what OpenVPN printed, for failure messages.
func (l *vpnLab) logs() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.out.String()
}

// logged reports whether a line of the given start generation contains s.
func (l *vpnLab) logged(gen, s string) bool {
	for _, line := range strings.Split(l.logs(), "\n") {
		if strings.HasPrefix(line, gen) && strings.Contains(line, s) {
			return true
		}
	}
	return false
}

type prefixWriter struct {
	l      *vpnLab
	prefix string
}

func (w prefixWriter) Write(p []byte) (int, error) {
	w.l.mu.Lock()
	defer w.l.mu.Unlock()
	for _, line := range strings.SplitAfter(string(p), "\n") {
		if line != "" {
			w.l.out.WriteString(w.prefix + line)
		}
	}
	return len(p), nil
}

// openLiveIn returns an opener of live sources inside network namespace ns: the
// calling thread enters it, the AF_PACKET socket is made there (and stays bound to
// that namespace's interface), the thread returns to its own namespace.
func openLiveIn(ns string) func(string, capture.LiveConfig) (*capture.LiveSource, error) {
	return func(iface string, c capture.LiveConfig) (*capture.LiveSource, error) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		self, err := os.Open("/proc/thread-self/ns/net")
		if err != nil {
			return nil, err
		}
		defer self.Close()
		target, err := os.Open("/var/run/netns/" + ns)
		if err != nil {
			return nil, err
		}
		defer target.Close()
		if err := unix.Setns(int(target.Fd()), unix.CLONE_NEWNET); err != nil {
			return nil, fmt.Errorf("setns %s: %w", ns, err)
		}
		src, openErr := capture.OpenLive(iface, c)
		if err := unix.Setns(int(self.Fd()), unix.CLONE_NEWNET); err != nil {
			panic("cannot return to the test's network namespace: " + err.Error())
		}
		return src, openErr
	}
}
