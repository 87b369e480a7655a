package fleet

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
)

// TestRevoke: a host's credentials revoked and handed to the running server close
// the agent's connection and refuse it from then on; the agent spools. Another
// agent goes on publishing, and the same host enrolled again gets in with its new
// key. The revocation is in the saved account JWT, so a reloaded authority and the
// external server's configuration carry it.
func TestRevoke(t *testing.T) {
	auth, srv := startAuthServer(t)
	creds := writeCreds(t)
	mgr, err := Connect(srv.URL(), creds(auth.IssueManager("m", time.Hour)), "test-manager")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mgr.Close)
	rec := &recorder{}
	m := newManager(t, mgr, ManagerOptions{Handle: rec.handle})
	agent := func(host, credsFile string) *Agent {
		a, err := NewAgent(AgentOptions{URL: srv.URL(), Credentials: credsFile, Host: host, SpoolDir: filepath.Join(t.TempDir(), "spool"),
			Timeout: time.Second, ReconnectWait: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(a.Close)
		return a
	}
	ctx := context.Background()
	a := agent("web-1", creds(auth.IssueAgent("web-1", time.Hour)))
	b := agent("web-2", creds(auth.IssueAgent("web-2", time.Hour)))
	for i, x := range []*Agent{a, b} {
		if err := x.Publish(ctx, finding([]string{"web-1", "web-2"}[i], "proxy.relayd", 1)); err != nil {
			t.Fatal(err)
		}
	}
	eventually(t, 10*time.Second, "both agents' findings", func() bool { return m.Stats().Processed == 2 })

	if n, err := auth.Revoke("web-1"); err != nil || n != 1 {
		t.Fatalf("Revoke: %d, %v", n, err)
	}
	if _, err := auth.Revoke("nobody"); err == nil {
		t.Error("revoking a name never enrolled is no error")
	}
	reloaded, err := LoadAuthority(auth.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(reloaded.ServerConfig(), reloaded.accountJWT) || reloaded.accountJWT != auth.accountJWT {
		t.Error("the revocation is not in the saved account JWT")
	}
	if err := srv.UpdateAuthority(reloaded); err != nil {
		t.Fatal(err)
	}
	eventually(t, 5*time.Second, "web-1's connection closed", func() bool { return !a.nc.IsConnected() })
	a.Publish(ctx, finding("web-1", "proxy.relayd", 2))
	b.Publish(ctx, finding("web-2", "proxy.relayd", 2))
	eventually(t, 10*time.Second, "web-2's second finding", func() bool { return m.Stats().Processed == 3 })
	time.Sleep(300 * time.Millisecond)
	if s := a.Stats(); s.Spooled != 1 || m.Stats().Processed != 3 {
		t.Errorf("revoked agent %+v, manager %+v: want its finding spooled, not taken", s, m.Stats())
	}
	if nc, err := nats.Connect(srv.URL(), nats.UserCredentials(creds(auth.IssueAgent("web-1", time.Hour))),
		nats.CustomInboxPrefix(AgentInboxPrefix("web-1"))); err != nil {
		t.Errorf("web-1 enrolled again is refused: %v", err)
	} else {
		nc.Close()
	}
}
