package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// caseT0 is a Monday morning: the clock the case tests start at.
var caseT0 = time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)

// caseConfig is a daemon configuration with two tenants (one per locale), the default
// ladder and a mail folder; database and folder are relative, under var/.
const caseConfig = `[notify]
database = "var/aupscan.db"

[[notify.tenant]]
id = "acme"
name = "Acme Hosting Ltd"
hosts = ["web-1", "web-2"]
locale = "en"
time_zone = "Europe/Berlin"
clause = "4.2 The customer shall not operate anonymising relays, open proxies or VPN services for third parties."

  [[notify.tenant.contact]]
  name = "Acme Operations"
  address = "ops@acme.example"

[[notify.tenant]]
id = "lotus"
name = "莲花科技有限公司"
hosts = ["lotus-1"]
locale = "zh-CN"
time_zone = "Asia/Shanghai"
clause = "第 4.2 条：客户不得在本服务上为第三方提供匿名中继、开放代理或 VPN 服务。"

  [[notify.tenant.contact]]
  address = "it@lotus.example"

[notify.mail]
from = "Example Cloud AUP <aup@cloud.example>"
reply_to = "abuse@cloud.example"
operator = "Example Cloud, Acceptable Use Team"
folder = "var/mail"
`

// caseRig is a temporary configuration for the case commands, with the CLI's clock
// under the test's control.
type caseRig struct {
	dir, cfg string
	now      time.Time
}

func newCaseRig(t *testing.T) *caseRig {
	t.Helper()
	r := &caseRig{dir: t.TempDir(), now: caseT0}
	r.cfg = r.write(t, "aupscand.toml", caseConfig)
	old := clock
	clock = func() time.Time { return r.now }
	t.Cleanup(func() { clock = old })
	t.Setenv("SUDO_USER", "")
	t.Setenv("USER", "alice")
	return r
}

