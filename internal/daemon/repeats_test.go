package daemon

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

// TestFloodOfOneFindingCollapses: 10,000 sightings of one flow's finding, then ten
// other findings, into a queue of 64: the others all get in (they were dropped
// behind the flood), the flood travels as its first record and one record whose
// count carries the rest, and no sighting is lost.
func TestFloodOfOneFindingCollapses(t *testing.T) {
	q := newFindingQueue(64, newMetrics(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	q.collapseRepeats(time.Hour) // the window ends when the queue closes
	flood := scanner.Finding{Rule: "vpn.wireguard", Host: "h", Kind: scanner.KindTraffic, Subject: "UDP 10.0.0.1:51820 -> 192.0.2.1:51820"}
	const repeats, others = 10000, 10
	for i := range repeats {
		f := flood
		f.Time = time.Unix(int64(i), 0)
		q.put(f)
	}
	for i := range others {
		q.put(scanner.Finding{Rule: "proxy.squid", Host: "h", Kind: scanner.KindFile, Subject: fmt.Sprintf("/etc/squid%d.conf", i)})
	}
	q.close()
	sightings := map[string]int{}
	var records []scanner.Finding
	for rec := range q.ch {
		var f scanner.Finding
		if err := json.Unmarshal(rec, &f); err != nil {
			t.Fatal(err)
		}
		records = append(records, f)
		sightings[f.Rule] += f.Sightings()
	}
	if sightings["vpn.wireguard"] != repeats || sightings["proxy.squid"] != others || q.dropped.Load() != 0 {
		t.Errorf("sightings %v, dropped %d; want %d and %d, none dropped", sightings, q.dropped.Load(), repeats, others)
	}
	if len(records) != others+2 {
		t.Errorf("%d records, want %d (the flood as two)", len(records), others+2)
	}
	last := records[len(records)-1]
	if last.Rule != "vpn.wireguard" || last.Count != repeats-1 || !last.Time.Equal(time.Unix(repeats-1, 0)) {
		t.Errorf("summary record %+v: want count %d and the last sighting's time", last, repeats-1)
	}
	if got := q.collapsed.Load(); got != repeats-1 {
		t.Errorf("collapsed %d, want %d", got, repeats-1)
	}
}

// TestRepeatWindowEnds: a sighting after the window opens a new one; the held
// repeats of the old window go first, with their count.
func TestRepeatWindowEnds(t *testing.T) {
	r := newRepeats(time.Second)
	f := scanner.Finding{ID: "x", Rule: "r"}
	t0 := time.Unix(0, 0)
	if out := r.add(f, t0); len(out) != 1 || out[0].Count != 0 {
		t.Fatalf("first sighting: %+v", out)
	}
	for i := range 3 {
		if out := r.add(f, t0.Add(time.Duration(i+1)*100*time.Millisecond)); len(out) != 0 {
			t.Fatalf("repeat %d sent: %+v", i, out)
		}
	}
	out := r.add(f, t0.Add(2*time.Second))
	if len(out) != 2 || out[0].Count != 3 || out[1].Count != 0 {
		t.Fatalf("after the window: %+v, want the summary of 3 then the new sighting", out)
	}
	if s := r.sweep(t0.Add(10*time.Second), false); len(s) != 0 {
		t.Errorf("a window without repeats swept as %+v", s)
	}
}
