package fleet

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nkeys"
)

// writeCreds returns a function writing the credentials it is given to a 0600 file
// in a temporary folder: writeCreds(t)(auth.IssueAgent(host, ttl)).
func writeCreds(t *testing.T) func(creds []byte, err error) string {
	return func(creds []byte, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), "user.creds")
		if err := os.WriteFile(p, creds, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

// asyncErrs collects the errors the server reports on a connection (permissions
// violations).
type asyncErrs struct {
	mu   sync.Mutex
	errs []error
}

func (e *asyncErrs) handler(_ *nats.Conn, _ *nats.Subscription, err error) {
	e.mu.Lock()
	e.errs = append(e.errs, err)
	e.mu.Unlock()
}

// has reports whether a permissions violation naming subject was reported.
func (e *asyncErrs) has(subject string) bool { return e.hasPrefix(subject + `"`) }

// hasPrefix reports whether a permissions violation naming a subject that begins
// with prefix was reported.
func (e *asyncErrs) hasPrefix(prefix string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, err := range e.errs {
		if errors.Is(err, nats.ErrPermissionViolation) && strings.Contains(err.Error(), `"`+prefix) {
			return true
		}
	}
	return false
}

// agentConn connects the way an agent does, with creds, reporting async errors to e.
func agentConn(t *testing.T, url, creds, host string, e *asyncErrs) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(url, nats.UserCredentials(creds), nats.CustomInboxPrefix(AgentInboxPrefix(host)),
		nats.ErrorHandler(e.handler), nats.PermissionErrOnSubscribe(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

func startAuthServer(t *testing.T) (*Authority, *Server) {
	t.Helper()
	auth, err := InitAuthority(filepath.Join(t.TempDir(), "authority"))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := StartServer(ServerOptions{Dir: t.TempDir(), Listen: "127.0.0.1:0", Authority: auth})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	return auth, srv
}

// TestAuthorityFolder: init writes a private folder, is idempotent, and load reads
// the same keys; the credentials it issues carry the agent's permissions and ttl.
func TestAuthorityFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "authority")
	if _, err := LoadAuthority(dir); err == nil || !strings.Contains(err.Error(), "fleet init") {
		t.Errorf("load of nothing: %v", err)
	}
	a, err := InitAuthority(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %04o, want 0700", st.Mode().Perm())
	}
	for _, f := range []string{operatorSeedFile, systemSeedFile, accountSeedFile} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, mode %04o, want 0600", f, err, st.Mode().Perm())
		}
	}
	again, err := InitAuthority(dir)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadAuthority(dir)
	if err != nil {
		t.Fatal(err)
	}
	if again.Operator() != a.Operator() || loaded.Account() != a.Account() || loaded.SystemAccount() != a.SystemAccount() {
		t.Errorf("init again or load gave other keys")
	}

	creds, err := a.IssueAgent("web-1.example.net", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := jwt.ParseDecoratedJWT(creds)
	if err != nil {
		t.Fatal(err)
	}
	uc, err := jwt.DecodeUserClaims(tok)
	if err != nil {
		t.Fatal(err)
	}
	if uc.Name != "web-1.example.net" || uc.Issuer != a.Account() {
		t.Errorf("user %q issued by %s", uc.Name, uc.Issuer)
	}
	if d := time.Until(time.Unix(uc.Expires, 0)); d < 59*time.Minute || d > time.Hour {
		t.Errorf("expires in %v, want 1h", d)
	}
	if !slices.Equal(uc.Pub.Allow, jwt.StringList{
		"aupscan.findings.web-1%2Eexample%2Enet", "aupscan.heartbeat.web-1%2Eexample%2Enet", "$JS.API.INFO",
		"$JS.API.STREAM.INFO.KV_aupscan-rules", "$JS.API.STREAM.MSG.GET.KV_aupscan-rules",
		"$JS.API.DIRECT.GET.KV_aupscan-rules", "$JS.API.DIRECT.GET.KV_aupscan-rules.>",
		"$JS.API.STREAM.INFO.OBJ_aupscan-lists", "$JS.API.STREAM.MSG.GET.OBJ_aupscan-lists",
		"$JS.API.DIRECT.GET.OBJ_aupscan-lists", "$JS.API.DIRECT.GET.OBJ_aupscan-lists.>"}) ||
		!slices.Equal(uc.Sub.Allow, jwt.StringList{"_INBOX_web-1%2Eexample%2Enet.>"}) || len(uc.Pub.Deny)+len(uc.Sub.Deny) != 0 {
		t.Errorf("permissions %+v", uc.Permissions)
	}
	if _, err := a.IssueAgent("", time.Hour); err == nil {
		t.Error("an agent without a host was issued")
	}
	if _, err := a.IssueAgent("web-1", -time.Hour); err == nil {
		t.Error("a negative ttl was accepted")
	}

	if err := os.Chmod(filepath.Join(dir, accountSeedFile), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadAuthority(dir); err == nil || !strings.Contains(err.Error(), "readable by others") {
		t.Errorf("load with a readable seed: %v", err)
	}
}

// TestAgentCredentialsBoundToHost: with an authority, the embedded server admits only
// the users it issued, and an agent's credentials publish on its own host's subjects
// only; the manager still rejects a finding whose claimed host is not its sender's.
func TestAgentCredentialsBoundToHost(t *testing.T) {
	auth, srv := startAuthServer(t)
	ctx := context.Background()
	const hostA, hostB = "web-1.example.net", "db-1"

	mgr, err := Connect(srv.URL(), writeCreds(t)(auth.IssueManager("manager-1", time.Hour)), "manager")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mgr.Close)
	rec := &recorder{}
	m := newManager(t, mgr, ManagerOptions{Handle: rec.handle,
		SilentAfter: time.Minute})

	// Agent A, with A's credentials: its finding and its heartbeats arrive.
	credsA := writeCreds(t)(auth.IssueAgent(hostA, time.Hour))
	short := writeCreds(t)(auth.IssueAgent(hostA, time.Second)) // tried when expired, below
	shortExpiry := time.Unix(time.Now().Add(time.Second).Unix()+1, 0)
	a, err := NewAgent(AgentOptions{URL: srv.URL(), Credentials: credsA, Host: hostA, SpoolDir: filepath.Join(t.TempDir(), "spool"),
		Heartbeat: 100 * time.Millisecond, Timeout: 2 * time.Second, ReconnectWait: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	runBg(t, a.Run)
	if err := a.Publish(ctx, finding("", "proxy.relayd", 1)); err != nil {
		t.Fatal(err)
	}
	if s := a.Stats(); s.Published != 1 || s.Spooled != 0 {
		t.Fatalf("agent A: %+v, want its finding published", s)
	}
	eventually(t, 10*time.Second, "A's finding handled", func() bool { return rec.len() == 1 })
	eventually(t, 5*time.Second, "A's heartbeat seen", func() bool {
		as := m.Agents()
		return len(as) == 1 && as[0].Host == hostA
	})

	// A's credentials on B's subjects: refused by the server.
	var errsA asyncErrs
	ncA := agentConn(t, srv.URL(), credsA, hostA, &errsA)
	jsA, err := jetstream.New(ncA)
	if err != nil {
		t.Fatal(err)
	}
	forB := finding(hostB, "proxy.relayd", 2)
	data := []byte(`{"rule":"proxy.relayd","category":"proxy","kind":"file","subject":"/x","time":"2026-03-02T08:00:00Z","host":"db-1"}`)
	if err := ncA.Publish(FindingsSubject(hostB), data); err != nil {
		t.Fatal(err)
	}
	eventually(t, 5*time.Second, "core publish on B's subject reported a violation", func() bool { return errsA.has(FindingsSubject(hostB)) })
	pctx, cancel := context.WithTimeout(ctx, time.Second)
	_, err = jsA.Publish(pctx, FindingsSubject(hostB), data, jetstream.WithMsgID(MsgID(&forB)))
	cancel()
	if err == nil {
		t.Error("JetStream publish on B's findings subject acknowledged")
	}
	pctx, cancel = context.WithTimeout(ctx, time.Second)
	_, err = jsA.Publish(pctx, HeartbeatSubject(hostB), []byte(`{"host":"db-1"}`))
	cancel()
	if err == nil {
		t.Error("JetStream publish on B's heartbeat subject acknowledged")
	}
	eventually(t, 5*time.Second, "heartbeat publish on B's subject reported", func() bool { return errsA.has(HeartbeatSubject(hostB)) })

	// ... nor read the findings, nor take over the managers' consumer.
	sub, err := ncA.SubscribeSync(FindingsPrefix + ">")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sub.NextMsg(2 * time.Second); !errors.Is(err, nats.ErrPermissionViolation) {
		t.Errorf("subscription to every finding: %v, want a permissions violation", err)
	}
	cctx, cancel := context.WithTimeout(ctx, time.Second)
	_, err = jsA.CreateOrUpdateConsumer(cctx, FindingsStream, jetstream.ConsumerConfig{Durable: "steal", FilterSubject: FindingsPrefix + "*"})
	cancel()
	if err == nil {
		t.Error("A's credentials created a consumer on the findings stream")
	}
	eventually(t, 5*time.Second, "consumer creation reported", func() bool {
		return errsA.has("$JS.API.CONSUMER.CREATE." + FindingsStream + ".steal." + FindingsPrefix + "*")
	})
	cctx, cancel = context.WithTimeout(ctx, time.Second)
	_, err = jsA.Stream(cctx, FindingsStream)
	cancel()
	if err == nil {
		t.Error("A's credentials read the findings stream's info")
	}

	// Without the agent's inbox prefix even A's own publish gets no acknowledgement.
	var errsPlain asyncErrs
	plain, err := nats.Connect(srv.URL(), nats.UserCredentials(credsA), nats.ErrorHandler(errsPlain.handler))
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	jsPlain, _ := jetstream.New(plain)
	pctx, cancel = context.WithTimeout(ctx, time.Second)
	_, err = jsPlain.Publish(pctx, HeartbeatSubject(hostA), []byte(`{"host":"web-1.example.net"}`))
	cancel()
	if err == nil {
		t.Error("a JetStream publish was acknowledged on the default inbox")
	}
	if !errsPlain.hasPrefix("_INBOX.") {
		t.Error("no violation reported for the default inbox")
	}

	// No credentials, an expired agent, another authority's agent: not admitted.
	if nc, err := nats.Connect(srv.URL()); err == nil {
		nc.Close()
		t.Error("a connection without credentials was admitted")
	} else if !errors.Is(err, nats.ErrAuthorization) {
		t.Errorf("without credentials: %v", err)
	}
	ukp, _ := nkeys.CreateUser()
	upub, _ := ukp.PublicKey()
	useed, _ := ukp.Seed()
	expired, err := auth.userJWT(upub, hostA, agentPermissions(hostA), true, time.Now().Add(-time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if nc, err := nats.Connect(srv.URL(), nats.UserJWTAndSeed(expired, string(useed))); err == nil {
		nc.Close()
		t.Error("expired credentials were admitted")
	} else if !errors.Is(err, nats.ErrAuthExpired) && !errors.Is(err, nats.ErrAuthorization) {
		t.Errorf("expired credentials: %v", err)
	}
	time.Sleep(time.Until(shortExpiry)) // the JWT's expiry is in whole seconds
	if nc, err := nats.Connect(srv.URL(), nats.UserCredentials(short)); err == nil {
		nc.Close()
		t.Error("credentials past their ttl were admitted")
	} else if !errors.Is(err, nats.ErrAuthExpired) && !errors.Is(err, nats.ErrAuthorization) {
		t.Errorf("credentials past their ttl: %v", err)
	}
	other, err := InitAuthority(filepath.Join(t.TempDir(), "other"))
	if err != nil {
		t.Fatal(err)
	}
	if nc, err := nats.Connect(srv.URL(), nats.UserCredentials(writeCreds(t)(other.IssueAgent(hostA, time.Hour)))); err == nil {
		nc.Close()
		t.Error("another authority's agent was admitted")
	}

	// Nothing of the refused publishes reached the manager or the stream.
	time.Sleep(300 * time.Millisecond)
	if s := m.Stats(); s.Received != 1 || s.Processed != 1 || rec.len() != 1 {
		t.Errorf("manager %+v, handled %d; want only A's finding", s, rec.len())
	}
	if as := m.Agents(); len(as) != 1 {
		t.Errorf("agents heard: %+v, want A only", as)
	}

	// A on its own subject, claiming B's host: admitted by the server, rejected by
	// the manager.
	pctx, cancel = context.WithTimeout(ctx, 2*time.Second)
	_, err = jsA.Publish(pctx, FindingsSubject(hostA), data)
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "forged finding rejected", func() bool { return m.Stats().Rejected == 1 })
	if s := m.Stats(); s.Processed != 1 || rec.len() != 1 {
		t.Errorf("manager %+v after the forged finding", s)
	}
}

// TestAgentReadsRulesBucket: an agent's credentials read the rules bucket the manager
// wrote (the last value of a key, a revision, the bucket's status) and nothing more:
// no writes, no watchers.
func TestAgentReadsRulesBucket(t *testing.T) {
	auth, srv := startAuthServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	mgr, err := Connect(srv.URL(), "", "manager", must(auth.ManagerOption("manager-1", time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	defer mgr.Close()
	jsM, _ := jetstream.New(mgr)
	kvM, err := jsM.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: "aupscan-rules", History: 5})
	if err != nil {
		t.Fatal(err)
	}
	rev1, err := kvM.Put(ctx, "pack", []byte("pack v1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kvM.Put(ctx, "pack", []byte("pack v2")); err != nil {
		t.Fatal(err)
	}

	var errsA asyncErrs
	ncA := agentConn(t, srv.URL(), writeCreds(t)(auth.IssueAgent("web-1", time.Hour)), "web-1", &errsA)
	jsA, _ := jetstream.New(ncA)
	read := func(name string) {
		t.Helper()
		kv, err := jsA.KeyValue(ctx, "aupscan-rules")
		if err != nil {
			t.Fatalf("%s: open bucket: %v", name, err)
		}
		e, err := kv.Get(ctx, "pack")
		if err != nil || string(e.Value()) != "pack v2" {
			t.Fatalf("%s: get: %v %v", name, e, err)
		}
		e, err = kv.GetRevision(ctx, "pack", rev1)
		if err != nil || string(e.Value()) != "pack v1" {
			t.Fatalf("%s: get revision: %v %v", name, e, err)
		}
		if _, err := kv.Get(ctx, "none"); !errors.Is(err, jetstream.ErrKeyNotFound) {
			t.Errorf("%s: missing key: %v", name, err)
		}
		if st, err := kv.Status(ctx); err != nil || st.Values() != 2 {
			t.Errorf("%s: status %v %v", name, st, err)
		}
	}
	read("direct get")
	if _, err := jsA.AccountInfo(ctx); err != nil {
		t.Errorf("account info: %v", err)
	}

	kv, _ := jsA.KeyValue(ctx, "aupscan-rules")
	short, cancelShort := context.WithTimeout(ctx, time.Second)
	if _, err := kv.Put(short, "pack", []byte("forged")); err == nil {
		t.Error("the agent wrote the rules bucket")
	}
	cancelShort()
	short, cancelShort = context.WithTimeout(ctx, time.Second)
	if w, err := kv.Watch(short, "pack"); err == nil {
		w.Stop()
		t.Error("the agent watched the rules bucket")
	}
	cancelShort()
	if e, err := kvM.Get(ctx, "pack"); err != nil || string(e.Value()) != "pack v2" {
		t.Errorf("bucket after the agent's attempts: %v %v", e, err)
	}

	// A bucket without direct gets (made by an older client) is read through
	// STREAM.MSG.GET.
	st, err := jsM.Stream(ctx, "KV_aupscan-rules")
	if err != nil {
		t.Fatal(err)
	}
	cfg := st.CachedInfo().Config
	cfg.AllowDirect = false
	if _, err := jsM.UpdateStream(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	read("message get")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestServerConfigForExternalServer: the lines ServerConfig prints, in a
// nats-server configuration file, make a server admit the authority's agents and
// managers with the same permissions as the embedded server.
func TestServerConfigForExternalServer(t *testing.T) {
	auth, err := InitAuthority(filepath.Join(t.TempDir(), "authority"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "nats.conf")
	body := "listen: 127.0.0.1:-1\njetstream: {store_dir: " + `"` + filepath.Join(dir, "js") + `"` + "}\n" + auth.ServerConfig()
	if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	opts, err := server.ProcessConfigFile(conf)
	if err != nil {
		t.Fatalf("%v\n%s", err, body)
	}
	opts.NoLog, opts.NoSigs = true, true
	s, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	defer func() { s.Shutdown(); s.WaitForShutdown() }()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("server not ready")
	}
	mgr, err := Connect(s.ClientURL(), writeCreds(t)(auth.IssueManager("m", time.Hour)), "manager")
	if err != nil {
		t.Fatal(err)
	}
	defer mgr.Close()
	rec := &recorder{}
	m := newManager(t, mgr, ManagerOptions{Handle: rec.handle})
	a, err := NewAgent(AgentOptions{URL: s.ClientURL(), Credentials: writeCreds(t)(auth.IssueAgent("web-1", time.Hour)),
		Host: "web-1", SpoolDir: filepath.Join(t.TempDir(), "spool"), Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Publish(context.Background(), finding("web-1", "proxy.relayd", 1)); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "finding handled", func() bool { return m.Stats().Processed == 1 })
	var errs asyncErrs
	nc := agentConn(t, s.ClientURL(), writeCreds(t)(auth.IssueAgent("web-1", time.Hour)), "web-1", &errs)
	if err := nc.Publish(FindingsSubject("db-1"), []byte("{}")); err != nil {
		t.Fatal(err)
	}
	eventually(t, 5*time.Second, "violation reported", func() bool { return errs.has(FindingsSubject("db-1")) })
	if nc, err := nats.Connect(s.ClientURL()); err == nil {
		nc.Close()
		t.Error("a connection without credentials was admitted")
	}
}

// TestAgentReenrolled: an agent whose credentials expired is disconnected, spools,
// keeps trying, and reconnects once its credentials file is replaced, without a
// restart; the spooled finding then arrives.
func TestAgentReenrolled(t *testing.T) {
	auth, srv := startAuthServer(t)
	ctx := context.Background()
	mgr, err := Connect(srv.URL(), "", "manager", must(auth.ManagerOption("manager-1", time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mgr.Close)
	rec := &recorder{}
	newManager(t, mgr, ManagerOptions{Handle: rec.handle})

	creds := writeCreds(t)(auth.IssueAgent("web-1", time.Second))
	expiry := time.Unix(time.Now().Add(time.Second).Unix()+1, 0)
	a, err := NewAgent(AgentOptions{URL: srv.URL(), Credentials: creds, Host: "web-1", SpoolDir: filepath.Join(t.TempDir(), "spool"),
		Heartbeat: time.Hour, Timeout: 2 * time.Second, ReconnectWait: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	runBg(t, a.Run)
	if err := a.Publish(ctx, finding("web-1", "proxy.relayd", 1)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Until(expiry))
	eventually(t, 5*time.Second, "expired agent disconnected", func() bool { return !a.nc.IsConnected() })
	if err := a.Publish(ctx, finding("web-1", "proxy.relayd", 2)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // several refused attempts
	if a.nc.IsClosed() {
		t.Fatal("the agent gave up after authentication errors")
	}
	fresh, err := auth.IssueAgent("web-1", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(creds+".new", fresh, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(creds+".new", creds); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "both findings handled", func() bool { return rec.len() == 2 })
	if s := a.Stats(); s.Replayed != 1 || s.Spooled != 0 {
		t.Errorf("agent %+v, want the second finding replayed from the spool", s)
	}
}

// TestManagerOptionRenews: a manager authenticated by ManagerOption outlives its
// JWTs: the server closes the connection when one expires, and the reconnection
// signs a new one.
func TestManagerOptionRenews(t *testing.T) {
	auth, srv := startAuthServer(t)
	var mu sync.Mutex
	reconnects := 0
	nc, err := Connect(srv.URL(), "", "manager", must(auth.ManagerOption("manager-1", 2*time.Second)),
		nats.ReconnectWait(100*time.Millisecond), nats.ErrorHandler(func(*nats.Conn, *nats.Subscription, error) {}),
		nats.ReconnectHandler(func(*nats.Conn) { mu.Lock(); reconnects++; mu.Unlock() }))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	eventually(t, 10*time.Second, "reconnected after the first JWT expired", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return reconnects >= 1 && nc.IsConnected()
	})
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if _, err := js.AccountInfo(ctx); err != nil {
		t.Errorf("after renewal: %v", err)
	}
	if _, err := auth.ManagerOption("m", 0); err == nil {
		t.Error("a manager option without expiry was made")
	}
}
