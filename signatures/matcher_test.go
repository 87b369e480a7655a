package signatures

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	coregx "github.com/coregx/ahocorasick"
)

type hit struct{ id, end int }

// naiveHits is the reference: every occurrence of every pattern, by brute force.
func naiveHits(pats []compiledPattern, buf []byte, from int) []hit {
	var out []hit
	for id, p := range pats {
		for s := 0; s+len(p.lit) <= len(buf); s++ {
			if e := s + len(p.lit); e > from && p.matchAt(buf, s) {
				out = append(out, hit{id, e})
			}
		}
	}
	return sortHits(out)
}

func sortHits(h []hit) []hit {
	slices.SortFunc(h, func(a, b hit) int {
		if a.end != b.end {
			return a.end - b.end
		}
		return a.id - b.id
	})
	return h
}

func matcherHits(m *Matcher, buf []byte, from int) []hit {
	var out []hit
	m.Scan(buf, from, func(id, end int) bool { out = append(out, hit{id, end}); return true })
	return sortHits(out)
}

func buildMatcher(t testing.TB, pats []compiledPattern) *Matcher {
	var b MatcherBuilder
	for i, p := range pats {
		b.add(p, i)
	}
	return b.Build()
}

func TestMatcherTable(t *testing.T) {
	mustHex := func(s string) compiledPattern {
		p, err := compileBytes("", s, false)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	text := func(s string, nocase bool) compiledPattern {
		p, _ := compileBytes(s, "", nocase)
		return p
	}
	tests := []struct {
		name string
		pats []compiledPattern
		in   string
		want []hit
	}{
		{"literal", []compiledPattern{text("xmrig", false)}, "run xmrig now", []hit{{0, 9}}},
		{"case matters", []compiledPattern{text("xmrig", false)}, "run XMRIG now", nil},
		{"nocase", []compiledPattern{text("XMRig", true)}, "run xmRIG now", []hit{{0, 9}}},
		{"overlapping", []compiledPattern{text("aaaa", false)}, "aaaaaa", []hit{{0, 4}, {0, 5}, {0, 6}}},
		{"two share an anchor", []compiledPattern{text("abcdX", false), text("abcdY", false)}, "abcdY abcdX",
			[]hit{{1, 5}, {0, 11}}},
		{"hex wildcard", []compiledPattern{mustHex("de ad ?? ?? be ef ca fe")}, "\xde\xad\x01\x02\xbe\xef\xca\xfe", []hit{{0, 8}}},
		{"hex nibble", []compiledPattern{mustHex("4? 4b 4c 4d 4e")}, "AKLMN BKLMN aKLMN", []hit{{0, 5}, {0, 11}}},
		{"short pattern", []compiledPattern{text("ab", false)}, "xxabxxab", []hit{{0, 4}, {0, 8}}},
		{"at the very end", []compiledPattern{text("tail", false)}, "the tail", []hit{{0, 8}}},
		{"shorter than window", []compiledPattern{text("long pattern", false)}, "lon", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := buildMatcher(t, tt.pats)
			got := matcherHits(m, []byte(tt.in), 0)
			if !slices.Equal(got, sortHits(tt.want)) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestMatcherAgainstNaive compares the matcher with brute force on random inputs built
// from a small alphabet, so that matches, near misses and shared anchors are common.
func TestMatcherAgainstNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alpha := []byte("abAB\x00")
	randBytes := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[rng.IntN(len(alpha))]
		}
		return b
	}
	for round := range 300 {
		var pats []compiledPattern
		for range 1 + rng.IntN(20) {
			p := compiledPattern{lit: randBytes(1 + rng.IntN(8)), nocase: rng.IntN(3) == 0}
			if p.nocase {
				p.lit = foldBytes(p.lit)
			}
			pats = append(pats, p)
		}
		m := buildMatcher(t, pats)
		buf := randBytes(rng.IntN(300))
		from := 0
		if len(buf) > 0 {
			from = rng.IntN(len(buf))
		}
		if got, want := matcherHits(m, buf, from), naiveHits(pats, buf, from); !slices.Equal(got, want) {
			t.Fatalf("round %d: got %d hits, want %d\npats %v\nbuf %q", round, len(got), len(want), pats, buf)
		}
	}
}

// TestMatcherStream shows that a match split across two chunks is found exactly once
// when the caller carries MaxLen()-1 bytes over.
func TestMatcherStream(t *testing.T) {
	var b MatcherBuilder
	b.Add([]byte("boundary-pattern"), false, 7)
	m := b.Build()
	data := []byte("....................boundary-pattern......")
	for split := 1; split < len(data); split++ {
		n := 0
		tail := []byte{}
		for _, chunk := range [][]byte{data[:split], data[split:]} {
			buf := append(slices.Clone(tail), chunk...)
			m.Scan(buf, len(tail), func(id, end int) bool { n++; return true })
			keep := min(len(buf), m.MaxLen()-1)
			tail = buf[len(buf)-keep:]
		}
		if n != 1 {
			t.Fatalf("split at %d: %d matches, want 1", split, n)
		}
	}
}

// benchPatterns makes n distinct literal patterns of 8 to 24 bytes, the shape of
// strings characteristic of a program.
func benchPatterns(n int) [][]byte {
	rng := rand.New(rand.NewPCG(3, 4))
	out := make([][]byte, n)
	for i := range out {
		p := make([]byte, 8+rng.IntN(17))
		for j := range p {
			p[j] = byte(32 + rng.IntN(95))
		}
		out[i] = p
	}
	return out
}

// benchInputs returns 16 MiB of random bytes and 16 MiB of text-like bytes (English
// words and code-like punctuation, the kind of data that defeats naive prefilters).
func benchInputs() map[string][]byte {
	rng := rand.New(rand.NewPCG(5, 6))
	random := make([]byte, 16<<20)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	words := []string{"the ", "config ", "server ", "return ", "func ", "0x", "error", "\n", "{", "}",
		"int ", "string ", "data ", "path ", "/usr/lib/", "\x00\x00\x00\x00", "vpn ", "tunnel "}
	var text bytes.Buffer
	for text.Len() < 16<<20 {
		text.WriteString(words[rng.IntN(len(words))])
	}
	return map[string][]byte{"random": random, "text": text.Bytes()[:16<<20]}
}

// heapAfter returns the heap bytes that build leaves allocated.
func heapAfter(build func()) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
}

