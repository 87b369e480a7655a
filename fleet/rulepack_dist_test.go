package fleet

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/fleet/rulepack"
)

// The helpers down to ruleFolders are those of fleet/rulepack's tests: the same keys
// and rule folders, packed and distributed here.

// testKey is a fixed key, so the same pack signs to the same envelope every run.
func testKey(seed byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
}

func pubOf(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

// packRule is a rule file whose rule reads two list files beside it.
const packRule = `
[[rule]]
id = "test.pack-hash"
name = "Pack test: hash list"
category = "malware"
severity = "low"
description = "A file whose hash is in the list."
[rule.file]
hash_files = ["hashes.txt"]

[[rule]]
id = "test.pack-relay"
name = "Pack test: relay addresses"
category = "proxy"
severity = "low"
description = "Traffic to a listed relay."
[[rule.traffic]]
address_files = ["relays.txt"]
`

// writeFiles writes name -> content into dir (made first).
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for n, c := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func sha(s string) string { h := sha256.Sum256([]byte(s)); return fmt.Sprintf("%x", h) }

// ruleFolders makes two rule folders: the rules with their lists, and a second
// folder with a [[disable]] and a rule of its own.
func ruleFolders(t testing.TB) []string {
	t.Helper()
	base := t.TempDir()
	a, b := filepath.Join(base, "a"), filepath.Join(base, "b")
	writeFiles(t, a, map[string]string{
		"pack.toml":  packRule,
		"hashes.txt": sha("evil") + "  evil.bin\n",
		"relays.txt": "# relays\n192.0.2.7\n198.51.100.0/24\n",
		"README":     "not a rule file, not named by one: not packed\n",
		".pack.swp":  "editor junk",
	})
	writeFiles(t, b, map[string]string{
		"local.toml": `
[[disable]]
id = "proxy.squid"
reason = "allowed here"

[[rule]]
id = "test.pack-name"
name = "Pack test: names"
category = "proxy"
severity = "low"
description = "Traffic to a listed domain."
[[rule.traffic]]
server_name = { suffix_files = ["domains.txt"] }
`,
		"domains.txt": "relay.example\n",
	})
	return []string{a, b}
}

// TestPackFolderRollback: a pack folder installs newer packs only; the same files
// again are no change, other files under an older or equal version are refused, and
// a restart remembers the installed version.
func TestPackFolderRollback(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pack")
	pf, err := openPackFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"operator-notes.txt": "not the pack's: left alone\n"})
	mk := func(v uint64, files ...string) *rulepack.Pack {
		p := &rulepack.Pack{Version: v, KeyID: "0123456789abcdef"}
		for _, f := range files {
			n, c, _ := strings.Cut(f, "=")
			p.Files = append(p.Files, rulepack.File{Name: n, Data: []byte(c)})
		}
		return p
	}
	offer := func(p *rulepack.Pack) (bool, error) { return pf.offer(p) }
	if ok, err := offer(mk(10, "a.toml=# a10", "l.txt=1")); !ok || err != nil {
		t.Fatalf("v10: %v %v", ok, err)
	}
	snap := snapshot(t, dir)
	for _, tc := range []struct {
		name string
		p    *rulepack.Pack
	}{
		{"older", mk(9, "a.toml=# a9")},
		{"same version, other files", mk(10, "a.toml=# evil")},
	} {
		if ok, err := offer(tc.p); ok || !errors.Is(err, ErrRollback) {
			t.Errorf("%s: %v %v, want ErrRollback", tc.name, ok, err)
		}
	}
	if ok, err := offer(mk(3, "a.toml=# a10", "l.txt=1")); ok || err != nil {
		t.Errorf("identical older pack: %v %v, want no change", ok, err)
	}
	if got := snapshot(t, dir); got != snap {
		t.Errorf("folder changed by refused packs:\n%s\nwas\n%s", got, snap)
	}
	if ok, err := offer(mk(11, "b.toml=# b11", "m.txt=2")); !ok || err != nil {
		t.Fatalf("v11: %v %v", ok, err)
	}
	want := "b.toml=# b11\nm.txt=2\noperator-notes.txt=not the pack's: left alone\n\n\n"
	if got := snapshot(t, dir); got != want {
		t.Errorf("after v11:\n%s\nwant\n%s", got, want)
	}
	// A restart reads the state: v11 again is no change, v10 is a rollback.
	pf, err = openPackFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if pf.state.Version != 11 || !slices.Equal(pf.state.Files, []string{"b.toml", "m.txt"}) {
		t.Errorf("state after restart %+v", pf.state)
	}
	if ok, err := offer(mk(10, "a.toml=# a10", "l.txt=1")); ok || !errors.Is(err, ErrRollback) {
		t.Errorf("v10 after restart: %v %v", ok, err)
	}
}

