package notify

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// The crash test's child process: the test binary run again with these variables set
// delivers the outbox of the database named in them and exits when it is empty.
const (
	envCrashDB        = "AUPSCAN_CRASH_DB"
	envCrashSMTP      = "AUPSCAN_CRASH_SMTP_PORT"
	envCrashKillAfter = "AUPSCAN_CRASH_KILL_AFTER_SEND" // SIGKILL itself after the nth accepted message
)

// TestCrashChild is not a test on its own: it is the sender process TestCrash kills.
func TestCrashChild(t *testing.T) {
	db := os.Getenv(envCrashDB)
	if db == "" {
		t.Skip("the child of TestCrash")
	}
	port, _ := strconv.Atoi(os.Getenv(envCrashSMTP))
	killAfter, _ := strconv.Atoi(os.Getenv(envCrashKillAfter))
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	smtp := mail.SMTP{Host: "127.0.0.1", Port: port, TLS: "none", Timeout: Duration(5 * time.Second)}
	tr, err := mail.NewSMTPTransport(smtp)
	if err != nil {
		t.Fatal(err)
	}
	var transport mail.Transport = tr
	if killAfter > 0 {
		transport = &suicidal{Transport: tr, left: killAfter}
	}
	s := mail.NewSender(st, transport, mail.Config{MaxAttempts: 1000, Backoff: Duration(10 * time.Millisecond),
		MaxBackoff: Duration(100 * time.Millisecond)}, quietLog())
	s.Batch = 5
	// A killed child leaves its claims behind: a short lease lets the next child take
	// them over at once (one child runs at a time, so nothing else competes).
	s.Lease = 100 * time.Millisecond
	for {
		if _, err := s.Drain(ctx, time.Now()); err != nil {
			t.Fatal(err)
		}
		var pending int
		st.DB().QueryRow(`SELECT COUNT(*) FROM outbox WHERE status = 'pending'`).Scan(&pending)
		if pending == 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// suicidal kills its own process right after the server accepted the nth message,
// before the sender can record it: the worst moment for a crash.
type suicidal struct {
	mail.Transport
	left int
}

func (s *suicidal) Send(ctx context.Context, e mail.Envelope) error {
	err := s.Transport.Send(ctx, e)
	if err == nil {
		if s.left--; s.left == 0 {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
	}
	return err
}

// TestCrash runs the sender as a subprocess, kills it with SIGKILL at many points
// (at random, and deliberately right after the server accepted a message), restarts
// it each time, and checks that every notice arrived and that every repeat carries
// the Message-ID of the notice it repeats. A crash causes at most one repeat.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test in -short mode")
	}
	mp := startMailpit(t)
	const tenants = 150
	dir := t.TempDir()
	cfg := testConfig(t, dir, func(c *Config) {
		c.Tenants = nil
		for i := range tenants {
			c.Tenants = append(c.Tenants, Tenant{ID: fmt.Sprintf("t%03d", i), Hosts: []string{fmt.Sprintf("h%03d", i)},
				Contacts: []mail.Contact{{Address: fmt.Sprintf("ops@t%03d.example", i)}}})
		}
	})
	r := newRig(t, cfg)
	for i := range tenants {
		r.process(t, finding(fmt.Sprintf("h%03d", i), "tor-relay", "tor", t0))
	}
	if res := r.tick(t); res.Messages != tenants {
		t.Fatalf("tick: %+v", res)
	}
	dbPath := filepath.Join(dir, "crash.db")
	if _, err := r.store.DB().Exec(`VACUUM INTO ?`, dbPath); err != nil {
		t.Fatal(err)
	}
	run := func(killAfter int, killIn time.Duration) (finished bool) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), envCrashDB+"="+dbPath, envCrashSMTP+"="+strconv.Itoa(mp.SMTPPort),
			envCrashKillAfter+"="+strconv.Itoa(killAfter))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		timer := time.NewTimer(killIn)
		defer timer.Stop()
		select {
		case err := <-done:
			if killAfter > 0 || err == nil {
				return err == nil
			}
			t.Fatalf("sender exited: %v", err)
		case <-timer.C:
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
		}
		return false
	}
	kills := 0
	// Deliberate kills right after an accepted message, then kills at random moments.
	for range 5 {
		if run(1+rand.IntN(3), time.Minute) {
			t.Fatal("child survived its own SIGKILL")
		}
		kills++
	}
	// Random kills over a window that widens each round (a slow machine, or -race,
	// starts the child slowly), then one run left to finish.
	for i := range 80 {
		if run(0, time.Duration(5+rand.IntN(60)+2*i)*time.Millisecond) {
			break
		}
		kills++
		if i == 79 && !run(0, 2*time.Minute) {
			t.Fatal("the sender never finished")
		}
	}
	st, err := store.Open(r.ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.AllOutbox(r.ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, e := range all {
		if e.Status != store.OutboxSent {
			t.Errorf("%s: %s after the crashes", e.MessageID, e.Status)
		}
		want[e.MessageID] = true
	}
	var got []testenv.MailpitMessage
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if got = mp.Messages(); len(got) >= len(want) {
			break
		}
	}
	seen := map[string]int{}
	for _, m := range got {
		if !want[m.MessageID] {
			t.Errorf("received %q, which is no notice's Message-ID", m.MessageID)
		}
		seen[m.MessageID]++
	}
	for id := range want {
		if seen[id] == 0 {
			t.Errorf("notice %s was never delivered", id)
		}
	}
	repeats := len(got) - len(seen)
	t.Logf("%d notices, %d SIGKILLs (5 right after an accepted message), %d received, %d repeats (all with the original Message-ID)",
		len(want), kills, len(got), repeats)
	if repeats > kills {
		t.Errorf("%d repeats from %d crashes: a crash may cause at most one", repeats, kills)
	}
	if repeats < 5 {
		t.Errorf("%d repeats: each kill right after an accepted message must cause one", repeats)
	}
}
