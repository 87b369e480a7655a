package notify

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// recorder is a transport that counts deliveries by Message-ID, like a mail server
// shared by every manager.
type recorder struct {
	mu    sync.Mutex
	got   map[string]int
	delay time.Duration
}

func (r *recorder) Send(_ context.Context, e mail.Envelope) error {
	time.Sleep(r.delay)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.got == nil {
		r.got = map[string]int{}
	}
	r.got[e.MessageID]++
	return nil
}

func (r *recorder) Close() error { return nil }

func (r *recorder) count(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.got[id]
}

// TestOutboxLease: a message claimed by a manager that died is left alone until the
// lease runs out, then sent by another with the same Message-ID; the dead manager's
// late outcomes change nothing, and it cannot renew a claim another manager took.
func TestOutboxLease(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir())
		r := newRigOn(t, cfg, bk)
		r.process(t, finding("web-1", "tor-relay", "tor", t0))
		r.tick(t)
		const lease = 300 * time.Millisecond
		dead, due, err := claimOutbox(r, "dead", lease)
		if err != nil || len(due) != 1 {
			t.Fatalf("claim: %v %v", due, err)
		}
		if _, again, err := claimOutbox(r, "other", lease); err != nil || len(again) != 0 {
			t.Fatalf("claimed twice: %v %v", again, err)
		}
		rec := &recorder{}
		s := mail.NewSender(r.store, rec, cfg.Mail, quietLog())
		if res := drainWith(t, r, s); res.Sent != 0 {
			t.Fatalf("sent a message another manager holds: %+v", res)
		}
		time.Sleep(lease + 100*time.Millisecond)
		if res := drainWith(t, r, s); res.Sent != 1 || rec.count(due[0].MessageID) != 1 {
			t.Fatalf("after the lease: %+v, %v", res, rec.got)
		}
		if held, err := dead.Renew(r.ctx, []int64{due[0].ID}); err != nil || len(held) != 0 {
			t.Errorf("renewed a claim it lost: %v %v", held, err)
		}
		// The dead manager comes back and records what it did.
		if err := r.store.MarkRetry(r.ctx, due[0], "dead", r.clk.Now().Add(time.Hour), "421"); err != nil {
			t.Fatal(err)
		}
		if err := r.store.MarkFailed(r.ctx, due[0], "dead", r.clk.Now(), "550"); err != nil {
			t.Fatal(err)
		}
		if err := r.store.MarkSent(r.ctx, due[0], r.clk.Now()); err != nil {
			t.Fatal(err)
		}
		all, _ := r.store.AllOutbox(r.ctx)
		if len(all) != 1 || all[0].Status != store.OutboxSent || all[0].Attempts != 1 {
			t.Errorf("outbox %+v", all)
		}
		if c := r.caseOf(t, 1); c.NoticeFailed || c.StageDeliveredAt.IsZero() {
			t.Errorf("case %+v", c)
		}
		if got := strings.Count(strings.Join(events(t, r, 1), "|"), "notice delivered"); got != 1 {
			t.Errorf("delivery recorded %d times", got)
		}
		// A lost claim is skipped: another manager holds the message now.
		r.clk.Add(25 * time.Hour)
		r.tick(t)
		slow, mine, _ := claimOutbox(r, "slow", time.Millisecond)
		time.Sleep(10 * time.Millisecond)
		_, theirs, _ := claimOutbox(r, "fast", time.Minute)
		if len(mine) != 1 || len(theirs) != 1 {
			t.Fatalf("claims %v %v", mine, theirs)
		}
		if held, _ := slow.Renew(r.ctx, []int64{mine[0].ID}); len(held) != 0 {
			t.Errorf("renewed a claim another manager took: %v", held)
		}
	})
}

// claimOutbox claims up to 10 messages due now for owner, as a sender does, and
// returns the claims and the messages.
func claimOutbox(r *rig, owner string, lease time.Duration) (*store.Claims, []store.OutboxEntry, error) {
	c, err := r.store.Claim(r.ctx, store.OutboxQueue, owner, r.clk.Now(), 10, lease)
	if err != nil {
		return nil, nil, err
	}
	due, err := r.store.ClaimedOutbox(r.ctx, c)
	return c, due, err
}

func drainWith(t testing.TB, r *rig, s *mail.Sender) mail.DrainResult {
	t.Helper()
	res, err := s.Drain(r.ctx, r.clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestActionLease: an action claimed by a manager that died runs once, by another
// manager, after the lease; a success is recorded once.
func TestActionLease(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		out := filepath.Join(t.TempDir(), "hook.out")
		r := suspendedRig(t, bk, func(c *Config) {
			c.Hook.Command = []string{"sh", "-c", `echo "$AUPSCAN_IDEMPOTENCY_KEY" >> "$0"`, out}
		})
		const lease = 300 * time.Millisecond
		claims, err := r.store.Claim(r.ctx, store.ActionQueue, "dead", r.clk.Now(), 10, lease)
		if err != nil || len(claims.IDs) != 1 {
			t.Fatalf("claim: %v %v", claims, err)
		}
		runner, err := NewActionRunner(r.cfg.Hook, r.store, quietLog())
		if err != nil {
			t.Fatal(err)
		}
		if n, err := runner.Run(r.ctx, r.clk.Now()); err != nil || n != 0 {
			t.Fatalf("ran an action another manager holds: %d %v", n, err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("hook ran: %v", err)
		}
		time.Sleep(lease + 100*time.Millisecond)
		for range 2 {
			if _, err := runner.Run(r.ctx, r.clk.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		b, _ := os.ReadFile(out)
		if string(b) != "AUP-000001:suspend\n" {
			t.Errorf("hook ran:\n%s", b)
		}
		acts, _ := r.store.Actions(r.ctx, 1)
		if len(acts) != 1 || acts[0].Status != store.ActionDone || acts[0].Attempts != 1 {
			t.Errorf("actions %+v", acts)
		}
	})
}
