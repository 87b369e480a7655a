package fleet

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/aupscan/aupscan/internal/testenv"
)

// TestTLS: an embedded server with a certificate speaks TLS only. An agent and a
// manager that check its certificate against the CA exchange a finding; an agent
// without the CA never connects and spools; a plain client is refused; a CA that did
// not sign the server's certificate is refused too.
func TestTLS(t *testing.T) {
	pki, other := t.TempDir(), t.TempDir()
	testenv.WritePKI(t, pki)
	testenv.WritePKI(t, other)
	srv, err := StartServer(ServerOptions{Dir: t.TempDir(), Listen: "127.0.0.1:0",
		TLSCert: filepath.Join(pki, "server.pem"), TLSKey: filepath.Join(pki, "server.key")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	ca := filepath.Join(pki, "ca.pem")

	nc, err := Connect(srv.URL(), "", "test-manager", TLSOption(ca)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	rec := &recorder{}
	m := newManager(t, nc, ManagerOptions{Handle: rec.handle})
	a, err := NewAgent(AgentOptions{URL: srv.URL(), Host: "web-1", TLSCA: ca, SpoolDir: filepath.Join(t.TempDir(), "spool"),
		Timeout: 2 * time.Second, ReconnectWait: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	if err := a.Publish(context.Background(), finding("web-1", "proxy.relayd", 1)); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "the finding over TLS", func() bool { return m.Stats().Processed == 1 })
	if s := a.Stats(); s.Published != 1 || s.Spooled != 0 {
		t.Errorf("agent with the CA: %+v", s)
	}

	for name, o := range map[string]AgentOptions{
		"no CA":      {},
		"foreign CA": {TLSCA: filepath.Join(other, "ca.pem")},
	} {
		o.URL, o.Host, o.SpoolDir = srv.URL(), "web-2", filepath.Join(t.TempDir(), "spool")
		o.Timeout, o.ReconnectWait = time.Second, 100*time.Millisecond
		b, err := NewAgent(o)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := b.Publish(context.Background(), finding("web-2", "proxy.relayd", 2)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		time.Sleep(500 * time.Millisecond)
		if s := b.Stats(); s.Published != 0 || s.Spooled != 1 {
			t.Errorf("%s: %+v, want the finding spooled, not published", name, s)
		}
		b.Close()
	}
	if plain, err := nats.Connect(srv.URL(), nats.Timeout(2*time.Second)); err == nil {
		plain.Close()
		t.Error("a plain client connected to the TLS server")
	}
	if m.Stats().Processed != 1 {
		t.Errorf("manager %+v", m.Stats())
	}
}
