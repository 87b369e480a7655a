package fleet

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/fleet/rulepack"
)

// bigList is an address list of n lines, about 16 bytes a line.
func bigList(n, salt int) []byte {
	var b bytes.Buffer
	b.WriteString("# a blocklist too big for a rule pack\n")
	for i := range n {
		fmt.Fprintf(&b, "10.%d.%d.%d\n", (i>>16)&255, (i>>8)&255, (i+salt)&255)
	}
	return b.Bytes()
}

// TestBigListsTravelAsObjects: a list beyond the pack's 1 MiB goes to the lists
// store, the pack signs its digest, and an agent with only an agent's rights
// installs it. A list changed in the store behind the pack's back is refused; a
// pack whose lists are unchanged fetches nothing; old objects are removed.
func TestBigListsTravelAsObjects(t *testing.T) {
	murl, aurl := startPackServer(t)
	ctx := context.Background()
	js, _ := jetstream.New(connect(t, murl))
	key := testKey(1)
	dir := t.TempDir()
	list := bigList(200000, 0) // about 3 MiB
	writeFiles(t, dir, map[string]string{"block.toml": `[[rule]]
id = "test.blocklist"
name = "Blocklisted address"
category = "proxy"
severity = "low"
description = "Traffic to an address of a big blocklist."
[[rule.traffic]]
address_files = ["blocklist.txt"]
`, "blocklist.txt": string(list)})

	res, err := PublishRules(ctx, js, key, []string{dir}, RulesBucketOptions{})
	if err != nil || !res.Published || res.Objects != 1 || res.ObjectsWritten != 1 || res.Envelope > 64<<10 {
		t.Fatalf("publish: %+v %v", res, err)
	}
	packDir := filepath.Join(t.TempDir(), "rule-pack")
	f, err := NewRulePackFetcher(RulePackOptions{URL: aurl, InboxPrefix: "_INBOX_web-1", Dir: packDir,
		Trusted: []ed25519.PublicKey{pubOf(key)}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	eventually(t, 10e9, "connected", func() bool { return f.nc.IsConnected() })
	if err := f.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(packDir, "blocklist.txt")); !bytes.Equal(got, list) || f.Stats().Installs != 1 {
		t.Fatalf("installed %d bytes of %d, stats %+v", len(got), len(list), f.Stats())
	}

	// v2 with another list; before the agent reads it, someone with write access
	// to the store swaps the object's bytes (same size).
	list2 := bigList(200000, 7)
	os.WriteFile(filepath.Join(dir, "blocklist.txt"), list2, 0o644)
	res, err = PublishRules(ctx, js, key, []string{dir}, RulesBucketOptions{})
	if err != nil || res.ObjectsWritten != 1 {
		t.Fatalf("publish v2: %+v %v", res, err)
	}
	obs, _ := js.ObjectStore(ctx, ListsBucket)
	infos, _ := obs.List(ctx)
	if len(infos) != 1 {
		t.Errorf("the store holds %d objects after v2, want 1 (the old one removed)", len(infos))
	}
	forged := bytes.Replace(list2, []byte("10.0.0.7\n"), []byte("10.0.0.8\n"), 1)
	if _, err := obs.Put(ctx, jetstream.ObjectMeta{Name: infos[0].Name}, bytes.NewReader(forged)); err != nil {
		t.Fatal(err)
	}
	if err := f.Check(ctx); err == nil || !strings.Contains(err.Error(), "the pack signed") {
		t.Errorf("forged list: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(packDir, "blocklist.txt")); !bytes.Equal(got, list) || f.Stats().Refused != 1 {
		t.Errorf("the forged list changed the folder, or was not counted: %+v", f.Stats())
	}

	// v3 brings back the first list, which the agent holds: it is taken from the
	// installed copy (the object is gone from the store, so a fetch would fail).
	os.WriteFile(filepath.Join(dir, "blocklist.txt"), list, 0o644)
	if _, err := PublishRules(ctx, js, key, []string{dir}, RulesBucketOptions{}); err != nil {
		t.Fatal(err)
	}
	infos, _ = obs.List(ctx)
	for _, info := range infos {
		obs.Delete(ctx, info.Name)
	}
	if err := f.Check(ctx); err != nil || f.Stats().Installs != 2 {
		t.Errorf("v3: %v %+v", err, f.Stats())
	}
	p := &rulepack.Pack{Files: []rulepack.File{{Name: "x.txt", Data: list}}}
	rulepack.SplitObjects(p, rulepack.InlineMax)
	if len(p.Objects()) != 1 || p.Files[0].Object.Size != int64(len(list)) {
		t.Errorf("SplitObjects: %+v", p.Files[0].Object)
	}
}