// visible lists a folder's visible files.
func visible(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

// snapshot lists a folder's visible files with their content.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		fmt.Fprintf(&b, "%s=%s\n", e.Name(), data)
	}
	b.WriteString("\n")
	return b.String()
}

// startPackServer runs a NATS server whose "agent" user has only the permissions an
// agent's credentials give (fleet/authority.go): read the rules bucket, receive
// replies on its own inbox. The "manager" user may do everything.
func startPackServer(t *testing.T) (managerURL, agentURL string) {
	t.Helper()
	// The rights of an agent's credentials, as the authority writes them.
	perms := agentPermissions("web-1")
	agent := &server.User{Username: "agent", Password: "a", Permissions: &server.Permissions{
		Publish:   &server.SubjectPermission{Allow: perms.Pub.Allow},
		Subscribe: &server.SubjectPermission{Allow: perms.Sub.Allow},
	}}
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true,
		Users: []*server.User{{Username: "manager", Password: "m"}, agent}})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("server not ready")
	}
	t.Cleanup(func() { s.Shutdown(); s.WaitForShutdown() })
	addr := s.Addr().String()
	return "nats://manager:m@" + addr, "nats://agent:a@" + addr
}

// installs records OnInstall calls.
type installs struct {
	mu sync.Mutex
	v  []uint64
}

func (i *installs) add(v uint64) { i.mu.Lock(); i.v = append(i.v, v); i.mu.Unlock() }
func (i *installs) get() []uint64 {
	i.mu.Lock()
	defer i.mu.Unlock()
	return slices.Clone(i.v)
}