// BenchmarkMatcher measures the matcher at 10, 1,000 and 10,000 patterns on random and
// text-like input: go test -run '^$' -bench 'Matcher|Coregx' ./signatures
func BenchmarkMatcher(b *testing.B) {
	inputs := benchInputs()
	for _, n := range []int{10, 1000, 10000} {
		var m *Matcher
		mib := heapAfter(func() {
			var mb MatcherBuilder
			for i, p := range benchPatterns(n) {
				mb.Add(p, false, i)
			}
			m = mb.Build()
		})
		for _, name := range []string{"random", "text"} {
			in := inputs[name]
			b.Run(fmt.Sprintf("patterns=%d/%s", n, name), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					m.Scan(in, 0, func(id, end int) bool { return true })
				}
				b.ReportMetric(mib, "MiB-built")
			})
		}
	}
}

// BenchmarkCoregx runs the best-measured Go Aho-Corasick library on the same patterns
// and inputs, for comparison in the same run (PERFORMANCE-NOTES.md lists others).
func BenchmarkCoregx(b *testing.B) {
	inputs := benchInputs()
	for _, n := range []int{10, 1000, 10000} {
		var ac *coregx.Automaton
		mib := heapAfter(func() {
			var err error
			// Byte classes off: v0.3.1 panics past 254 distinct bytes (PERFORMANCE-NOTES.md).
			ac, err = coregx.NewBuilder().SetByteClasses(false).AddPatterns(benchPatterns(n)).Build()
			if err != nil {
				b.Fatal(err)
			}
		})
		for _, name := range []string{"random", "text"} {
			in := inputs[name]
			b.Run(fmt.Sprintf("patterns=%d/%s", n, name), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					_ = ac.FindAll(in, -1)
				}
				b.ReportMetric(mib, "MiB-built")
			})
		}
	}
}
