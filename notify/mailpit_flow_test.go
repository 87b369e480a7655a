package notify

import (
	"fmt"
	stdhtml "html"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify/mail"
)

// smtpRig is a rig whose notices go to mailpit.
func smtpRig(t *testing.T, mp *mailpit) (*rig, *mail.SMTPTransport) {
	t.Helper()
	cfg := testConfig(t, "", func(c *Config) { c.Mail.SMTP = mp.smtp() })
	r := newRig(t, cfg)
	tr, err := mail.NewSMTPTransport(cfg.Mail.SMTP)
	if err != nil {
		t.Fatal(err)
	}
	return r, tr
}

// TestMailpitNotices sends a warning, a reminder, a final and a resolved notice in
// each locale through a real SMTP server and checks them as received: headers, both
// parts, the case reference, the deadline in the tenant's zone, the evidence.
func TestMailpitNotices(t *testing.T) {
	mp := startMailpit(t)
	r, tr := smtpRig(t, mp)
	r.process(t, finding("web-1", "tor-relay", "tor", t0), finding("lotus-1", "tor-relay", "tor", t0))
	for _, advance := range []time.Duration{0, 24 * time.Hour, 24 * time.Hour} {
		r.clk.Add(advance)
		r.tick(t)
		if res := drain(t, r, tr); res.Sent != 2 {
			t.Fatalf("drain %+v", res)
		}
	}
	r.clk.Add(8 * 24 * time.Hour) // no sighting for a week: resolved
	r.tick(t)
	drain(t, r, tr)

	got := mp.Messages()
	if len(got) != 8 {
		t.Fatalf("mailpit received %d messages, want 8", len(got))
	}
	outbox, _ := r.store.AllOutbox(r.ctx)
	want := map[string]struct {
		to, subject, body, deadline string
	}{
		"AUP-000001 warning":  {"ops@acme.example", "Acceptable use warning: Tor relay on web-1 [AUP-000001]", "This is a warning", "Tuesday 3 June 2025, 10:00 CEST (Europe/Berlin, UTC+02:00)"},
		"AUP-000001 reminder": {"ops@acme.example", "Reminder, acceptable use: Tor relay", "This is a reminder", "Wednesday 4 June 2025, 10:00 CEST"},
		"AUP-000001 final":    {"ops@acme.example", "Final notice, acceptable use", "This is the final notice", "Thursday 5 June 2025, 10:00 CEST"},
		"AUP-000001 resolved": {"ops@acme.example", "Resolved: Tor relay on web-1", "have closed this case", ""},
		"AUP-000002 warning":  {"it@lotus.example", "【警告】可接受使用政策：主机 lotus-1 上发现 Tor 中继（AUP-000002）", "本邮件为警告通知", "2025年6月3日（星期二）16:00（Asia/Shanghai，UTC+08:00）"},
		"AUP-000002 reminder": {"it@lotus.example", "【提醒】", "这是一封提醒通知", "2025年6月4日（星期三）16:00"},
		"AUP-000002 final":    {"it@lotus.example", "【最终通知】", "这是最终通知", "2025年6月5日（星期四）16:00"},
		"AUP-000002 resolved": {"it@lotus.example", "【已结案】", "本案件现已结案", ""},
	}
	for i, s := range got {
		h, text, html := testenv.MessageParts(t, mp.Raw(s.ID))
		html = stdhtml.UnescapeString(html)
		key := h.Get("X-Aupscan-Cases")
		w, ok := want[key]
		if !ok {
			t.Errorf("unexpected message %q", key)
			continue
		}
		delete(want, key)
		if id := h.Get("Message-ID"); id != "<"+outbox[i].MessageID+">" || s.MessageID != outbox[i].MessageID {
			t.Errorf("%s: Message-ID %s, outbox has %s", key, id, outbox[i].MessageID)
		}
		subj := testenv.DecodedSubject(t, h)
		ref := strings.Fields(key)[0]
		checks := []struct {
			what, in, want string
		}{
			{"To", h.Get("To"), w.to}, {"From", h.Get("From"), "aup@cloud.example"},
			{"Reply-To", h.Get("Reply-To"), "abuse@cloud.example"}, {"Auto-Submitted", h.Get("Auto-Submitted"), "auto-generated"},
			{"Subject", subj, w.subject}, {"Subject ref", subj, ref},
			{"text", text, w.body}, {"text ref", text, ref}, {"text deadline", text, w.deadline},
			{"text evidence", text, "TCP 10.0.0.5:43210 -> 198.51.100.9:443"},
			{"html", html, w.body}, {"html ref", html, ref}, {"html deadline", html, w.deadline},
			{"html evidence", html, "TCP 10.0.0.5:43210 -> 198.51.100.9:443"},
		}
		for _, c := range checks {
			if !strings.Contains(c.in, c.want) {
				t.Errorf("%s: %s does not contain %q:\n%s", key, c.what, c.want, c.in)
			}
		}
		if mtext, mhtml := mp.Parsed(s.ID); !strings.Contains(mtext, ref) || !strings.Contains(mhtml, ref) {
			t.Errorf("%s: mailpit's own parse lacks the reference", key)
		}
	}
	for k := range want {
		t.Errorf("missing message %s", k)
	}
}

