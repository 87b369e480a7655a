package daemon

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/fleet/rulepack"
)

// TestFleetFeedsReachAgents: a manager's feed writes a list into its rule folder;
// the signed pack it publishes carries the list, and a new copy of the feed makes a
// new pack.
func TestFleetFeedsReachAgents(t *testing.T) {
	defer func(p time.Duration) { rulePackPoll = p }(rulePackPoll)
	rulePackPoll = 20 * time.Millisecond
	srv, err := fleet.StartServer(fleet.ServerOptions{Dir: t.TempDir(), Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	port, _ := strconv.Atoi(srv.Addr()[strings.LastIndex(srv.Addr(), ":")+1:])
	dir := t.TempDir()
	key := writeRulesKey(t, dir)
	feedSrc := filepath.Join(dir, "upstream", "consensus")
	first, _ := os.ReadFile("../../testdata/lists/tor/metrics_consensus")
	writePackFile(t, feedSrc, string(first))
	writePackFile(t, filepath.Join(dir, "rules", "tor.toml"), `[[rule]]
id = "op.tor.relays"
name = "Tor relay"
category = "tor"
severity = "high"
description = "A connection to a relay of the consensus."
[[rule.traffic]]
address_files = ["tor-relays.txt"]
`)
	cfg := fleetWriteConfig(t, dir, "manager.toml", fmt.Sprintf(fleetManagerTOML, port)+fmt.Sprintf(`
[rules]
dirs = ["rules"]
[fleet.rules]
signing_key = "rules.key"
[[feed]]
name = "tor"
url = "file://%s"
format = "tor-consensus"
destination = "rules/tor-relays.txt"
`, feedSrc))
	var logs syncBuffer
	ctx := context.Background()
	d, err := newDaemon(ctx, cfg, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatalf("%v\n%s", err, logs.String())
	}
	defer d.close()
	nc, err := nats.Connect(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	stop, err := d.publishRulePacks(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	js, _ := jetstream.New(nc)
	kv, err := js.KeyValue(ctx, fleet.RulesBucket)
	if err != nil {
		t.Fatal(err)
	}
	list := func() []byte {
		e, err := kv.Get(ctx, fleet.RulesKey)
		if err != nil {
			return nil
		}
		p, err := rulepack.Open(e.Value(), []ed25519.PublicKey{key.Public().(ed25519.PublicKey)})
		if err != nil {
			return nil
		}
		for _, f := range p.Files {
			if f.Name == "tor-relays.txt" {
				return f.Data
			}
		}
		return nil
	}
	if got := list(); !bytes.Equal(got, first) {
		t.Fatalf("the first pack's list: %d bytes, want the feed's %d\n%s", len(got), len(first), logs.String())
	}
	second, _ := os.ReadFile("../../testdata/lists/tor/cached-microdesc-consensus")
	writePackFile(t, feedSrc, string(second))
	d.newFeedRunner(cfg).updateAll(ctx)
	eventually(t, func() bool { return bytes.Equal(list(), second) })
}
