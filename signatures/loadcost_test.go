package signatures

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

// slowLoadInput is the kind of file that stalled FuzzLoad (33 executions in 47 s):
// thousands of repeated tables whose key the format does not know, each reported
// as an unknown key. Finding each one's line read the whole file again.
func slowLoadInput(n int) []byte { return bytes.Repeat([]byte("[[a]]\nb=1\n"), n) }

// loadBytes returns the bytes allocated by one load of data: a count the machine's
// load does not change, unlike time.
func loadBytes(t *testing.T, data []byte) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := loadSources([]source{{name: "fuzz.toml", dir: t.TempDir(), data: data}}, nil)
	runtime.ReadMemStats(&after)
	if ps, ok := err.(Problems); !ok || len(ps) == 0 {
		t.Fatalf("load: %v, want unknown-key problems", err)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestLoadLinearInUnknownKeys: twice the unknown keys cost about twice the work (the
// loader read the file once a key, four times the work), and every problem still
// names its key.
func TestLoadLinearInUnknownKeys(t *testing.T) {
	small, large := loadBytes(t, slowLoadInput(2000)), loadBytes(t, slowLoadInput(4000))
	if ratio := float64(large) / float64(small); ratio > 3 {
		t.Errorf("2,000 tables allocate %d bytes, 4,000 %d: ratio %.1f, want about 2 (linear)", small, large, ratio)
	}
}

// TestUnknownKeyLines: the line of an unknown key, found in one pass: under its
// table, quoted or bare, and none when several lines set it.
func TestUnknownKeyLines(t *testing.T) {
	data := []byte("top = 1\n[[rule]]\nid = \"x\"\nbogus = 2\n\"quoted key\" = 3\n[[rule]]\ntwice = 1\n[[rule]]\ntwice = 2\n")
	_, err := loadSources([]source{{name: "k.toml", dir: t.TempDir(), data: data}}, nil)
	ps, _ := err.(Problems)
	got := map[string]int{}
	for _, p := range ps {
		if strings.Contains(p.Message, "unknown key") {
			got[p.Key] = p.Line
		}
	}
	for key, line := range map[string]int{"top": 1, "rule.bogus": 4, `rule."quoted key"`: 5, "rule.twice": 0} {
		if l, ok := got[key]; !ok || l != line {
			t.Errorf("key %q: line %d (reported %v), want %d; problems: %v", key, l, ok, line, ps)
		}
	}
}
