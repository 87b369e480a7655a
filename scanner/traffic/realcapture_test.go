//go:build linux

package traffic

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// Real programs from Debian's packages, run between two network namespaces the
// test makes (10.99.2.1 and 10.99.2.2 on a veth pair), captured by our own
// AF_PACKET source on the first namespace's end: n2n 1.3 (edge and supernode),
// Nebula 1.6 (a node and its lighthouse), Litecoin Core 0.21 (litecoin-cli
// asking litecoind for a block template, as a miner or pool does) and a Tor 0.4
// relay (its DirPort asked for its descriptor by curl, its ORPort's certificate
// fetched by openssl s_client: a client that is not Tor: torreal_test.go) and
// sstpc behind a TLS offloader (sstpreal_test.go). Each test scans
// what it captured and expects the finding; with -record-real it also writes the
// packets of the protocol's flow to signatures/builtin/captures/*-real.pcap, the
// rule examples that keep real traffic in the tests on every machine
// (TestRealCaptures reads them). Root and the packages are needed (skipped on a
// laptop, failing under CI=true); nothing leaves the two namespaces, and every
// program is stopped when its test ends.

var recordReal = flag.Bool("record-real", false, "write the real programs' captures into signatures/builtin/captures (root)")

const (
	realNetA = "10.99.2.1"
	realNetB = "10.99.2.2"
)

// realCase is one real program's capture: how to start it and which packets are
// its protocol's.
type realCase struct {
	file  string // in signatures/builtin/captures
	rule  string
	port  uint16 // the server's port
	conf  string // the finding's confidence; empty: high
	start func(t *testing.T, nsA, nsB string) (settled func() time.Time)
	keep  func(p *decode.Packet) bool
}

var realCases = map[string]realCase{
	"n2n": {
		file: "n2n-real.pcap", rule: "vpn.n2n.traffic", port: 7654,
		start: startN2N,
		keep: func(p *decode.Packet) bool {
			return p.Proto == decode.ProtoUDP && (p.SrcPort == 7654 || p.DstPort == 7654)
		},
	},
	"nebula": {
		file: "nebula-real.pcap", rule: "vpn.nebula.traffic", port: 4242,
		start: startNebula,
		keep: func(p *decode.Packet) bool {
			return p.Proto == decode.ProtoUDP && (p.SrcPort == 4242 || p.DstPort == 4242)
		},
	},
	"litecoin": {
		file: "getblocktemplate-real.pcap", rule: "mining.rpc.traffic", port: 19443,
		start: startLitecoin,
		keep: func(p *decode.Packet) bool {
			return p.Proto == decode.ProtoTCP && (p.SrcPort == 19443 || p.DstPort == 19443)
		},
	},
}

func TestLiveN2N(t *testing.T)      { runReal(t, realCases["n2n"]) }
func TestLiveNebula(t *testing.T)   { runReal(t, realCases["nebula"]) }
func TestLiveLitecoin(t *testing.T) { runReal(t, realCases["litecoin"]) }

