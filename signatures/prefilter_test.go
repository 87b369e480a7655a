package signatures

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"
)

// allCandidates runs the prefilter over buf in batches of size batch.
func allCandidates(m *Matcher, buf []byte, batch int) []int {
	var out []int
	cand := make([]int, batch)
	for i, n := 0, len(buf)-3; i < n; {
		k, next := m.candidates(buf, i, cand)
		out = append(out, cand[:k]...)
		if next <= i && k == 0 {
			panic(fmt.Sprintf("prefilter stuck at %d", i))
		}
		i = next
	}
	return out
}

// TestPrefilterAsmAgainstGo runs the assembly prefilter and the pure-Go one on the
// same inputs (random, text, and windows planted from the patterns, at every
// alignment and buffer length near the assembly's 24-byte round) with matchers of
// 10 to 10,000 patterns: the candidates and the matches must be the same.
func TestPrefilterAsmAgainstGo(t *testing.T) {
	if !haveAsmPrefilter {
		t.Log("no assembly prefilter on this CPU: the pure-Go path is compared with itself")
	}
	inputs := benchInputs()
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{10, 1000, 10000} {
		pats := benchPatterns(n)
		var b MatcherBuilder
		for i, p := range pats {
			b.Add(p, i%3 == 0, i)
		}
		m := b.Build()
		planted := append([]byte(nil), inputs["random"][:1<<20]...)
		for range 2000 {
			p := pats[rng.IntN(len(pats))]
			copy(planted[rng.IntN(len(planted)-len(p)):], p)
		}
		for name, in := range map[string][]byte{"random": inputs["random"][:1<<20], "text": inputs["text"][:1<<20], "planted": planted} {
			for _, cut := range []struct{ from, to, batch int }{
				{0, len(in), candBatch}, {0, len(in), 9}, {1, 1000, candBatch}, {3, 19, 8}, {5, 20, candBatch},
				{0, 15, candBatch}, {0, 16, candBatch}, {0, 23, candBatch}, {0, 24, candBatch}, {0, 25, candBatch}, {7, 7 + 27, 1}, {3, 3 + 60, 17},
			} {
				buf := in[cut.from:cut.to]
				m.asm = false
				wantCand, wantHits := allCandidates(m, buf, cut.batch), matcherHits(m, buf, 0)
				m.asm = haveAsmPrefilter
				gotCand, gotHits := allCandidates(m, buf, cut.batch), matcherHits(m, buf, 0)
				if !slices.Equal(gotCand, wantCand) {
					t.Errorf("%d patterns, %s[%d:%d] batch %d: %d candidates, pure Go %d", n, name, cut.from, cut.to, cut.batch, len(gotCand), len(wantCand))
				}
				if !slices.Equal(gotHits, wantHits) {
					t.Errorf("%d patterns, %s[%d:%d]: %d matches, pure Go %d", n, name, cut.from, cut.to, len(gotHits), len(wantHits))
				}
				if name == "planted" && cut.to == len(in) && len(wantHits) < 1800 { // a few plants overwrite others
					t.Errorf("%d patterns: %d matches of 2,000 planted", n, len(wantHits))
				}
			}
		}
	}
}

// BenchmarkPrefilter compares the assembly prefilter with the pure-Go one in one
// run, at 1,000 patterns, reporting thread CPU time a byte besides the wall clock
// (the machine is shared):
//
//	go test -run '^$' -bench Prefilter ./signatures
func BenchmarkPrefilter(b *testing.B) {
	inputs := benchInputs()
	var mb MatcherBuilder
	for i, p := range benchPatterns(1000) {
		mb.Add(p, false, i)
	}
	m := mb.Build()
	for _, name := range []string{"random", "text"} {
		for _, asm := range []bool{false, true} {
			if asm && !haveAsmPrefilter {
				continue
			}
			in := inputs[name]
			b.Run(fmt.Sprintf("%s/asm=%v", name, asm), func(b *testing.B) {
				m.asm = asm
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				b.SetBytes(int64(len(in)))
				cpu0 := threadCPU()
				for b.Loop() {
					m.Scan(in, 0, func(id, end int) bool { return true })
				}
				b.ReportMetric(float64(threadCPU()-cpu0)/float64(b.N)/float64(len(in)), "CPU-ns/B")
			})
		}
	}
	m.asm = haveAsmPrefilter
}

// threadCPU is the CPU time of the calling thread (the benchmark loop runs on one).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
