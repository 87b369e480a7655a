package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// report is what a load run measured.
type report struct {
	agents, managers, standing int
	backend                    string
	published                  int64
	heartbeats                 uint64
	spooled                    int
	elapsed                    time.Duration
	bursts                     []*burst
	peak                       float64
	cases                      int
	toCase, toNotice           []time.Duration
	mgr                        []procStats
	server                     procStats
}

// procStats is a manager process's CPU time and peak memory.
type procStats struct {
	cpu time.Duration
	rss int64 // bytes
}

func (h *harness) report(ctx context.Context, s *sampler, bursts []*burst, standing int, published int64, elapsed time.Duration) (*report, error) {
	r := &report{agents: len(h.agents), managers: len(h.managers), standing: standing, published: published,
		elapsed: elapsed, bursts: bursts, peak: s.peak(), backend: "SQLite"}
	if h.o.dsn != "" {
		r.backend = "PostgreSQL"
	}
	as := h.agentsStats()
	r.heartbeats, r.spooled = as.Heartbeats, as.Spooled
	var err error
	if r.toCase, err = h.durations(ctx, `SELECT opened_at - first_seen FROM cases`); err != nil {
		return nil, err
	}
	r.cases = len(r.toCase)
	if r.toNotice, err = h.durations(ctx, `SELECT o.created_at - c.first_seen FROM cases c
		JOIN outbox_items i ON i.case_id = c.id AND i.stage = 'warning'
		JOIN outbox o ON o.id = i.outbox_id`); err != nil {
		return nil, err
	}
	for _, m := range h.managers {
		r.mgr = append(r.mgr, readProc(m.cmd.Process.Pid))
	}
	r.server = readProc(h.srv.Process.Pid)
	return r, nil
}

// durations runs a query of nanosecond differences.
func (h *harness) durations(ctx context.Context, q string) ([]time.Duration, error) {
	rows, err := h.db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("latencies: %w", err)
	}
	defer rows.Close()
	var out []time.Duration
	for rows.Next() {
		var ns int64
		if err := rows.Scan(&ns); err != nil {
			return nil, err
		}
		out = append(out, time.Duration(ns))
	}
	slices.Sort(out)
	return out, rows.Err()
}

func pct(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[min(len(d)-1, int(float64(len(d))*p))]
}

func (r *report) print(w io.Writer) error {
	fmt.Fprintf(w, "fleetload: %d agents, %d manager(s), cases in %s, %s\n", r.agents, r.managers, r.backend, r.elapsed.Round(time.Second))
	fmt.Fprintf(w, "  published  %d findings (%d standing violations sighted every window, %d bursts), %d heartbeats, %d left spooled\n",
		r.published, r.standing, len(r.bursts), r.heartbeats, r.spooled)
	for i, b := range r.bursts {
		if b.done.IsZero() {
			fmt.Fprintf(w, "  burst %d    %d findings in 1s: not caught up\n", i+1, b.published)
			continue
		}
		d := b.done.Sub(b.at)
		fmt.Fprintf(w, "  burst %d    %d findings in 1s, taken in %s: %.0f findings/s\n", i+1, b.published,
			d.Round(10*time.Millisecond), float64(b.took)/d.Seconds())
	}
	fmt.Fprintf(w, "  peak       %.0f findings/s taken in one second\n", r.peak)
	fmt.Fprintf(w, "  cases      %d\n", r.cases)
	fmt.Fprintf(w, "  publish -> case              p50 %s  p99 %s  max %s\n", ms(pct(r.toCase, .5)), ms(pct(r.toCase, .99)), ms(pct(r.toCase, 1)))
	fmt.Fprintf(w, "  publish -> notice in outbox  p50 %s  p99 %s  max %s  (%d notices)\n", ms(pct(r.toNotice, .5)),
		ms(pct(r.toNotice, .99)), ms(pct(r.toNotice, 1)), len(r.toNotice))
	for i, m := range r.mgr {
		fmt.Fprintf(w, "  manager %d  %.1f s CPU, %d MiB peak RSS\n", i+1, m.cpu.Seconds(), m.rss>>20)
	}
	fmt.Fprintf(w, "  NATS       %.1f s CPU, %d MiB peak RSS\n", r.server.cpu.Seconds(), r.server.rss>>20)
	return nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

// readProc reads a process's CPU time (user + system) and peak RSS from /proc.
func readProc(pid int) procStats {
	var p procStats
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		s := string(b)
		if i := strings.LastIndexByte(s, ')'); i > 0 {
			f := strings.Fields(s[i+2:])
			if len(f) > 13 {
				ut, _ := strconv.ParseInt(f[11], 10, 64)
				st, _ := strconv.ParseInt(f[12], 10, 64)
				p.cpu = time.Duration(ut+st) * time.Second / 100 // USER_HZ
			}
		}
	}
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				p.rss = kb << 10
			}
		}
	}
	return p
}