func (r *caseRig) write(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(r.dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// run runs the CLI with --config pointing at the rig's file.
func (r *caseRig) run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return aupscan(t, append([]string{"--config", r.cfg}, args...)...)
}

// must runs the CLI and fails the test unless it exits with code.
func (r *caseRig) must(t *testing.T, code int, args ...string) string {
	t.Helper()
	c, out, errOut := r.run(t, args...)
	if c != code {
		t.Fatalf("aupscan %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), c, code, out, errOut)
	}
	return out + errOut
}

// caseFinding is one JSON Lines finding of rule on host, seen at.
func caseFinding(host, rule, category, subject string, at time.Time) string {
	return fmt.Sprintf(`{"rule":%q,"name":"(name from the scanner)","category":%q,"severity":"high","confidence":"high",`+
		`"kind":"file","subject":%q,"evidence":"the file's lines match the rule","source":"/","time":%q,"host":%q,`+
		`"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}`+"\n",
		rule, category, subject, at.Format(time.RFC3339), host)
}

// ingest feeds findings through the hidden ingest command and returns its output.
func (r *caseRig) ingest(t *testing.T, lines ...string) string {
	t.Helper()
	p := r.write(t, "findings.jsonl", strings.Join(lines, ""))
	return r.must(t, 0, "cases", "ingest", p)
}

// advance sets the clock to at and does what the daemon does each cycle: Tick, then
// deliver the outbox into the mail folder.
func (r *caseRig) advance(t *testing.T, at time.Time) notify.TickResult {
	t.Helper()
	return r.advanceVia(t, at, nil)
}

// advanceVia is advance with a transport of the test's (nil: the configured one).
func (r *caseRig) advanceVia(t *testing.T, at time.Time, tr mail.Transport) notify.TickResult {
	t.Helper()
	r.now = at
	ctx := context.Background()
	cfg, err := config.Load(r.cfg)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, cfg.Notify.Database)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rn, err := mail.NewRenderer(cfg.Notify.Templates)
	if err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	n := notify.New(cfg.Notify, st, rn, notify.Options{Logger: quiet, Now: clock})
	res, err := n.Tick(ctx, at)
	if err != nil {
		t.Fatal(err)
	}
	if tr == nil {
		if tr, err = mail.NewTransport(cfg.Notify.Mail); err != nil {
			t.Fatal(err)
		}
	}
	defer tr.Close()
	if _, err := mail.NewSender(st, tr, cfg.Notify.Mail, quiet).Drain(ctx, at); err != nil {
		t.Fatal(err)
	}
	return res
}

func (r *caseRig) mails(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(r.dir, "var", "mail", "*.eml"))
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func mustContain(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

// TestCasesLadder walks a case through the CLI as staff would: findings open cases,
// the list and the notices show them, an appeal holds the ladder and a resume releases
// it, approval waits for the final notice and a fresh sighting, the suspension runs
// and reinstatement ends it; an exemption stops new cases.
func TestCasesLadder(t *testing.T) {
	r := newCaseRig(t)
	out := r.ingest(t,
		caseFinding("web-1", "tor.relay-config", "tor", "/etc/tor/torrc", caseT0.Add(-time.Hour)),
		caseFinding("lotus-1", "vpn.openvpn-server-config", "vpn", "/etc/openvpn/server.conf", caseT0.Add(-time.Hour)),
		caseFinding("stray-9", "tor.relay-config", "tor", "/etc/tor/torrc", caseT0.Add(-time.Hour)))
	mustContain(t, "ingest", out, "3 findings: 2 cases opened, 0 refreshed, 1 skipped (host maps to no tenant: 1)")

	out = r.must(t, 0, "cases", "list")
	golden(t, "cases-list.txt", out)
	out = r.must(t, 0, "--format", "json", "cases", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("json list: %d lines, want 2:\n%s", len(lines), out)
	}
	var first caseJSON
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Ref != "AUP-000001" || first.Tenant != "acme" || first.Host != "web-1" || first.Rule != "tor.relay-config" ||
		first.State != "open" || first.Next.Action != "warning" || first.NeedsContact {
		t.Errorf("json list, first case: %+v", first)
	}

	// Previews render without sending or recording: the golden files are what the
	// tenant would read, rule name and description from the built-in rules.
	golden(t, "preview-warning-en.txt", r.must(t, 0, "notify", "preview", "--case", "1", "--stage", "warning", "--part", "text"))
	golden(t, "preview-warning-zh-CN.txt", r.must(t, 0, "notify", "preview", "--case", "AUP-000001", "--stage", "warning", "--locale", "zh-CN", "--part", "text"))
	html := r.must(t, 0, "notify", "preview", "--case", "2", "--stage", "final", "--part", "html")
	mustContain(t, "html preview", html, "<html", "AUP-000002", "莲花科技有限公司")
	msg := r.must(t, 0, "notify", "preview", "--case", "1", "--stage", "warning")
	mustContain(t, "message preview", msg, "Message-ID: <aupscan.AUP-000001.warning.", "To: \"Acme Operations\" <ops@acme.example>",
		"Content-Type: multipart/alternative", "Content-Type: text/plain; charset=utf-8", "Content-Type: text/html; charset=utf-8")
	if got := r.mails(t); len(got) != 0 {
		t.Fatalf("preview sent mail: %v", got)
	}

	// The daemon's first cycle sends both warnings.
	if res := r.advance(t, caseT0); res.Notices != 2 {
		t.Fatalf("first tick: %+v, want 2 notices", res)
	}
	if got := r.mails(t); len(got) != 2 {
		t.Fatalf("mail folder: %v, want 2 warnings", got)
	}

	// An appeal holds the case until staff resume it.
	r.must(t, exitError, "cases", "appeal", "1") // --note is required
	out = r.must(t, 0, "cases", "appeal", "AUP-000001", "--note", "Tenant says torrc is left over; relay is off.")
	mustContain(t, "appeal", out, "AUP-000001 appeal recorded by alice: now appealed, stage warning; next: hold")
	mustContain(t, "list after appeal", r.must(t, 0, "cases", "list"), "hold", "appealed")
	if res := r.advance(t, caseT0.Add(25*time.Hour)); res.Held != 1 || res.Notices != 1 {
		t.Errorf("tick during appeal: %+v, want case 1 held and case 2's reminder", res)
	}
	out = r.must(t, 0, "cases", "resume", "1", "--note", "relay still seen", "--actor", "bob")
	mustContain(t, "resume", out, "AUP-000001 resumed by bob: now open, stage warning; next: reminder")

	// Approval needs the final notice: refused (exit 1) before it.
	out = r.must(t, exitRefused, "cases", "approve", "1")
	mustContain(t, "early approval", out, "refused: cannot approve the suspension of AUP-000001: approval needs an open case with a final notice")
	if strings.Contains(out, "suspension approved") {
		t.Errorf("a refusal reads like a success:\n%s", out)
	}

	r.advance(t, caseT0.Add(26*time.Hour)) // reminder
	r.advance(t, caseT0.Add(50*time.Hour)) // final notice
	mustContain(t, "show after final", r.must(t, 0, "cases", "show", "1"), "AUP-000001  open, stage final")
	for _, id := range []string{"1", "2"} { // Europe/Berlin and Asia/Shanghai: both shown in UTC alone
		oneZone(t, r.must(t, 0, "cases", "show", id))
	}
	out = r.must(t, 0, "cases", "approve", "1", "--note", "relay confirmed by NOC")
	mustContain(t, "approve", out, "AUP-000001 suspension approved by alice: now open, stage final")
	mustContain(t, "list after approval", r.must(t, 0, "cases", "list", "--tenant", "acme"), "approved")

	// The re-check: no suspension on stale evidence, then a fresh sighting suspends.
	if res := r.advance(t, caseT0.Add(75*time.Hour)); res.Suspended != 0 {
		t.Fatalf("suspended without a sighting after the final notice: %+v", res)
	}
	r.now = caseT0.Add(76 * time.Hour)
	mustContain(t, "sighting", r.ingest(t, caseFinding("web-1", "tor.relay-config", "tor", "/etc/tor/torrc", r.now)), "1 refreshed")
	if res := r.advance(t, caseT0.Add(77*time.Hour)); res.Suspended != 1 {
		t.Fatalf("approved case seen again: %+v, want suspended", res)
	}
	show := r.must(t, 0, "--format", "json", "cases", "show", "1")
	var rep reportJSON
	if err := json.Unmarshal([]byte(show), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.State != "suspended" || rep.ApprovedBy != "alice" || len(rep.Actions) != 1 || rep.Actions[0].Key != "AUP-000001:suspend" {
		t.Errorf("show after suspension: %+v", rep)
	}
	events := map[string]string{}
	for _, a := range rep.Audit {
		events[a.Event] = a.Actor + ": " + a.Reason
	}
	for ev, want := range map[string]string{"appeal": "alice: Tenant says", "resumed": "bob: relay still seen", "suspension approved": "alice: relay confirmed"} {
		if !strings.HasPrefix(events[ev], want) {
			t.Errorf("audit %q = %q, want %q...", ev, events[ev], want)
		}
	}
	// No suspension action is configured: staff carry it out by hand and confirm;
	// until then the case never reads "suspended" (issue 13).
	mustContain(t, "show before confirming", r.must(t, 0, "cases", "show", "1"), "suspension requested: carry it out by hand")
	r.must(t, exitError, "cases", "confirm", "1") // --reason is required
	out = r.must(t, 0, "cases", "confirm", "1", "--reason", "VM paused in the cloud panel")
	mustContain(t, "confirm", out, "AUP-000001 confirmed done by hand by alice: now suspended")
	if res := r.advance(t, caseT0.Add(78*time.Hour)); res.Notices != 1 {
		t.Errorf("after the confirmation: %+v, want the suspension notice", res)
	}
	r.must(t, exitRefused, "cases", "resolve", "1") // a suspended case is reinstated
	out = r.must(t, 0, "cases", "reinstate", "1", "--note", "tenant removed the relay")
	mustContain(t, "reinstate", out, "AUP-000001 reinstated by alice: now reinstatement requested: carry it out by hand")
	r.must(t, 0, "cases", "confirm", "1", "--reason", "VM resumed in the cloud panel")
	if res := r.advance(t, caseT0.Add(79*time.Hour)); res.Notices != 1 {
		t.Errorf("after the reinstatement: %+v, want the reinstatement notice", res)
	}
	mustContain(t, "show after reinstatement", r.must(t, 0, "cases", "show", "1"), "resolved")

	// Staff close the other case; it leaves the default list.
	mustContain(t, "resolve", r.must(t, 0, "cases", "resolve", "2", "--note", "false positive: test VM"), "now resolved, stage resolved")
	if out := r.must(t, 0, "cases", "list"); strings.Contains(out, "AUP-") {
		t.Errorf("closed cases listed without --all:\n%s", out)
	}
	mustContain(t, "list --all", r.must(t, 0, "cases", "list", "--all"), "AUP-000001", "AUP-000002", "resolved")

	// An exemption stops new findings from opening cases, and expires.
	out = r.must(t, 0, "cases", "exempt", "--tenant", "acme", "--host", "web-2", "--category", "tor", "--expires", "30d", "--reason", "research relay, ticket 4711")
	mustContain(t, "exempt", out, "exempt: tenant acme, host web-2, rule any, category tor, until 2025-07-05 15:00:00Z (by alice)")
	mustContain(t, "exempt ingest", r.ingest(t, caseFinding("web-2", "tor.relay-config", "tor", "/etc/tor/torrc", r.now)), "0 cases opened, 0 refreshed, 1 skipped (exempt: 1)")
	r.now = r.now.Add(31 * 24 * time.Hour)
	mustContain(t, "expired exemption", r.ingest(t, caseFinding("web-2", "tor.relay-config", "tor", "/etc/tor/torrc", r.now)), "1 cases opened")
}

// refusing is a mail server that rejects every message for good.
type refusing struct{}

func (refusing) Send(context.Context, mail.Envelope) error {
	return &mail.PermanentError{Err: errors.New("550 5.1.1 mailbox unavailable")}
}
func (refusing) Close() error { return nil }

// TestCasesNeedsContact checks that a notice that could not be delivered flags its
// case in the list, --needs-contact finds it, and resume sends the notice again.
func TestCasesNeedsContact(t *testing.T) {
	r := newCaseRig(t)
	r.ingest(t, caseFinding("web-1", "tor.relay-config", "tor", "/etc/tor/torrc", caseT0),
		caseFinding("lotus-1", "tor.relay-config", "tor", "/etc/tor/torrc", caseT0))
	r.advanceVia(t, caseT0, refusing{})
	r.advance(t, caseT0.Add(time.Hour)) // nothing due: both notices are done with

	code, out, errOut := r.run(t, "cases", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	mustContain(t, "list", out, "hold  needs-contact")
	mustContain(t, "list stderr", errOut, "2 of 2 cases NEED CONTACT")
	out = r.must(t, 0, "--format", "json", "cases", "list", "--needs-contact", "--tenant", "lotus")
	var c caseJSON
	if err := json.Unmarshal([]byte(out), &c); err != nil || c.Ref != "AUP-000002" || !c.NeedsContact || c.Next.Action != "hold" {
		t.Errorf("--needs-contact --tenant lotus: %v\n%s", err, out)
	}
	mustContain(t, "show", r.must(t, 0, "cases", "show", "2"), "flags", "needs-contact", "failed", "550 5.1.1 mailbox unavailable")

	r.must(t, 0, "cases", "resume", "2", "--note", "tenant fixed their mailbox")
	r.advance(t, caseT0.Add(2*time.Hour))
	out = r.must(t, 0, "cases", "list", "--needs-contact")
	if !strings.Contains(out, "AUP-000001") || strings.Contains(out, "AUP-000002") {
		t.Errorf("after resume, --needs-contact:\n%s", out)
	}
	if got := r.mails(t); len(got) != 1 {
		t.Errorf("mail folder after resume: %v, want the re-sent warning", got)
	}
}

// TestCasesErrors checks that every bad case id, stage, locale or flag exits 2 with a
// message saying what is wrong, and a refused operation exits 1.
func TestCasesErrors(t *testing.T) {
	r := newCaseRig(t)
	r.ingest(t, caseFinding("web-1", "tor.relay-config", "tor", "/etc/tor/torrc", caseT0))
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"word for id", []string{"cases", "show", "x"}, 2, `bad case id "x": want a number like 42 or a reference like AUP-000042`},
		{"zero id", []string{"cases", "show", "0"}, 2, `bad case id "0"`},
		{"negative id", []string{"cases", "approve", "--", "-3"}, 2, `bad case id "-3"`},
		{"wrong prefix", []string{"cases", "appeal", "CASE-1", "--note", "x"}, 2, `bad case id "CASE-1"`},
		{"unknown case", []string{"cases", "show", "AUP-000099"}, 2, "no case AUP-000099 (aupscan cases list --all lists them)"},
		{"unknown case op", []string{"cases", "resume", "99"}, 2, "no case AUP-000099"},
		{"preview bad id", []string{"notify", "preview", "--case", "abc", "--stage", "warning"}, 2, `bad case id "abc"`},
		{"preview unknown case", []string{"notify", "preview", "--case", "7", "--stage", "warning"}, 2, "no case AUP-000007"},
		{"preview bad stage", []string{"notify", "preview", "--case", "1", "--stage", "suspend"}, 2, "--stage must be one of"},
		{"preview bad locale", []string{"notify", "preview", "--case", "1", "--stage", "warning", "--locale", "fr"}, 2, `locale "fr" is not one of`},
		{"reinstate open case", []string{"cases", "reinstate", "1"}, 1, "not suspended"},
		{"exempt unknown tenant", []string{"cases", "exempt", "--tenant", "nobody", "--expires", "1d", "--reason", "x"}, 2, `no tenant "nobody"`},
		{"exempt past", []string{"cases", "exempt", "--tenant", "acme", "--expires", "2020-01-01", "--reason", "x"}, 2, "not in the future"},
		{"exempt bad expiry", []string{"cases", "exempt", "--tenant", "acme", "--expires", "soon", "--reason", "x"}, 2, `--expires "soon": want a date`},
		{"exempt rule and category", []string{"cases", "exempt", "--tenant", "acme", "--rule", "tor.relay-config", "--category", "tor", "--expires", "1d", "--reason", "x"}, 2, "not both"},
		{"exempt unknown category", []string{"cases", "exempt", "--tenant", "acme", "--category", "vpns", "--expires", "1d", "--reason", "x"}, 2, `unknown category "vpns"`},
		{"exempt unknown rule", []string{"cases", "exempt", "--tenant", "acme", "--rule", "tor.relay-conf", "--expires", "1d", "--reason", "x"}, 2, `no rule "tor.relay-conf" in the rules nor on any case of tenant acme`},
		{"exempt without reason", []string{"cases", "exempt", "--tenant", "acme", "--expires", "1d"}, 2, "missing flags: --reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := r.run(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d (want %d), stderr lacks %q:\nstdout:\n%s\nstderr:\n%s", code, tt.code, tt.want, out, errOut)
			}
		})
	}
}