// runReal makes the namespaces, starts the programs, captures for a bounded time,
// scans what it captured and expects the rule's finding on the server's port.
func runReal(t *testing.T, c realCase) {
	testenv.NeedRoot(t)
	nsA, nsB, vethA := realNamespaces(t)
	src := openLiveInNetns(t, nsA, vethA)
	t.Cleanup(func() { src.Close() })

	// The capture runs while the programs start: the source stamps a packet when it
	// is read, so reading late would put every packet after the settling time.
	var settledFn atomic.Pointer[func() time.Time]
	type result struct {
		frames [][]byte
		cis    []gopacket.CaptureInfo
		err    error
	}
	got := make(chan result, 1)
	go func() {
		frames, cis, err := captureFor(src, 40*time.Second, func() time.Time {
			if f := settledFn.Load(); f != nil {
				return (*f)()
			}
			return time.Time{}
		})
		got <- result{frames, cis, err}
	}()
	settled := c.start(t, nsA, nsB)
	settledFn.Store(&settled)
	r := <-got
	if r.err != nil {
		t.Fatal(r.err)
	}
	frames, cis := r.frames, r.cis
	var p decode.Packet
	dec := decode.NewDecoder(src.LinkType())
	var keptF [][]byte
	var keptCI []gopacket.CaptureInfo
	from := settled()
	for i, f := range frames {
		if dec.Decode(f, &p) == nil && c.keep(&p) && !cis[i].Timestamp.Before(from) {
			keptF, keptCI = append(keptF, f), append(keptCI, cis[i])
		}
	}
	all := writeCaptured(t, frames, cis)
	if f := findRule(t, all, c); f == nil {
		t.Fatalf("no %s finding in %d packets captured live", c.rule, len(frames))
	} else {
		t.Logf("live: %s %s [%s] %s", f.Rule, f.Subject, f.Confidence, f.Evidence)
	}
	kept := writeCaptured(t, keptF, keptCI)
	if findRule(t, kept, c) == nil {
		t.Fatalf("no %s finding in the %d packets of the protocol's flows", c.rule, len(keptF))
	}
	if *recordReal {
		path := filepath.Join(builtinCaptures, c.file)
		if err := os.WriteFile(path, kept, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d packets", path, len(keptF))
	}
}

// TestRealCaptures scans the recorded captures of the real programs and expects
// each rule's finding, with its confidence, on the server's port.
func TestRealCaptures(t *testing.T) {
	for name, c := range realCases {
		data, err := os.ReadFile(filepath.Join(builtinCaptures, c.file))
		if err != nil {
			t.Fatalf("%s: %v (record it with -record-real as root)", name, err)
		}
		f := findRule(t, data, c)
		conf := c.conf
		if conf == "" {
			conf = "high"
		}
		switch {
		case f == nil:
			t.Errorf("%s: no %s finding", c.file, c.rule)
		case f.Confidence != conf:
			t.Errorf("%s: confidence %s (%s), want %s", c.file, f.Confidence, f.Evidence, conf)
		}
	}
}

// findRule scans a capture with the built-in rules and returns the rule's finding
// on the case's server port.
func findRule(t *testing.T, data []byte, c realCase) *scanner.Finding {
	t.Helper()
	src, err := capture.NewFileSource(c.file, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var found *scanner.Finding
	ScanSource(src, builtinEngine(t), ScannerConfig{}, func(f scanner.Finding) {
		if f.Rule == c.rule && f.Flow.Dport == c.port && found == nil {
			found = &f
		}
	})
	return found
}

// realNamespaces makes two network namespaces joined by a veth pair and removes
// them when the test ends.
func realNamespaces(t *testing.T) (nsA, nsB, vethA string) {
	ip := testenv.LookPath(t, "ip")
	id := fmt.Sprintf("%d", os.Getpid()%100000)
	nsA, nsB = "aupRA"+id, "aupRB"+id
	vethA, vethB := "auprA"+id, "auprB"+id
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
	run("-n", nsA, "addr", "add", realNetA+"/30", "dev", vethA)
	run("-n", nsB, "addr", "add", realNetB+"/30", "dev", vethB)
	for _, c := range [][]string{{nsA, vethA}, {nsB, vethB}, {nsA, "lo"}, {nsB, "lo"}} {
		run("-n", c[0], "link", "set", c[1], "up")
	}
	return nsA, nsB, vethA
}

// captureFor reads frames from src for d at most, or until settled reports a time,
// a second has passed since and the socket has nothing more (a read timed out),
// and returns copies of them.
func captureFor(src *capture.LiveSource, d time.Duration, settled func() time.Time) ([][]byte, []gopacket.CaptureInfo, error) {
	var frames [][]byte
	var cis []gopacket.CaptureInfo
	for deadline := time.Now().Add(d); time.Now().Before(deadline) && len(frames) < 2000; {
		data, ci, err := src.Next()
		if errors.Is(err, capture.ErrTimeout) || err == nil && len(data) == 0 {
			if s := settled(); !s.IsZero() && time.Since(s) > time.Second {
				break
			}
			continue
		}
		if err != nil {
			return frames, cis, err
		}
		ci.CaptureLength, ci.Length = len(data), max(ci.Length, len(data))
		frames, cis = append(frames, bytes.Clone(data)), append(cis, ci)
	}
	return frames, cis, nil
}

// writeCaptured writes frames as a classic pcap of Ethernet frames.
func writeCaptured(t *testing.T, frames [][]byte, cis []gopacket.CaptureInfo) []byte {
	var b bytes.Buffer
	w := pcapgo.NewWriter(&b)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	for i, f := range frames {
		if err := w.WritePacket(cis[i], f); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// startIn starts a program inside a namespace, with its output kept for the
// test's log, and stops it when the test ends or when stop is called.
func startIn(t *testing.T, ns string, name string, args ...string) (stop func()) {
	t.Helper()
	ip := testenv.LookPath(t, "ip")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	cmd := exec.CommandContext(ctx, ip, append([]string{"netns", "exec", ns, name}, args...)...)
	var out strings.Builder
	var mu sync.Mutex
	cmd.Stdout, cmd.Stderr = lockedWriter{&out, &mu}, lockedWriter{&out, &mu}
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("%s: %v", name, err)
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cmd.Process.Kill()
			cmd.Wait()
			cancel()
		})
	}
	t.Cleanup(func() {
		stop()
		mu.Lock()
		defer mu.Unlock()
		if t.Failed() {
			t.Logf("%s said:\n%s", filepath.Base(name), out.String())
		}
	})
	return stop
}

// settledAfter returns a settled function that reports a fixed time once d has
// passed since now: the programs have had time to shake hands by then.
func settledAfter(d time.Duration) func() time.Time {
	start := time.Now()
	return func() time.Time {
		if time.Since(start) < d {
			return time.Time{}
		}
		return start
	}
}

// startN2N runs n2n's supernode in B and an edge in A that registers with it.
func startN2N(t *testing.T, nsA, nsB string) func() time.Time {
	sn := testenv.LookPath(t, "supernode")
	edge := testenv.LookPath(t, "edge")
	startIn(t, nsB, sn, "-l", "7654")
	time.Sleep(300 * time.Millisecond)
	startIn(t, nsA, edge, "-d", "n2n0", "-a", "10.99.3.1", "-c", "aupscan", "-k", "test-key", "-l", realNetB+":7654")
	return settledAfter(3 * time.Second)
}

// startNebula makes a CA and two certificates with nebula-cert, and runs a
// lighthouse in B and a node in A that shakes hands with it.
func startNebula(t *testing.T, nsA, nsB string) func() time.Time {
	neb := testenv.LookPath(t, "nebula")
	cert := testenv.LookPath(t, "nebula-cert")
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(cert, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("nebula-cert %s: %v: %s", strings.Join(args, " "), err, out)
		}
	}
	run("ca", "-name", "aupscan test", "-duration", "1h")
	run("sign", "-name", "lighthouse", "-ip", "10.99.4.1/24")
	run("sign", "-name", "node", "-ip", "10.99.4.2/24")
	for _, who := range []string{"lighthouse", "node"} {
		lh, port, hosts := "false", "0", `["10.99.4.1"]`
		if who == "lighthouse" {
			lh, port, hosts = "true", "4242", "[]"
		}
		conf := fmt.Sprintf(`pki:
  ca: %[1]s/ca.crt
  cert: %[1]s/%[2]s.crt
  key: %[1]s/%[2]s.key
static_host_map:
  "10.99.4.1": ["%[3]s:4242"]
lighthouse:
  am_lighthouse: %[4]s
  hosts: %[6]s
listen:
  host: 0.0.0.0
  port: %[5]s
punchy:
  punch: false
tun:
  dev: neb%[2]s
logging:
  level: info
firewall:
  outbound: [{port: any, proto: any, host: any}]
  inbound: [{port: any, proto: any, host: any}]
`, dir, who, realNetB, lh, port, hosts)
		if err := os.WriteFile(filepath.Join(dir, who+".yml"), []byte(conf), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	startIn(t, nsB, neb, "-config", filepath.Join(dir, "lighthouse.yml"))
	time.Sleep(500 * time.Millisecond)
	startIn(t, nsA, neb, "-config", filepath.Join(dir, "node.yml"))
	return settledAfter(3 * time.Second)
}

// startLitecoin runs litecoind in regtest mode in B (its RPC on B's address) and a
// second one in A as its only peer (a node with no peer refuses to hand out
// templates), mines one block so the chain is current, then asks B for a block
// template with litecoin-cli from A. The capture keeps the packets from the
// template request on.
func startLitecoin(t *testing.T, nsA, nsB string) func() time.Time {
	ltcd := testenv.LookPath(t, "litecoind")
	cli := testenv.LookPath(t, "litecoin-cli")
	ip := testenv.LookPath(t, "ip")
	common := []string{"-regtest", "-dnsseed=0", "-listenonion=0", "-upnp=0", "-disablewallet",
		"-printtoconsole", "-rpcuser=aup", "-rpcpassword=scan", "-server=1"}
	startIn(t, nsB, ltcd, append([]string{"-datadir=" + t.TempDir(), "-bind=" + realNetB, "-rpcbind=" + realNetB,
		"-rpcallowip=" + realNetA + "/32", "-rpcport=19443"}, common...)...)
	startIn(t, nsA, ltcd, append([]string{"-datadir=" + t.TempDir(), "-listen=0", "-connect=" + realNetB,
		"-rpcbind=127.0.0.1", "-rpcallowip=127.0.0.1", "-rpcport=19445"}, common...)...)
	rpc := func(args ...string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, ip, append([]string{"netns", "exec", nsA, cli, "-regtest", "-rpcconnect=" + realNetB,
			"-rpcport=19443", "-rpcuser=aup", "-rpcpassword=scan"}, args...)...).CombinedOutput()
		return string(out), err
	}
	var out string
	var err error
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(500 * time.Millisecond) {
		if out, err = rpc("getconnectioncount"); err == nil && strings.TrimSpace(out) != "0" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("litecoind did not come up with its peer: %v: %s", err, out)
		}
	}
	if out, err = rpc("generatetodescriptor", "1", "raw(51)"); err != nil {
		t.Fatalf("generatetodescriptor: %v: %s", err, out)
	}
	from := time.Now()
	if out, err = rpc("getblocktemplate", `{"rules":["segwit","mweb"]}`); err != nil || !strings.Contains(out, "coinbasevalue") {
		t.Fatalf("getblocktemplate: %v: %s", err, out)
	}
	return func() time.Time { return from }
}