// TestRulePackDistribution: a manager publishes pack v1 to the bucket; an agent
// with read-only rights installs it. An attacker with write access to the bucket
// then puts a tampered envelope, and an old validly signed pack: both refused and
// counted, the folder unchanged, OnInstall not called. Then v2 installs, and a
// restarted fetcher neither installs v2 again nor forgets it.
func TestRulePackDistribution(t *testing.T) {
	murl, aurl := startPackServer(t)
	ctx := context.Background()
	nc := connect(t, murl)
	js, _ := jetstream.New(nc)
	key := testKey(1)
	dirs := ruleFolders(t)

	res, err := PublishRules(ctx, js, key, dirs, RulesBucketOptions{})
	if err != nil || !res.Published {
		t.Fatalf("publish v1: %+v %v", res, err)
	}
	v1 := res.Version
	if again, err := PublishRules(ctx, js, key, dirs, RulesBucketOptions{}); err != nil || again.Published || again.Version != v1 {
		t.Errorf("publishing the same rules again: %+v %v, want no new pack", again, err)
	}
	kv, err := js.KeyValue(ctx, RulesBucket)
	if err != nil {
		t.Fatal(err)
	}
	st, err := js.Stream(ctx, "KV_"+RulesBucket)
	if err != nil {
		t.Fatal(err)
	}
	if c := st.CachedInfo().Config; !c.AllowDirect || c.MaxMsgsPerSubject != 5 || c.Storage != jetstream.FileStorage {
		t.Errorf("rules bucket: %+v", c)
	}
	e, _ := kv.Get(ctx, RulesKey)
	goodV1 := e.Value()

	packDir := filepath.Join(t.TempDir(), "rule-pack")
	var got installs
	newFetcher := func() *RulePackFetcher {
		f, err := NewRulePackFetcher(RulePackOptions{URL: aurl, InboxPrefix: "_INBOX_web-1", Dir: packDir,
			Trusted: []ed25519.PublicKey{pubOf(testKey(5)), pubOf(key)}, Interval: 50 * time.Millisecond, OnInstall: got.add})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(f.Close)
		return f
	}
	f := newFetcher()
	stop := runBg(t, f.Run)
	eventually(t, 10*time.Second, "v1 installed", func() bool { return len(got.get()) == 1 })
	if v := got.get(); v[0] != v1 || f.Stats().Version != v1 || f.Stats().KeyID != rulepack.KeyID(pubOf(key)) {
		t.Fatalf("installed %v, stats %+v, want v1 %d", v, f.Stats(), v1)
	}
	snap := snapshot(t, packDir)
	if got, want := visible(t, packDir), []string{"domains.txt", "hashes.txt", "local.toml", "pack.toml", "relays.txt"}; !slices.Equal(got, want) {
		t.Errorf("pack folder holds %v, want %v", got, want)
	}

	// An attacker with write access to the bucket changes a rule file of the pack:
	// a different relay list, same signature.
	tampered := bytes.Clone(goodV1)
	tampered[len(tampered)-20] ^= 0x55
	if _, err := kv.Put(ctx, RulesKey, tampered); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "tampered pack refused", func() bool { return f.Stats().Refused == 1 })
	if s := f.Stats(); !strings.Contains(s.LastError, "signature does not verify") || s.Version != v1 {
		t.Errorf("after the tampered pack: %+v", s)
	}
	// An old pack, validly signed, with other rules: a rollback.
	old, _ := rulepack.Build(dirs[:1], v1-1)
	oldEnv, err := rulepack.Sign(old, key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Put(ctx, RulesKey, oldEnv); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "old pack refused", func() bool { return f.Stats().Refused == 2 })
	if s := f.Stats(); !strings.Contains(s.LastError, "older than the installed one") {
		t.Errorf("after the old pack: %+v", s)
	}
	time.Sleep(200 * time.Millisecond) // a few more polls: each bad revision counts once
	if s := f.Stats(); s.Refused != 2 || s.Installs != 1 || s.Failures != 0 {
		t.Errorf("stats %+v, want 2 refused, 1 install", s)
	}
	if now := snapshot(t, packDir); now != snap {
		t.Errorf("folder changed by refused packs:\n%s\nwas\n%s", now, snap)
	}
	if v := got.get(); len(v) != 1 {
		t.Errorf("OnInstall called for refused packs: %v", v)
	}

	// v2: a rule file changes, a list goes.
	writeFiles(t, dirs[1], map[string]string{"local.toml": "[[disable]]\nid = \"proxy.squid\"\n"})
	os.Remove(filepath.Join(dirs[1], "domains.txt"))
	res, err = PublishRules(ctx, js, key, dirs, RulesBucketOptions{})
	if err != nil || !res.Published || res.Version <= v1 {
		t.Fatalf("publish v2: %+v %v", res, err)
	}
	v2 := res.Version
	eventually(t, 10*time.Second, "v2 installed", func() bool { return len(got.get()) == 2 })
	if v := got.get(); v[1] != v2 {
		t.Errorf("installed %v, want v2 %d", v, v2)
	}
	if got, want := visible(t, packDir), []string{"hashes.txt", "local.toml", "pack.toml", "relays.txt"}; !slices.Equal(got, want) {
		t.Errorf("pack folder after v2 holds %v, want %v", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(packDir, "local.toml")); !strings.HasPrefix(string(b), "[[disable]]") {
		t.Errorf("local.toml after v2: %q", b)
	}

	// A restart: the state file says v2, the bucket holds v2: nothing to do.
	stop()
	f.Close()
	f2 := newFetcher()
	if s := f2.Stats(); s.Version != v2 {
		t.Errorf("restarted fetcher reads version %d, want %d", s.Version, v2)
	}
	if err := f2.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Put(ctx, RulesKey, goodV1); err != nil { // the genuine v1, replayed
		t.Fatal(err)
	}
	if err := f2.Check(ctx); !errors.Is(err, ErrRollback) {
		t.Errorf("v1 replayed after the restart: %v, want ErrRollback", err)
	}
	if v := got.get(); len(v) != 2 {
		t.Errorf("OnInstall calls %v, want 2", v)
	}
}

// TestRulePackNothingPublished: a fetcher before any pack was published reads the
// missing bucket as "nothing yet", not as an error.
func TestRulePackNothingPublished(t *testing.T) {
	_, aurl := startPackServer(t)
	f, err := NewRulePackFetcher(RulePackOptions{URL: aurl, InboxPrefix: "_INBOX_web-1", Dir: t.TempDir(),
		Trusted: []ed25519.PublicKey{pubOf(testKey(1))}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Check(context.Background()); err != nil {
		t.Errorf("Check = %v", err)
	}
	if _, err := NewRulePackFetcher(RulePackOptions{URL: aurl, Dir: t.TempDir()}); err == nil {
		t.Error("a fetcher without trusted keys")
	}
}