// TestCasesConfig checks what the case commands say about the --config file: unknown
// keys name file, line and key; a file without [notify], a missing file and a database
// not yet made exit 2 with a message naming them.
func TestCasesConfig(t *testing.T) {
	r := newCaseRig(t)
	typo := r.write(t, "typo.toml", strings.Replace(caseConfig, `folder = "var/mail"`, "folder = \"var/mail\"\nfolders = \"x\"", 1))
	semantic := r.write(t, "semantic.toml", strings.Replace(caseConfig, `address = "it@lotus.example"`, `address = "not an address"`, 1))
	bare := r.write(t, "bare.toml", "[log]\nlevel = \"info\"\n")
	tests := []struct {
		name string
		cfg  string
		want string
	}{
		{"unknown key", typo, typo + `:32: key "notify.mail.folders": unknown key`},
		{"bad value", semantic, semantic + `: key "notify.tenant[1].contact[0].address": mail: `},
		{"no notify section", bare, bare + ": no [notify] section"},
		{"missing file", filepath.Join(r.dir, "nope.toml"), "nope.toml: no such file or directory"},
		{"no database yet", r.cfg, "no case database at " + filepath.Join(r.dir, "var", "aupscan.db") + " yet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := aupscan(t, "--config", tt.cfg, "cases", "list")
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d (want 2), stderr lacks %q:\nstdout:\n%s\nstderr:\n%s", code, tt.want, out, errOut)
			}
		})
	}
}

