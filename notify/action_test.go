package notify

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// suspendedRig returns a rig with case 1 suspended and its action queued.
func suspendedRig(t *testing.T, b backend, mutate func(*Config)) *rig {
	t.Helper()
	cfg := testConfig(t, t.TempDir(), func(c *Config) { c.Policy.Suspension = SuspendAuto }, mutate)
	r := newRigOn(t, cfg, b)
	tr, _ := mail.NewFolderTransport(cfg.Mail.Folder)
	r.process(t, finding("web-1", "tor-relay", "tor", t0))
	for range 3 {
		r.tick(t)
		drain(t, r, tr)
		r.clk.Add(24 * time.Hour)
	}
	r.process(t, finding("web-1", "tor-relay", "tor", r.clk.Now()))
	if res := r.tick(t); res.Suspended != 1 {
		t.Fatalf("tick %+v: want a suspension", res)
	}
	return r
}

// TestWebhook: the webhook is retried with backoff until it succeeds, every attempt
// carries the same body, HMAC signature and idempotency key, and it is never called
// again after the recorded success; reinstatement calls it with the unsuspend action.
func TestWebhook(t *testing.T) {
	eachBackend(t, func(t *testing.T, bk backend) {
		var mu sync.Mutex
		type call struct{ body, sig, key string }
		var calls []call
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			b, _ := io.ReadAll(req.Body)
			mu.Lock()
			defer mu.Unlock()
			calls = append(calls, call{string(b), req.Header.Get(SignatureHeader), req.Header.Get("Idempotency-Key")})
			if len(calls) <= 2 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
			}
		}))
		defer srv.Close()
		secret := filepath.Join(t.TempDir(), "secret")
		os.WriteFile(secret, []byte("hook-secret\n"), 0o600)
		r := suspendedRig(t, bk, func(c *Config) {
			c.Hook = Hook{Webhook: srv.URL, SecretFile: secret, Backoff: Duration(time.Second), MaxBackoff: Duration(time.Minute)}
		})
		runner, err := NewActionRunner(r.cfg.Hook, r.store, quietLog())
		if err != nil {
			t.Fatal(err)
		}
		run := func() int {
			n, err := runner.Run(r.ctx, r.clk.Now())
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		run()           // 503
		if run() != 0 { // not due yet: backoff
			t.Fatal("retried before the backoff")
		}
		r.clk.Add(time.Second)
		run() // 503
		r.clk.Add(2 * time.Second)
		if run() != 1 {
			t.Fatal("third attempt did not succeed")
		}
		r.clk.Add(time.Hour)
		run()
		if len(calls) != 3 {
			t.Fatalf("%d calls, want 3", len(calls))
		}
		for _, c := range calls {
			if c != calls[0] {
				t.Errorf("attempts differ: %+v vs %+v", c, calls[0])
			}
		}
		if calls[0].key != "AUP-000001:suspend" || calls[0].sig != Sign([]byte("hook-secret"), []byte(calls[0].body)) {
			t.Errorf("first call %+v", calls[0])
		}
		if err := r.n.Reinstate(r.ctx, 1, "alice", "fixed"); err != nil {
			t.Fatal(err)
		}
		run()
		if len(calls) != 4 || calls[3].key != "AUP-000001:unsuspend" || !strings.Contains(calls[3].body, `"action":"unsuspend"`) {
			t.Fatalf("reinstatement call %+v", calls[len(calls)-1])
		}
		acts, _ := r.store.Actions(r.ctx, 1)
		if len(acts) != 2 || acts[0].Status != store.ActionDone || acts[0].Attempts != 3 || acts[1].Status != store.ActionDone {
			t.Errorf("actions %+v", acts)
		}
	})
}

// TestPreviewAndOverride renders a case without sending (nothing is written) and
// shows a template from an override folder taking the place of the embedded one.
func TestPreviewAndOverride(t *testing.T) {
	over := t.TempDir()
	os.MkdirAll(filepath.Join(over, "en"), 0o755)
	os.WriteFile(filepath.Join(over, "en", "warning.txt"), []byte(`{{define "subject"}}Custom {{(index .Items 0).Ref}}{{end}}Custom body for {{.TenantName}}.`), 0o644)
	cfg := testConfig(t, t.TempDir(), func(c *Config) { c.Templates = over })
	r := newRig(t, cfg)
	r.process(t, finding("web-1", "tor-relay", "tor", t0))
	for _, tc := range []struct {
		stage       store.Stage
		locale      string
		subj, inTxt string
	}{
		{store.StageWarning, "", "Custom AUP-000001", "Custom body for Acme Hosting."},
		{store.StageFinal, "", "Final notice", "may be suspended after a review by our staff"},
		{store.StageReminder, "zh-CN", "【提醒】", "我们将向您发送最终通知"},
	} {
		m, err := r.n.Preview(r.ctx, 1, tc.stage, tc.locale, r.clk.Now())
		if err != nil {
			t.Fatal(err)
		}
		h, text, _ := testenv.MessageParts(t, m.Raw)
		if s := testenv.DecodedSubject(t, h); !strings.Contains(s, tc.subj) || !strings.Contains(text, tc.inTxt) {
			t.Errorf("%s/%s: subject %q text:\n%s", tc.stage, tc.locale, s, text)
		}
	}
	if all, _ := r.store.AllOutbox(r.ctx); len(all) != 0 {
		t.Error("preview wrote to the outbox")
	}
	if _, err := r.n.Preview(r.ctx, 1, "suspend", "", r.clk.Now()); err == nil {
		t.Error("preview of a stage without a notice")
	}
	bad := t.TempDir()
	os.MkdirAll(filepath.Join(bad, "zh-CN"), 0o755)
	os.WriteFile(filepath.Join(bad, "zh-CN", "final.html"), []byte(`{{if}}`), 0o644)
	if _, err := mail.NewRenderer(bad); err == nil || !strings.Contains(err.Error(), "zh-CN/final.html") {
		t.Errorf("a broken override: %v", err)
	}
}