// TestMailpitRetry stops the server, lets delivery fail and back off, starts it again
// and sees the notice delivered once, with the Message-ID it was queued with.
func TestMailpitRetry(t *testing.T) {
	mp := startMailpit(t)
	r, tr := smtpRig(t, mp)
	r.process(t, finding("web-1", "tor-relay", "tor", t0))
	r.tick(t)
	mp.Stop()
	for i := range 3 {
		if res := drain(t, r, tr); res.Retry != 1 {
			t.Fatalf("attempt %d while down: %+v", i+1, res)
		}
		if res := drain(t, r, tr); res != (mail.DrainResult{}) {
			t.Fatalf("retried before its backoff: %+v", res)
		}
		r.clk.Add(time.Duration(4<<i) * time.Second)
	}
	e, _ := r.store.AllOutbox(r.ctx)
	if e[0].Attempts != 3 || !strings.Contains(e[0].LastError, "connect") {
		t.Fatalf("outbox after the outage: %+v", e[0])
	}
	mp.Start()
	if res := drain(t, r, tr); res.Sent != 1 {
		t.Fatalf("after restart: %+v", res)
	}
	got := mp.Messages()
	if len(got) != 1 || got[0].MessageID != e[0].MessageID {
		t.Fatalf("received %+v, want one message %s", got, e[0].MessageID)
	}
	if c := r.caseOf(t, 1); c.StageDeliveredAt.IsZero() {
		t.Error("delivery not recorded on the case")
	}
}

// TestMailpitDigest sends three due cases of one tenant as one message.
func TestMailpitDigest(t *testing.T) {
	mp := startMailpit(t)
	r, tr := smtpRig(t, mp)
	r.process(t, finding("web-1", "tor-relay", "tor", t0), finding("web-2", "wireguard", "vpn", t0),
		finding("db-1", "xmrig", "mining", t0))
	r.tick(t)
	drain(t, r, tr)
	got := mp.Messages()
	if len(got) != 1 {
		t.Fatalf("received %d messages, want 1 digest", len(got))
	}
	h, text, html := testenv.MessageParts(t, mp.Raw(got[0].ID))
	if s := testenv.DecodedSubject(t, h); s != "Acceptable use: 3 cases on your services" {
		t.Errorf("subject %q", s)
	}
	for i := 1; i <= 3; i++ {
		ref := fmt.Sprintf("AUP-%06d", i)
		if !strings.Contains(text, ref) || !strings.Contains(html, ref) || !strings.Contains(h.Get("X-Aupscan-Cases"), ref) {
			t.Errorf("digest lacks %s", ref)
		}
	}
}

// TestMailpitRefused: a recipient the server refuses (550) fails the notice at once
// and holds the case as needing contact.
func TestMailpitRefused(t *testing.T) {
	mp := startMailpit(t, "--smtp-allowed-recipients", "^ops@")
	r, tr := smtpRig(t, mp)
	r.process(t, finding("lotus-1", "tor-relay", "tor", t0))
	r.tick(t)
	if res := drain(t, r, tr); res.Failed != 1 {
		t.Fatalf("drain %+v: want a permanent failure", res)
	}
	if c := r.caseOf(t, 1); !c.NeedsContact() {
		t.Fatalf("case not held: %+v", c)
	}
}

// TestMailpitInjection sends a notice whose host, subject and evidence carry header
// and HTML injections through the real server, and reads back what it parsed: one
// recipient, no Bcc, no extra header, the markup shown as text.
func TestMailpitInjection(t *testing.T) {
	mp := startMailpit(t)
	r, tr := smtpRig(t, mp)
	f := finding("web-1", "tor-relay", "tor", t0)
	f.Subject = "x\r\nBcc: victim@evil.example\r\nX-Injected: yes"
	f.Evidence = `SNI "><script>alert(1)</script>` + "\r\n\r\n--boundary"
	f.Flow = nil
	f.Kind = "file"
	r.process(t, f)
	r.tick(t)
	drain(t, r, tr)
	got := mp.Messages()
	if len(got) != 1 {
		t.Fatalf("received %d messages", len(got))
	}
	var m struct {
		To, Bcc []struct{ Address string }
		HTML    string
	}
	mp.GetJSON("/api/v1/message/"+got[0].ID, &m)
	if len(m.To) != 1 || m.To[0].Address != "ops@acme.example" || len(m.Bcc) != 0 {
		t.Errorf("recipients as parsed: to %v bcc %v", m.To, m.Bcc)
	}
	var h map[string][]string
	mp.GetJSON("/api/v1/message/"+got[0].ID+"/headers", &h)
	if _, ok := h["X-Injected"]; ok {
		t.Error("an injected header arrived")
	}
	if strings.Contains(m.HTML, "<script>") || !strings.Contains(m.HTML, "&lt;script&gt;") {
		t.Error("the script tag was not escaped in the HTML part")
	}
}

// TestMailpitTestMessage sends the mail-setup check message.
func TestMailpitTestMessage(t *testing.T) {
	mp := startMailpit(t)
	r, tr := smtpRig(t, mp)
	m, err := r.n.TestMessage("someone@ops.example", r.clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Send(r.ctx, mail.Envelope{MessageID: m.ID, From: m.From, To: m.To, Raw: m.Raw}); err != nil {
		t.Fatal(err)
	}
	tr.Close()
	got := mp.Messages()
	if len(got) != 1 || got[0].MessageID != m.ID || got[0].Subject != "aupscan test message / 测试邮件" {
		t.Fatalf("received %+v", got)
	}
}