// TestNotifyTest sends a test message into the mail folder, and reports a transport
// that cannot deliver with exit 1.
func TestNotifyTest(t *testing.T) {
	r := newCaseRig(t)
	out := r.must(t, 0, "notify", "test", "--to", "Staff <staff@cloud.example>")
	mustContain(t, "notify test", out, "sent test message <aupscan.test.", "to Staff <staff@cloud.example>: "+filepath.Join(r.dir, "var", "mail"))
	mails := r.mails(t)
	if len(mails) != 1 {
		t.Fatalf("mail folder: %v", mails)
	}
	b, err := os.ReadFile(mails[0])
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "test message", string(b), "To: \"Staff\" <staff@cloud.example>", "From: \"Example Cloud AUP\" <aup@cloud.example>")
	r.must(t, exitError, "notify", "test", "--to", "not an address")

	// An SMTP server that is not there: the transport fails, exit 1.
	smtp := strings.Replace(caseConfig, `folder = "var/mail"`, "[notify.mail.smtp]\nhost = \"127.0.0.1\"\nport = 1\ntls = \"none\"\ntimeout = \"2s\"", 1)
	r.cfg = r.write(t, "smtp.toml", smtp)
	out = r.must(t, exitRefused, "notify", "test", "--to", "staff@cloud.example")
	mustContain(t, "notify test without server", out, "test message to staff@cloud.example through smtp 127.0.0.1:1 (none)")
}

