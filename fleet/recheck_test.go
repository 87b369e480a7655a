package fleet

import (
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
)

// TestRecheckRequest: the manager's re-check request reaches the host's agent, and
// another host's agent may not subscribe to it (its credentials refuse the subject).
func TestRecheckRequest(t *testing.T) {
	auth, srv := startAuthServer(t)
	const hostA, hostB = "web-1.example.net", "db-1"
	mgr, err := Connect(srv.URL(), writeCreds(t)(auth.IssueManager("manager-1", time.Hour)), "manager")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mgr.Close)
	a, err := NewAgent(AgentOptions{URL: srv.URL(), Credentials: writeCreds(t)(auth.IssueAgent(hostA, time.Hour)), Host: hostA,
		SpoolDir: filepath.Join(t.TempDir(), "spool"), Timeout: 2 * time.Second, ReconnectWait: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	var got atomic.Int32
	stop, err := a.OnRecheck(func() { got.Add(1) })
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	a.nc.Flush()

	// B's agent tries to listen for A's requests: refused.
	var errsB asyncErrs
	ncB := agentConn(t, srv.URL(), writeCreds(t)(auth.IssueAgent(hostB, time.Hour)), hostB, &errsB)
	var stolen atomic.Int32
	if _, err := ncB.Subscribe(RecheckSubject(hostA), func(*nats.Msg) { stolen.Add(1) }); err == nil {
		ncB.Flush()
	}
	eventually(t, 5*time.Second, "B's subscription refused", func() bool { return errsB.has(RecheckSubject(hostA)) })

	if err := RequestRecheck(mgr, hostA); err != nil {
		t.Fatal(err)
	}
	eventually(t, 5*time.Second, "A's agent asked for a re-check", func() bool { return got.Load() == 1 })
	time.Sleep(200 * time.Millisecond)
	if n := stolen.Load(); n != 0 {
		t.Errorf("another host's agent received %d re-check requests", n)
	}
}
