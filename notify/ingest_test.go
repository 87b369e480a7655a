package notify

import (
	"testing"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

// TestProcessOnce: a batch delivered again changes no case; a key handled before, or
// twice in one batch, is counted as a duplicate; Process without keys counts every
// finding; PruneHandled forgets keys.
func TestProcessOnce(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir())
		r := newRigOn(t, cfg, bk)
		fs := []scanner.Finding{finding("web-1", "tor-relay", "tor", t0), finding("web-1", "tor-relay", "tor", t0.Add(time.Minute)),
			finding("nobody", "tor-relay", "tor", t0), finding("web-2", "xmrig", "mining", t0)}
		keys := []string{"m1", "m2", "m3", "m4"}
		once := func(fs []scanner.Finding, keys []string) ProcessResult {
			t.Helper()
			res, err := r.n.ProcessOnce(r.ctx, fs, keys)
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		if res := once(fs, keys); res.Opened != 2 || res.Refreshed != 1 || res.Skipped[SkipNoTenant] != 1 || res.Duplicates != 0 {
			t.Fatalf("first delivery: %+v", res)
		}
		if res := once(fs, keys); res.Opened != 0 || res.Refreshed != 0 || len(res.Skipped) != 0 || res.Duplicates != 4 {
			t.Fatalf("redelivery: %+v", res)
		}
		if c := r.caseOf(t, 1); c.Count != 2 {
			t.Fatalf("case 1 counts %d findings, want 2", c.Count)
		}
		f5 := finding("web-1", "tor-relay", "tor", t0.Add(2*time.Minute))
		if res := once([]scanner.Finding{fs[0], f5, f5}, []string{"m1", "m5", "m5"}); res.Refreshed != 1 || res.Duplicates != 2 {
			t.Fatalf("mixed batch: %+v", res)
		}
		if _, err := r.n.ProcessOnce(r.ctx, fs, keys[:2]); err == nil {
			t.Error("ProcessOnce with fewer keys than findings")
		}
		if res := r.process(t, fs[0]); res.Refreshed != 1 {
			t.Fatalf("Process: %+v", res)
		}
		if c := r.caseOf(t, 1); c.Count != 4 {
			t.Fatalf("case 1 counts %d findings, want 4", c.Count)
		}
		n, err := r.store.PruneHandled(r.ctx, r.clk.Now().Add(time.Second))
		if err != nil || n != 5 {
			t.Fatalf("prune: %d %v", n, err)
		}
		if res := once(fs[:1], keys[:1]); res.Refreshed != 1 || res.Duplicates != 0 {
			t.Fatalf("after prune: %+v", res)
		}
	})
}

// TestProcessCountedFinding: a record standing for several sightings (its count)
// opens or refreshes its case by that many.
func TestProcessCountedFinding(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		r := newRigOn(t, testConfig(t, t.TempDir()), bk)
		first := finding("web-1", "tor-relay", "tor", t0)
		first.Count = 3
		if res := r.process(t, first); res.Opened != 1 {
			t.Fatalf("first: %+v", res)
		}
		more := finding("web-1", "tor-relay", "tor", t0.Add(time.Minute))
		more.Count = 997
		r.process(t, more)
		if c := r.caseOf(t, 1); c.Count != 1000 {
			t.Fatalf("case counts %d sightings, want 1000", c.Count)
		}
	})
}
