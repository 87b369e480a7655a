package host

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"
)

// TestDutyCycle drives a duty cycle on a fake clock: at duty 0.25 each millisecond
// of work owes three of rest, paid in rests of at least restQuantum; time between
// jobs (after mark) is not work; no rest at all without a duty.
func TestDutyCycle(t *testing.T) {
	var clock time.Time
	var rests []time.Duration
	d := newDutyCycle(0.25)
	d.now = func() time.Time { return clock }
	d.rest = func(_ context.Context, r time.Duration) error {
		rests = append(rests, r)
		clock = clock.Add(r)
		return nil
	}
	d.mark()
	ctx := context.Background()
	for range 20 { // 20 chunks of 1 ms work: 3 ms of rest owed for each
		clock = clock.Add(time.Millisecond)
		if err := d.tick(ctx); err != nil {
			t.Fatal(err)
		}
	}
	clock = clock.Add(time.Hour) // waiting for the next job
	d.mark()
	clock = clock.Add(time.Millisecond)
	d.tick(ctx)
	var total time.Duration
	for _, r := range rests {
		if r < restQuantum {
			t.Errorf("a rest of %v, under the quantum", r)
		}
		total += r
	}
	if owed := total + d.owed; owed != 63*time.Millisecond {
		t.Errorf("rested %v and owes %v for 21 ms of work at duty 0.25, want 63 ms in all", total, d.owed)
	}
	if newDutyCycle(0) != nil || newDutyCycle(1) != nil {
		t.Error("a duty of 0 or 1 rests")
	}
	var none *dutyCycle
	none.mark()
	if none.tick(ctx) != nil {
		t.Error("a nil duty cycle failed")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	d = newDutyCycle(0.01)
	time.Sleep(time.Millisecond) // real clock: 1 ms of work owes 99 ms
	if err := d.tick(cctx); err == nil {
		t.Error("a rest in a cancelled scan did not end it")
	}
}

// TestScanFilesWithDuty: a scan with a duty cycle finds what one without finds.
func TestScanFilesWithDuty(t *testing.T) {
	dir := t.TempDir()
	cacheTree(t, dir)
	eng := cacheRules(t, elfRule, unlisted)
	with, s := scanTree(t, eng, dir, FileOptions{Workers: 2, Duty: 0.5})
	without, _ := scanTree(t, eng, dir, FileOptions{Workers: 2})
	if hitList(with) != hitList(without) || s.Files != 5 {
		t.Errorf("with a duty cycle (%d files):\n%swithout:\n%s", s.Files, hitList(with), hitList(without))
	}
}

// BenchmarkScanDuty scans 2,000 files (47 MB) with one worker at duty 1, 0.5 and
// 0.25 and reports the share of wall time the process spent on a CPU: it should
// follow the duty (the rest of the time the reader rests).
//
//	go test ./scanner/host -run '^$' -bench ScanDuty -benchtime 3x
func BenchmarkScanDuty(b *testing.B) {
	root, eng := benchTree(b)
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	for _, duty := range []float64{1, 0.5, 0.25} {
		b.Run(fmt.Sprintf("duty-%g", duty), func(b *testing.B) {
			c0 := cpu()
			for b.Loop() {
				if _, err := ScanFiles(context.Background(), []Tree{{Root: root, Paths: []string{"/"}}}, eng.Files,
					FileOptions{Workers: 1, Duty: duty}, func(FileHit) {}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpu()-c0)/float64(b.Elapsed()), "cpu-share")
		})
	}
}
