package notify

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
	"github.com/aupscan/aupscan/scanner"
)

// TestManagersConcurrently runs two managers, each with its own Store on one database
// (PostgreSQL, and a SQLite file), as fleet mode does: both ingest overlapping batches
// of the same findings (ProcessOnce, the same case keys) while both run Tick, a
// sender and an action runner at the same moments, with a shared fake clock stepping
// every case of several tenants through the whole ladder to an automatic suspension.
// It asserts that each case counts each distinct finding once, that each (case, stage)
// is queued once, that every Message-ID is delivered exactly once, and that the
// suspension command ran exactly once per case.
func TestManagersConcurrently(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		dir := t.TempDir()
		hookOut := filepath.Join(dir, "hook.out")
		const tenants, hosts = 4, 2
		rules := [][2]string{{"tor-relay", "tor"}, {"xmrig", "mining"}}
		cfg := testConfig(t, dir, func(c *Config) {
			c.Policy.Suspension = SuspendAuto
			c.Hook.Command = []string{"sh", "-c", `echo "$AUPSCAN_IDEMPOTENCY_KEY" >> "$0"`, hookOut}
			c.Tenants = nil
			for i := range tenants {
				tn := Tenant{ID: fmt.Sprintf("t%d", i), Contacts: []mail.Contact{{Address: fmt.Sprintf("ops@t%d.example", i)}},
					TimeZone: []string{"UTC", "Europe/Berlin", "Asia/Shanghai", "America/New_York"}[i]}
				for h := range hosts {
					tn.Hosts = append(tn.Hosts, fmt.Sprintf("t%d-h%d", i, h))
				}
				c.Tenants = append(c.Tenants, tn)
			}
		})
		dsn := bk.dsn(t)
		clk := &clock{t: t0}
		// Two managers start at once: two stores, opened concurrently (the migration
		// runs once).
		var mgrs [2]*rig
		var wg sync.WaitGroup
		for i := range mgrs {
			wg.Go(func() {
				st, err := store.Open(t.Context(), dsn)
				if err != nil {
					t.Error(err)
					return
				}
				t.Cleanup(func() { st.Close() })
				mgrs[i] = rigOn(t, cfg, st, clk)
			})
		}
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
		rec := &recorder{delay: 200 * time.Microsecond} // the mail server both send to
		type manager struct {
			*rig
			sender *mail.Sender
			runner *ActionRunner
		}
		var ms [2]manager
		for i, r := range mgrs {
			runner, err := NewActionRunner(cfg.Hook, r.store, quietLog())
			if err != nil {
				t.Fatal(err)
			}
			s := mail.NewSender(r.store, rec, cfg.Mail, quietLog())
			s.Batch = 3 // several claims per drain
			ms[i] = manager{r, s, runner}
		}

		type key struct{ tenant, host, rule string }
		var cases []key
		for i := range tenants {
			for h := range hosts {
				for _, rl := range rules {
					cases = append(cases, key{fmt.Sprintf("t%d", i), fmt.Sprintf("t%d-h%d", i, h), rl[0]})
				}
			}
		}
		category := map[string]string{}
		for _, rl := range rules {
			category[rl[0]] = rl[1]
		}
		distinct := map[key]int{}
		duplicates := 0
		var mu sync.Mutex

		// round runs, on both managers at once, what a manager runs: ingest (when
		// there are findings), Tick, the sender and the action runner, each a few times.
		round := func(batches [2][]scanner.Finding, keys [2][]string) {
			var wg sync.WaitGroup
			for i := range ms {
				m := ms[i]
				if batches[i] != nil {
					wg.Go(func() {
						res, err := m.n.ProcessOnce(m.ctx, batches[i], keys[i])
						if err != nil {
							t.Errorf("manager %d: process: %v", i, err)
						}
						mu.Lock()
						duplicates += res.Duplicates
						mu.Unlock()
					})
				}
				wg.Go(func() {
					for range 3 {
						if _, err := m.n.Tick(m.ctx, clk.Now()); err != nil {
							t.Errorf("manager %d: tick: %v", i, err)
						}
					}
				})
				wg.Go(func() {
					for range 3 {
						if _, err := m.sender.Drain(m.ctx, clk.Now()); err != nil {
							t.Errorf("manager %d: drain: %v", i, err)
						}
					}
				})
				wg.Go(func() {
					for range 2 {
						if _, err := m.runner.Run(m.ctx, clk.Now()); err != nil {
							t.Errorf("manager %d: actions: %v", i, err)
						}
					}
				})
			}
			wg.Wait()
		}

		// Every 6 hours for 6 days each case is seen three times more (after its first
		// sighting in one of the first four steps): finding "a" reaches manager 0 and
		// finding "b" manager 1 (two agents reporting the same case at the same moment:
		// both may try to open it), and finding "c" reaches manager 0 for the first two
		// thirds of the cases and manager 1 for the last two thirds: the middle third
		// reaches both, as a redelivered message would. Each batch is shuffled.
		const steps = 24
		overlap := 0
		for step := range steps {
			if step > 0 {
				clk.Add(6 * time.Hour)
			}
			var batches [2][]scanner.Finding
			var keys [2][]string
			add := func(m int, f scanner.Finding, key string) {
				batches[m] = append(batches[m], f)
				keys[m] = append(keys[m], key)
			}
			var open []key
			for j, k := range cases {
				if step >= j%4 { // cases open at different steps, so their notices fall due apart
					open = append(open, k)
				}
			}
			lo, hi := len(open)/3, len(open)-len(open)/3
			for j, k := range open {
				msg := func(x string) (scanner.Finding, string) {
					f := finding(k.host, k.rule, category[k.rule], clk.Now())
					f.Evidence += " (" + x + ")"
					return f, fmt.Sprintf("%s/%s/%s/%d/%s", k.tenant, k.host, k.rule, step, x)
				}
				fa, ka := msg("a")
				fb, kb := msg("b")
				fc, kc := msg("c")
				add(0, fa, ka)
				add(1, fb, kb)
				if j < hi {
					add(0, fc, kc)
				}
				if j >= lo {
					add(1, fc, kc)
				}
				distinct[k] += 3
			}
			overlap += hi - lo
			for m := range batches {
				rand.Shuffle(len(batches[m]), func(i, j int) {
					batches[m][i], batches[m][j] = batches[m][j], batches[m][i]
					keys[m][i], keys[m][j] = keys[m][j], keys[m][i]
				})
			}
			round(batches, keys)
		}
		for range 3 { // let the last notices and actions go out
			clk.Add(time.Minute)
			round([2][]scanner.Finding{}, [2][]string{})
		}
		if t.Failed() {
			t.FailNow()
		}

		st, ctx := ms[0].store, ms[0].ctx
		if duplicates != overlap {
			t.Errorf("%d duplicates, want %d (the findings both managers got)", duplicates, overlap)
		}
		all, err := st.Cases(ctx, store.CaseFilter{All: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != len(cases) {
			t.Fatalf("%d cases, want %d", len(all), len(cases))
		}
		for _, c := range all {
			k := key{c.Tenant, c.Host, c.Rule}
			if c.Count != int64(distinct[k]) {
				t.Errorf("%s %v: count %d, want %d distinct findings", c.Ref(), k, c.Count, distinct[k])
			}
			// The suspension notice follows the action's success (issue 13).
			if c.State != store.StateSuspended || c.Stage != store.StageSuspended {
				t.Errorf("%s %v: %s at %q, want suspended (%v)", c.Ref(), k, c.State, c.Stage, events(t, ms[0].rig, c.ID))
			}
			evs := strings.Join(events(t, ms[0].rig, c.ID), "|")
			for ev, want := range map[string]int{"opened": 1, "warning notice queued": 1, "reminder notice queued": 1,
				"final notice queued": 1, "notice delivered": 4, "|suspended|": 1, "suspend action done": 1,
				"suspended notice queued": 1} {
				if got := strings.Count(evs, ev); got != want {
					t.Errorf("%s: %q %d times, want %d: %s", c.Ref(), ev, got, want, evs)
				}
			}
		}

		// Each (case, stage) queued once.
		rows, err := st.DB().Query(`SELECT case_id, stage, COUNT(*) FROM outbox_items GROUP BY case_id, stage`)
		if err != nil {
			t.Fatal(err)
		}
		queued := 0
		for rows.Next() {
			var id int64
			var stage string
			var n int
			if err := rows.Scan(&id, &stage, &n); err != nil {
				t.Fatal(err)
			}
			queued++
			if n != 1 {
				t.Errorf("%s %s queued %d times", store.CaseRef(id), stage, n)
			}
		}
		rows.Close()
		if queued != 4*len(cases) {
			t.Errorf("%d (case, stage) pairs queued, want %d", queued, 4*len(cases))
		}

		// Every Message-ID delivered exactly once, and nothing else.
		out, err := st.AllOutbox(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range out {
			if e.Status != store.OutboxSent || e.Attempts != 1 {
				t.Errorf("%s: %s after %d attempts", e.MessageID, e.Status, e.Attempts)
			}
			if n := rec.count(e.MessageID); n != 1 {
				t.Errorf("%s delivered %d times", e.MessageID, n)
			}
		}
		if len(rec.got) != len(out) {
			t.Errorf("%d Message-IDs delivered, %d in the outbox", len(rec.got), len(out))
		}

		// The suspension command ran once per case.
		b, err := os.ReadFile(hookOut)
		if err != nil {
			t.Fatal(err)
		}
		ran := map[string]int{}
		for _, l := range strings.Fields(string(b)) {
			ran[l]++
		}
		for _, c := range all {
			if n := ran[IdempotencyKey(c.ID, KindSuspend)]; n != 1 {
				t.Errorf("%s: suspension ran %d times", c.Ref(), n)
			}
		}
		if len(ran) != len(all) {
			t.Errorf("hook ran for %d keys, want %d: %v", len(ran), len(all), ran)
		}
		total := 0
		for _, n := range distinct {
			total += n
		}
		t.Logf("%s: %d cases, %d messages, %d findings (%d delivered to both managers)",
			bk, len(all), len(out), total, duplicates)
	})
}

// TestIngestConcurrently: two managers ingesting findings of the same new case at the
// same moment open it once and count both (PostgreSQL: the advisory lock on the case
// key, since there is no row to lock yet), with no error and no lost update.
func TestIngestConcurrently(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir())
		dsn := bk.dsn(t)
		clk := &clock{t: t0}
		var ms [2]*rig
		for i := range ms {
			ms[i] = rigOn(t, cfg, openStore(t, dsn), clk)
		}
		const rounds, per = 30, 3
		for i := range rounds {
			rule := fmt.Sprintf("rule-%02d", i)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for m := range ms {
				wg.Go(func() {
					<-start
					for j := range per { // a batch of its own findings of the new case
						f := finding("web-1", rule, "tor", t0.Add(time.Duration(m*per+j)*time.Second))
						if _, err := ms[m].n.Process(ms[m].ctx, []scanner.Finding{f}); err != nil {
							t.Errorf("manager %d: %v", m, err)
						}
					}
				})
			}
			close(start)
			wg.Wait()
		}
		all, err := ms[0].store.Cases(ms[0].ctx, store.CaseFilter{All: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != rounds {
			t.Errorf("%d cases, want %d", len(all), rounds)
		}
		for _, c := range all {
			if c.Count != 2*per || !c.FirstSeen.Equal(t0) || !c.LastSeen.Equal(t0.Add((2*per-1)*time.Second)) {
				t.Errorf("%s: count %d, seen %s..%s", c.Ref(), c.Count, c.FirstSeen, c.LastSeen)
			}
		}
	})
}
