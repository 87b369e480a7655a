package daemon

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/fleet/rulepack"
)

// packMarkerRule makes a finding on any file holding the marker.
const packMarkerRule = `
[[rule]]
id = "test.pack-marker"
name = "Rule pack test marker"
category = "malware"
severity = "low"
description = "A file holding the rule pack test marker."
[rule.file]
patterns = [{ id = "marker", text = "AUPSCAN-RULE-PACK-MARKER" }]
`

func writePackFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeRulesKey(t *testing.T, dir string) ed25519.PrivateKey {
	t.Helper()
	key, err := rulepack.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	priv, _ := rulepack.EncodeSigningKey(key)
	pub, _ := rulepack.EncodePublicKey(key.Public().(ed25519.PublicKey))
	writePackFile(t, filepath.Join(dir, "rules.key"), string(priv))
	writePackFile(t, filepath.Join(dir, "rules.pub"), string(pub))
	return key
}

// dirFiles lists a folder's visible files with their bytes.
func dirFiles(t *testing.T, dir string) string {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var b strings.Builder
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), ".") {
			data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			fmt.Fprintf(&b, "%s: %q\n", e.Name(), data)
		}
	}
	return b.String()
}

// TestFleetAgentRulePack runs an agent daemon that takes rule packs, with a watched
// folder: its running rules change with a good pack (a file holding the marker
// becomes a finding), and stay with a tampered pack (refused, counted, the pack
// folder untouched) and with a validly signed pack whose rules do not load
// (installed, the reload refused, the marker still found).
func TestFleetAgentRulePack(t *testing.T) {
	srv, err := fleet.StartServer(fleet.ServerOptions{Dir: t.TempDir(), Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	nc, err := nats.Connect(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	if err := fleet.EnsureStreams(ctx, js, fleet.StreamOptions{}); err != nil {
		t.Fatal(err)
	}

	adir, mdir := t.TempDir(), t.TempDir()
	key := writeRulesKey(t, mdir)
	os.Rename(filepath.Join(mdir, "rules.pub"), filepath.Join(adir, "rules.pub"))
	src := filepath.Join(mdir, "rules")
	writePackFile(t, filepath.Join(src, "pack.toml"), packMarkerRule)
	for _, d := range []string{"watched", "root"} {
		os.MkdirAll(filepath.Join(adir, d), 0o755)
	}
	mport := fleetFreePort(t)
	acfg := fleetWriteConfig(t, adir, "agent.toml", fmt.Sprintf(`
[identity]
host = "demo-vm-1"
[metrics]
listen = "127.0.0.1:%d"
[host]
watch = ["watched"]
[[host.root]]
path = "root"
[fleet]
role = "agent"
url = %q
spool_dir = "var/spool"
heartbeat = "200ms"
[fleet.rules]
public_keys = "rules.pub"
interval = "100ms"
`, mport, srv.URL()))
	packDir := filepath.Join(adir, "var", "rule-pack")
	if acfg.Fleet.Rules.Dir != packDir {
		t.Fatalf("fleet.rules.dir = %q, want %q", acfg.Fleet.Rules.Dir, packDir)
	}

	var alog syncBuffer
	actx, cancel := context.WithCancel(ctx)
	adone := make(chan error, 1)
	go func() {
		adone <- Run(actx, acfg, Options{Logger: slog.New(slog.NewTextHandler(&alog, nil))})
	}()
	defer func() {
		cancel()
		select {
		case err := <-adone:
			if err != nil {
				t.Errorf("agent: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("agent did not stop within 15s")
		}
		if t.Failed() {
			t.Logf("agent log:\n%s", alog.String())
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", mport)
	eventually(t, func() bool { _, err := httpGet(base + "/readyz"); return err == nil })
	metrics := func() string { t.Helper(); return get(t, base+"/metrics") }
	metric := func(name string) string {
		t.Helper()
		m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + ` (\S+)$`).FindStringSubmatch(metrics())
		if m == nil {
			return ""
		}
		return m[1]
	}
	rulesInfo := func() (version string, n int) {
		t.Helper()
		m := regexp.MustCompile(`aupscand_rules_info\{rules="(\d+)",version="([0-9a-f]+)"\} 1`).FindStringSubmatch(metrics())
		if m == nil {
			t.Fatalf("no rules_info:\n%s", metrics())
		}
		n, _ = strconv.Atoi(m[1])
		return m[2], n
	}
	packVersion := func() string {
		m := regexp.MustCompile(`aupscand_fleet_rule_pack_info\{key="[0-9a-f]*",version="(\d+)"\} 1`).FindStringSubmatch(metrics())
		if m == nil {
			return ""
		}
		return m[1]
	}
	if v := packVersion(); v != "0" {
		t.Fatalf("pack version before any pack: %q", v)
	}
	v0, n0 := rulesInfo()
	// finding waits for the agent's finding of the marker rule on file name.
	finding := func(name string) {
		t.Helper()
		eventually(t, func() bool {
			st, err := js.Stream(ctx, fleet.FindingsStream)
			if err != nil {
				return false
			}
			m, err := st.GetLastMsgForSubject(ctx, fleet.FindingsSubject("demo-vm-1"))
			return err == nil && strings.Contains(string(m.Data), `"test.pack-marker"`) && strings.Contains(string(m.Data), name)
		})
	}

	// A good pack: the marker rule runs.
	res, err := fleet.PublishRules(ctx, js, key, []string{src}, fleet.RulesBucketOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v1 := strconv.FormatUint(res.Version, 10)
	eventually(t, func() bool { return packVersion() == v1 })
	eventually(t, func() bool { _, n := rulesInfo(); return n == n0+1 })
	vPack, _ := rulesInfo()
	if vPack == v0 {
		t.Errorf("rules version unchanged by the pack: %s", v0)
	}
	time.Sleep(200 * time.Millisecond) // the watch starts after readiness
	writePackFile(t, filepath.Join(adir, "watched", "one.txt"), "AUPSCAN-RULE-PACK-MARKER\n")
	finding("one.txt")
	installed := dirFiles(t, packDir)
	if !strings.Contains(installed, "pack.toml") {
		t.Fatalf("pack folder: %s", installed)
	}

	// A tampered pack, as an attacker with write access to the bucket would put it:
	// refused, counted; nothing changes.
	kv, err := js.KeyValue(ctx, fleet.RulesBucket)
	if err != nil {
		t.Fatal(err)
	}
	e, err := kv.Get(ctx, fleet.RulesKey)
	if err != nil {
		t.Fatal(err)
	}
	bad := slices.Clone(e.Value())
	bad[len(bad)-30] ^= 0x20
	if _, err := kv.Put(ctx, fleet.RulesKey, bad); err != nil {
		t.Fatal(err)
	}
	eventually(t, func() bool { return metric(`aupscand_fleet_rule_packs_total{result="refused"}`) == "1" })
	if v, n := rulesInfo(); v != vPack || n != n0+1 || packVersion() != v1 {
		t.Errorf("after the tampered pack: rules %s (%d), pack %s; want %s (%d), pack %s", v, n, packVersion(), vPack, n0+1, v1)
	}
	if now := dirFiles(t, packDir); now != installed {
		t.Errorf("pack folder changed by a refused pack:\n%s\nwas\n%s", now, installed)
	}
	if !strings.Contains(alog.String(), "rule pack refused") {
		t.Error("refusal not logged")
	}

	// A signed pack whose rules do not load: installed, but the reload is refused
	// and the running rules stay.
	broken := &rulepack.Pack{Version: res.Version + 1, Files: []rulepack.File{{Name: "pack.toml", Data: []byte("[[rule]\nid = \n")}}}
	env, err := rulepack.Sign(broken, key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fleet.PublishPack(ctx, js, env, fleet.RulesBucketOptions{}); err != nil {
		t.Fatal(err)
	}
	eventually(t, func() bool { return packVersion() == strconv.FormatUint(broken.Version, 10) })
	eventually(t, func() bool { return metric(`aupscand_rule_reloads_total{result="failed"}`) != "0" })
	if v, n := rulesInfo(); v != vPack || n != n0+1 {
		t.Errorf("after the broken pack: rules %s (%d), want %s (%d)", v, n, vPack, n0+1)
	}
	writePackFile(t, filepath.Join(adir, "watched", "two.txt"), "AUPSCAN-RULE-PACK-MARKER\n")
	finding("two.txt")
}

func httpGet(url string) (string, error) {
	r, err := http.Get(url)
	if err != nil {
		return "", err
	}
	r.Body.Close()
	return r.Status, nil
}

// TestFleetManagerPublishesRulePacks: a manager with a signing key publishes its rule
// folders at start, again after a rule reload that changed its rules (not after one
// refused), and puts back its pack when the bucket's was replaced behind its back.
func TestFleetManagerPublishesRulePacks(t *testing.T) {
	defer func(p, r, f time.Duration) { rulePackPoll, rulePackRecheck, rulePackRetry = p, r, f }(rulePackPoll, rulePackRecheck, rulePackRetry)
	rulePackPoll, rulePackRecheck, rulePackRetry = 20*time.Millisecond, 300*time.Millisecond, 300*time.Millisecond
	srv, err := fleet.StartServer(fleet.ServerOptions{Dir: t.TempDir(), Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	port, _ := strconv.Atoi(srv.Addr()[strings.LastIndex(srv.Addr(), ":")+1:])
	dir := t.TempDir()
	key := writeRulesKey(t, dir)
	rules := filepath.Join(dir, "rules")
	writePackFile(t, filepath.Join(rules, "a.toml"), packMarkerRule)
	cfg := fleetWriteConfig(t, dir, "manager.toml", fmt.Sprintf(fleetManagerTOML, port)+`
[rules]
dirs = ["rules"]
[fleet.rules]
signing_key = "rules.key"
`)
	var logs syncBuffer
	ctx := context.Background()
	d, err := newDaemon(ctx, cfg, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	d.rules.cur.Debounce = time.Hour // reloads by hand only
	defer func() {
		if t.Failed() {
			t.Logf("manager log:\n%s", logs.String())
		}
	}()
	nc, err := nats.Connect(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	stop, err := d.publishRulePacks(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	trusted := []ed25519.PublicKey{key.Public().(ed25519.PublicKey)}
	kv, err := js.KeyValue(ctx, fleet.RulesBucket)
	if err != nil {
		t.Fatal(err)
	}
	pack := func() (*rulepack.Pack, uint64) {
		t.Helper()
		e, err := kv.Get(ctx, fleet.RulesKey)
		if err != nil {
			t.Fatal(err)
		}
		p, err := rulepack.Open(e.Value(), trusted)
		if err != nil {
			return nil, e.Revision()
		}
		return p, e.Revision()
	}
	p1, rev1 := pack()
	if p1 == nil || len(p1.Files) != 1 || p1.Files[0].Name != "a.toml" {
		t.Fatalf("pack at start: %+v", p1)
	}

	// A rule reload that changes the rules: a new pack.
	writePackFile(t, filepath.Join(rules, "b.toml"), strings.ReplaceAll(packMarkerRule, "test.pack-marker", "test.pack-second"))
	if changed, err := d.rules.db().Reload(); !changed || err != nil {
		t.Fatalf("reload: %v %v", changed, err)
	}
	var p2 *rulepack.Pack
	eventually(t, func() bool { p2, _ = pack(); return p2 != nil && len(p2.Files) == 2 })
	if p2.Version <= p1.Version {
		t.Errorf("version %d after %d", p2.Version, p1.Version)
	}
	// A refused reload (broken rules) publishes nothing, even at the recheck: the
	// pack does not build.
	writePackFile(t, filepath.Join(rules, "c.toml"), "[[rule]]\nid = \n")
	if _, err := d.rules.db().Reload(); err == nil {
		t.Fatal("broken rules loaded")
	}
	_, rev2 := pack()
	time.Sleep(500 * time.Millisecond)
	if _, rev := pack(); rev != rev2 {
		t.Errorf("bucket revision %d -> %d after a refused reload", rev2, rev)
	}
	os.Remove(filepath.Join(rules, "c.toml"))

	// The bucket's pack replaced behind the manager's back: put right at the recheck.
	if _, err := kv.Put(ctx, fleet.RulesKey, []byte("not a pack")); err != nil {
		t.Fatal(err)
	}
	var p3 *rulepack.Pack
	eventually(t, func() bool { p3, _ = pack(); return p3 != nil })
	if p3.Digest() != p2.Digest() || p3.Version <= p2.Version {
		t.Errorf("pack put back: version %d, digest %s; want > %d, %s", p3.Version, p3.Digest(), p2.Version, p2.Digest())
	}
	if rev1 == 0 || !strings.Contains(logs.String(), "replaced") {
		t.Errorf("the replacement is not logged")
	}

	// A signing key that does not load is an error naming the setting.
	c2 := *cfg
	c2.Fleet.Rules.SigningKey = filepath.Join(dir, "missing.key")
	d.cfg.Store(&c2)
	if _, err := d.publishRulePacks(ctx, nc); err == nil || !strings.Contains(err.Error(), "fleet.rules.signing_key") {
		t.Errorf("missing key: %v", err)
	}
	d.cfg.Store(cfg)
}
