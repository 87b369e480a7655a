package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
)

// Netns is two network namespaces joined by a veth pair, made for one test and
// removed when it ends: A holds VethA with AddrA, B holds VethB with AddrB, both in
// a /30 of 10.96.0.0/12 that no other test of this process uses. Traffic sent by
// the test's programs stays inside them.
type Netns struct {
	A, B         string // namespace names
	VethA, VethB string
	AddrA, AddrB string
	ip           string
}

var netnsSeq atomic.Uint32

// NewNetns makes the namespaces; it stops the test without root or iproute2.
func NewNetns(t testing.TB) *Netns {
	t.Helper()
	NeedRoot(t)
	n := &Netns{ip: LookPath(t, "ip")}
	seq := netnsSeq.Add(1)
	id := fmt.Sprintf("%d%c", os.Getpid()%100000, 'a'+rune(seq%26))
	n.A, n.B = "aupnA"+id, "aupnB"+id
	n.VethA, n.VethB = "aupva"+id, "aupvb"+id
	// 10.96.0.0/12 holds 2^18 /30s: pick one from the pid and the sequence.
	k := (os.Getpid()*16 + int(seq)) % (1 << 18)
	base := 10<<24 | 96<<16 | k<<2
	addr := func(h int) string {
		v := base + h
		return fmt.Sprintf("%d.%d.%d.%d", v>>24&255, v>>16&255, v>>8&255, v&255)
	}
	n.AddrA, n.AddrB = addr(1), addr(2)
	n.Run(t, "netns", "add", n.A)
	t.Cleanup(func() { exec.Command(n.ip, "netns", "del", n.A).Run() })
	n.Run(t, "netns", "add", n.B)
	t.Cleanup(func() { exec.Command(n.ip, "netns", "del", n.B).Run() })
	n.Run(t, "link", "add", n.VethA, "netns", n.A, "type", "veth", "peer", "name", n.VethB, "netns", n.B)
	for _, s := range []struct{ ns, dev, addr string }{{n.A, n.VethA, n.AddrA}, {n.B, n.VethB, n.AddrB}} {
		n.Run(t, "-n", s.ns, "addr", "add", s.addr+"/30", "dev", s.dev)
		n.Run(t, "-n", s.ns, "link", "set", s.dev, "up")
		n.Run(t, "-n", s.ns, "link", "set", "lo", "up")
	}
	return n
}

// Run runs ip with args and fails the test when it fails.
func (n *Netns) Run(t testing.TB, args ...string) {
	t.Helper()
	if out, err := exec.Command(n.ip, args...).CombinedOutput(); err != nil {
		t.Fatalf("ip %s: %v: %s", strings.Join(args, " "), err, out)
	}
}

// Command returns a command that runs inside namespace ns.
func (n *Netns) Command(ns, name string, args ...string) *exec.Cmd {
	return exec.Command(n.ip, append([]string{"netns", "exec", ns, name}, args...)...)
}
