package notify

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	golibvirt "github.com/digitalocean/go-libvirt"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify/libvirt"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// TestLibvirtAction takes a case through the ladder to an approved suspension that
// the libvirt action carries out on a real QEMU domain (web-1, on a real libvirtd),
// then reinstates it: the domain's state is read back through libvirt after each,
// the audit trail records what the action did, and a host without a domain (db-1)
// fails with its name recorded and is retried, never recorded as done.
func TestLibvirtAction(t *testing.T) {
	lv := testenv.StartLibvirtd(t)
	l := lv.Connect()
	dom := lv.StartTiny(l, "web-1")
	state := func() golibvirt.DomainState {
		t.Helper()
		s, _, err := l.DomainGetState(dom, 0)
		if err != nil {
			t.Fatal(err)
		}
		return golibvirt.DomainState(s)
	}
	eachBackend(t, func(t *testing.T, bk backend) {
		cfg := testConfig(t, t.TempDir(), func(c *Config) {
			c.Hook.Libvirt = libvirt.Config{URI: lv.URI, Mode: libvirt.ModePause}
		})
		r := newRigOn(t, cfg, bk)
		tr, _ := mail.NewFolderTransport(cfg.Mail.Folder)
		r.process(t, finding("web-1", "tor-relay", "tor", t0)) // case 1
		r.process(t, finding("db-1", "xmrig", "mining", t0))   // case 2
		for range 3 {
			r.tick(t)
			drain(t, r, tr)
			r.clk.Add(24 * time.Hour)
		}
		r.process(t, finding("web-1", "tor-relay", "tor", r.clk.Now()), finding("db-1", "xmrig", "mining", r.clk.Now()))
		if res := r.tick(t); res.Approval != 2 {
			t.Fatalf("tick %+v: want two suspensions waiting for approval", res)
		}
		for id := range int64(2) {
			if err := r.n.Approve(r.ctx, id+1, "alice", "evidence checked"); err != nil {
				t.Fatal(err)
			}
		}
		if res := r.tick(t); res.Suspended != 2 {
			t.Fatalf("tick %+v: want two suspensions", res)
		}
		runner, err := NewActionRunner(cfg.Hook, r.store, quietLog())
		if err != nil {
			t.Fatal(err)
		}
		if n, err := runner.Run(r.ctx, r.clk.Now()); err != nil || n != 1 {
			t.Fatalf("run: %d done, %v; want 1", n, err)
		}
		if s := state(); s != golibvirt.DomainPaused {
			t.Fatalf("after the suspension web-1 is in state %d, want paused", s)
		}
		if err := r.n.Reinstate(r.ctx, 1, "bob", "tenant removed the relay"); err != nil {
			t.Fatal(err)
		}
		if n, err := runner.Run(r.ctx, r.clk.Add(time.Minute)); err != nil || n != 1 {
			t.Fatalf("run: %d done, %v; want 1", n, err)
		}
		if s := state(); s != golibvirt.DomainRunning {
			t.Fatalf("after the reinstatement web-1 is in state %d, want running", s)
		}
		audit, err := r.store.Audit(r.ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		var done []string
		for _, e := range audit {
			if strings.HasSuffix(e.Event, "action done") {
				done = append(done, e.Event+": "+e.Reason)
			}
		}
		want := []string{"suspend action done: AUP-000001:suspend: domain web-1 at " + lv.URI + ": paused",
			"unsuspend action done: AUP-000001:unsuspend: domain web-1 at " + lv.URI + ": resumed"}
		if strings.Join(done, "\n") != strings.Join(want, "\n") {
			t.Errorf("audit trail of the actions:\n got %q\nwant %q", done, want)
		}
		acts, err := r.store.Actions(r.ctx, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(acts) != 1 || acts[0].Status != store.ActionPending || acts[0].Attempts == 0 ||
			!strings.Contains(acts[0].LastError, `host "db-1": no domain db-1`) {
			t.Errorf("db-1's action %+v: want pending, its error naming the host", acts)
		}
		if ev := events(t, r, 2); strings.Contains(strings.Join(ev, "|"), "action done") {
			t.Errorf("db-1's audit trail records a suspension that failed: %q", ev)
		}
	})
}

// TestLibvirtREADMEExample loads the README's [notify.action.libvirt] example (its
// tables as a notifier file names them) and checks what it says it sets.
func TestLibvirtREADMEExample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```toml\n(\\[notify\\.action\\.libvirt\\].*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("README.md: no ```toml block starting with [notify.action.libvirt]")
	}
	file := filepath.Join(t.TempDir(), "notify.toml")
	text := "[mail]\nfrom = \"aup@cloud.example\"\nfolder = \"mail\"\n" + strings.ReplaceAll(string(m[1]), "[notify.", "[")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := LoadConfig(file)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	lv := c.Hook.Libvirt
	if lv.URI != "qemu:///system" || lv.Mode != libvirt.ModeManagedSave || lv.Domains["lotus-1"].URI == "" ||
		lv.Domains["web-1"].Domain != "tenant-acme-web" {
		t.Errorf("decoded %+v", lv)
	}
}