func TestCaseID(t *testing.T) {
	tests := []struct {
		in   string
		want caseID
		ok   bool
	}{
		{"42", 42, true}, {"AUP-000042", 42, true}, {"aup-42", 42, true}, {"AUP-1", 1, true},
		{"0", 0, false}, {"-1", 0, false}, {"+4", 0, false}, {"AUP-", 0, false}, {"AUP-x", 0, false},
		{"", 0, false}, {"42x", 0, false}, {"AUP-AUP-1", 0, false}, {"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		var got caseID
		err := got.UnmarshalText([]byte(tt.in))
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("%q: got %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseExpiry(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want time.Time
		err  string
	}{
		{"never", time.Time{}, ""},
		{"2025-07-01", time.Date(2025, 7, 1, 0, 0, 0, 0, berlin), ""},
		{"2025-06-03T12:00:00Z", time.Date(2025, 6, 3, 12, 0, 0, 0, time.UTC), ""},
		{"30d", caseT0.Add(30 * 24 * time.Hour), ""},
		{"36h", caseT0.Add(36 * time.Hour), ""},
		{"2025-06-02", time.Time{}, "not in the future"},
		{"0s", time.Time{}, "want a date"},
		{"-1h", time.Time{}, "want a date"},
		{"tomorrow", time.Time{}, "want a date"},
	}
	for _, tt := range tests {
		got, err := parseExpiry(tt.in, caseT0, berlin)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: err %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%q: got %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestCasesRepair: a case database whose index lost its rows makes the case commands
// fail with an error naming the file and `aupscan cases repair`; the repair keeps a
// copy, rebuilds the index, and every case is there afterwards.
func TestCasesRepair(t *testing.T) {
	r := newCaseRig(t)
	r.ingest(t, caseFinding("web-1", "tor.relay-config", "tor", "/etc/tor/torrc", caseT0),
		caseFinding("web-2", "tor.relay-config", "tor", "/etc/tor/torrc", caseT0))
	listed := r.must(t, 0, "cases", "list")
	dbPath := filepath.Join(r.dir, "var", "aupscan.db")
	db, err := sql.Open("sqlite", "file:"+dbPath)
	if err != nil {
		t.Fatal(err)
	}
	var def string
	if err := db.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = 'cases_state'`).Scan(&def); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP INDEX cases_state`, def + ` WHERE 0`, `PRAGMA writable_schema = ON`,
		`UPDATE sqlite_schema SET sql = '` + strings.ReplaceAll(def, "'", "''") + `' WHERE name = 'cases_state'`, `PRAGMA writable_schema = OFF`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	out := r.must(t, 2, "cases", "list")
	for _, want := range []string{dbPath, "missing from index cases_state", "aupscan cases repair"} {
		if !strings.Contains(out, want) {
			t.Errorf("cases list on a damaged database does not say %q:\n%s", want, out)
		}
	}
	out = r.must(t, 0, "cases", "repair")
	if !strings.Contains(out, "integrity check ok") || !strings.Contains(out, "before-repair") {
		t.Errorf("repair output:\n%s", out)
	}
	if again := r.must(t, 0, "cases", "list"); again != listed {
		t.Errorf("cases after repair:\n%s\nbefore:\n%s", again, listed)
	}
}

// timeOnScreen is a time as an operator screen writes it, or a zone's mark.
var (
	utcStamp  = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?Z`)
	otherZone = regexp.MustCompile(`\b(CEST|CET|CST|MST|UTC[+-]\d|[+-]\d\d:\d\d)\b|\d\d:\d\d [A-Z]{3}\b`)
)

// oneZone fails unless every time on an operator's screen is in UTC.
func oneZone(t *testing.T, screen string) {
	t.Helper()
	if !utcStamp.MatchString(screen) {
		t.Errorf("no UTC time on the screen:\n%s", screen)
	}
	if m := otherZone.FindString(screen); m != "" {
		t.Errorf("a time in another zone (%q) on the screen:\n%s", m, screen)
	}
}

// TestCasesExemptKnownRule: an exemption names a rule the rules have, or one a case
// of the tenant carries (a rule since removed); any other id is refused.
func TestCasesExemptKnownRule(t *testing.T) {
	r := newCaseRig(t)
	r.ingest(t, caseFinding("web-1", "vendor.retired-rule", "tor", "/etc/x", caseT0))
	for _, rule := range []string{"tor.relay-config", "vendor.retired-rule"} {
		out := r.must(t, 0, "cases", "exempt", "--tenant", "acme", "--rule", rule, "--expires", "1d", "--reason", "x")
		mustContain(t, rule, out, "rule "+rule)
	}
	r.must(t, exitError, "cases", "exempt", "--tenant", "lotus", "--rule", "vendor.retired-rule", "--expires", "1d", "--reason", "x")
}
