package signatures

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The memory of loading a hash list is measured in a child process (this test binary
// run again), whose peak resident set the kernel counts: what the daemon's memory
// limit is about, garbage and all, which no in-process sample catches.
const (
	envHashListChild = "AUPSCAN_HASHLIST_CHILD" // the list the child loads
	daemonMemLimit   = 256 << 20                // the daemon's default [limits] memory
)

// TestHashListChild is the child: it loads the list under the daemon's memory limit
// and prints how many hashes it holds, the heap they keep and the CPU time taken.
func TestHashListChild(t *testing.T) {
	path := os.Getenv(envHashListChild)
	if path == "" {
		return // not run as a child: nothing to do
	}
	debug.SetMemoryLimit(daemonMemLimit)
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	cpu0 := cpuTime()
	n := 0
	if path != "-" { // "-": the baseline, the test binary loading nothing
		set, err := newListCache().hashSet(path)
		if err != nil {
			t.Fatal(err)
		}
		n = set.Len()
		defer runtime.KeepAlive(set)
	}
	cpu := cpuTime() - cpu0
	runtime.GC()
	var held runtime.MemStats
	runtime.ReadMemStats(&held)
	fmt.Printf("hashes=%d held=%d cpu=%d\n", n, int64(held.HeapAlloc)-int64(base.HeapAlloc), cpu.Microseconds())
}

// childLoad is what one child measured.
type childLoad struct {
	hashes        int
	held, peakRSS int64 // bytes
	cpu           time.Duration
}

// loadInChild loads the list at path ("-" for none) in a child process.
func loadInChild(t testing.TB, path string) childLoad {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHashListChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), envHashListChild+"="+path, "GOMAXPROCS=2")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child loading %s: %v\n%s", path, err, out)
	}
	var c childLoad
	var cpuUS int64
	for line := range strings.Lines(string(out)) {
		if _, err := fmt.Sscanf(line, "hashes=%d held=%d cpu=%d", &c.hashes, &c.held, &cpuUS); err == nil {
			break
		}
	}
	c.cpu = time.Duration(cpuUS) * time.Microsecond
	c.peakRSS = cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
	return c
}

// cpuTime is the user and system CPU time of this process so far: on a machine
// others load, a steadier measure than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// writeHashList writes n random SHA-256 lines, in sha256sum's format ("HASH  NAME")
// when named, else bare.
func writeHashList(t testing.TB, n int, named bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "list.sha256")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.NewChaCha8([32]byte{17})
	var sum [32]byte
	line := make([]byte, 0, 128)
	for i := range n {
		_, _ = rng.Read(sum[:])
		line = hex.AppendEncode(line[:0], sum[:])
		if named {
			line = strconv.AppendInt(append(line, "  file"...), int64(i), 10)
		}
		_, _ = w.Write(append(line, '\n'))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestHashList5MUnderMemoryLimit is the hardening issue's item 8: a list of five
// million SHA-256 lines loads under the daemon's default memory limit of 256 MiB,
// peak resident memory of the whole process (the test binary) included. Growing the
// set by appending peaked at 340 MB.
func TestHashList5MUnderMemoryLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and loads a 390 MB list")
	}
	const n = 5_000_000
	c := loadInChild(t, writeHashList(t, n, true))
	t.Logf("%d hashes: %.0f MiB held, %.0f MiB peak RSS, %v CPU", c.hashes, mib(c.held), mib(c.peakRSS), c.cpu)
	if c.hashes != n {
		t.Errorf("loaded %d hashes, want %d", c.hashes, n)
	}
	if c.peakRSS >= daemonMemLimit {
		t.Errorf("peak RSS %.0f MiB while loading %d hashes, want under the daemon's limit of %d MiB",
			mib(c.peakRSS), n, daemonMemLimit>>20)
	}
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// BenchmarkHashList1M loads a list of a million SHA-256 lines in sha256sum format, in
// a child process each time, and reports the heap the set holds, the peak RSS the
// load adds to a child that loads nothing, and user+sys CPU time (the goal: <= 36 MB
// held, <= 48 MB peak, <= 1 s):
//
//	go test -run '^$' -bench HashList -benchtime 3x ./signatures
func BenchmarkHashList1M(b *testing.B) {
	path := writeHashList(b, 1_000_000, true)
	base := loadInChild(b, "-")
	var c childLoad
	var cpu time.Duration
	for b.Loop() {
		c = loadInChild(b, path)
		cpu += c.cpu
	}
	b.ReportMetric(mib(c.held), "MiB-held")
	b.ReportMetric(mib(c.peakRSS), "MiB-peak-RSS")
	b.ReportMetric(mib(c.peakRSS-base.peakRSS), "MiB-peak-over-idle")
	b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "CPU-ms/load")
	b.ReportMetric(float64(c.hashes), "hashes")
}

// BenchmarkHashListParse is the load alone, in process, for a CPU profile:
//
//	go test -run '^$' -bench HashListParse -cpuprofile cpu.out ./signatures
func BenchmarkHashListParse(b *testing.B) {
	path := writeHashList(b, 1_000_000, true)
	for b.Loop() {
		if _, err := newListCache().hashSet(path); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHashListTwoPass checks the two-pass load against the hashes it was given, and
// that it reserved exactly: every array's capacity is its length.
func TestHashListTwoPass(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	var want [][32]byte
	for i := range 300 {
		s := sha256.Sum256([]byte(strconv.Itoa(i)))
		want = append(want, s)
		switch i % 3 {
		case 0:
			lines = append(lines, hex.EncodeToString(s[:]))
		case 1:
			lines = append(lines, strings.ToUpper(hex.EncodeToString(s[:]))+"  name with spaces")
		default:
			lines = append(lines, fmt.Sprintf("%x:%d:Bench.H%d:73", s, 1000+i, i))
		}
		if i%50 == 0 {
			lines = append(lines, "# a comment", "", fmt.Sprintf("%x:*:Any.Size", s[:16]))
		}
	}
	path := filepath.Join(dir, "mixed.hsb")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := newListCache().hashSet(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range want {
		if _, _, ok := set.Match(&Digests{SHA256: s}); !ok {
			t.Errorf("%x not found", s)
		}
	}
	if got := len(set.sha256) + len(set.md5); got != 306 || set.Len() != 306 {
		t.Errorf("%d hashes, want 306", got)
	}
	if cap(set.sha256) != len(set.sha256) || cap(set.md5) != len(set.md5) {
		t.Errorf("capacity %d/%d for %d/%d hashes: the first pass miscounted", cap(set.sha256), cap(set.md5), len(set.sha256), len(set.md5))
	}
	sizes, anySize := set.SHA256Sizes()
	if len(sizes) != 100 || !anySize {
		t.Errorf("SHA-256 sizes: %d, any %v; want 100 sizes and any (the unsized lines)", len(sizes), anySize)
	}
}
