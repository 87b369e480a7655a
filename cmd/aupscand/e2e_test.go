//go:build linux

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/store"
)

// TestEndToEndOpenVPN runs aupscand as `aupscand --config FILE` does (run, in this
// process) against real OpenVPN between two network namespaces, capturing live on
// the client's veth, with notices going through SMTP to mailpit and a ladder of
// seconds (testdata/daemon/e2e.toml). It reads each notice back through mailpit's API
// and walks the case to its suspension:
//
//   - the warning names the OpenVPN rule and the flow to 10.98.0.2:1194 as evidence;
//   - the reminder and the final notice follow, one message each;
//   - past the suspension delay, with no sighting since the final notice, nothing is
//     suspended (the re-check);
//   - a fresh OpenVPN handshake is that sighting; the suspension then waits for an
//     operator (the hook's file stays empty);
//   - approved as `aupscan cases approve` does (a notifier over the same database),
//     the suspension command runs exactly once, with the idempotency key;
//   - further cycles with nothing new send nothing, nor does the graceful stop.
//
// Root only (namespaces, AF_PACKET); it fails rather than skips under CI=true.
func TestEndToEndOpenVPN(t *testing.T) {
	began := time.Now()
	lab := newVPNLab(t)
	mp := testenv.StartMailpit(t)
	dir := t.TempDir()
	actionLog := filepath.Join(dir, "suspend.jsonl")
	if err := os.WriteFile(actionLog, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	metricsPort := testenv.FreePort(t)
	cfgPath := e2eConfig(t, dir, map[string]string{
		"@VETH@": lab.vethA, "@SMTP_PORT@": strconv.Itoa(mp.SMTPPort), "@ACTION_LOG@": actionLog,
		"@METRICS_PORT@": strconv.Itoa(metricsPort)})

	// The veth lives in namespace A: the daemon's capture socket is opened there.
	prevOpen := openLive
	openLive = openLiveIn(lab.nsA)
	t.Cleanup(func() { openLive = prevOpen })

	d := startRun(t, cfgPath)
	t.Cleanup(func() {
		if t.Failed() || testing.Verbose() {
			t.Logf("aupscand log:\n%s", d.logs.String())
			t.Logf("openvpn log:\n%s", lab.logs())
		}
	})
	waitFor(t, 10*time.Second, "the daemon capturing on "+lab.vethA, func() bool {
		return strings.Contains(d.logs.String(), "msg=capturing interface="+lab.vethA)
	})
	// capture.ring_size reached the kernel: the ring mapped is the configured 2 MiB.
	if !strings.Contains(d.logs.String(), "ring=true ring_bytes=2097152") {
		t.Errorf("the capture did not map the configured 2 MiB ring:\n%s", d.logs.String())
	}

	// The warning: one message, to the tenant's contact, with the rule and the flow.
	lab.start()
	msgs := waitMessages(t, mp, 1, 15*time.Second)
	w := msgs[0]
	if !strings.HasPrefix(w.Subject, "Acceptable use warning: ") || len(w.To) != 1 || w.To[0].Address != "ops@e2e.example" {
		t.Errorf("warning: subject %q, to %+v", w.Subject, w.To)
	}
	text, _ := mp.Parsed(w.ID)
	flow := regexp.MustCompile(`UDP 10\.98\.0\.1:\d+ -> 10\.98\.0\.2:1194`)
	for _, want := range []string{"Rule:           OpenVPN tunnel (vpn.openvpn.traffic)", "Host:           vm-e2e-1",
		"Evidence:       fingerprint openvpn: client and server hard resets"} {
		if !strings.Contains(text, want) {
			t.Errorf("warning lacks %q:\n%s", want, text)
		}
	}
	if m := regexp.MustCompile(`(?m)^Traffic: +(.*)$`).FindStringSubmatch(text); m == nil || !flow.MatchString(m[1]) {
		t.Errorf("warning does not name the flow to 10.98.0.2:1194 as evidence:\n%s", text)
	}

	// The capture's counters, published at the end of each 1 s window: packets, and
	// their bytes on the wire (at least an Ethernet, IPv4 and UDP header each).
	metric := func(name string) float64 {
		m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + ` (\S+)$`).FindStringSubmatch(
			get(t, fmt.Sprintf("http://127.0.0.1:%d/metrics", metricsPort)))
		if m == nil {
			return 0
		}
		v, _ := strconv.ParseFloat(m[1], 64)
		return v
	}
	src := `{source="` + lab.vethA + `"}`
	waitFor(t, 5*time.Second, "capture counters published", func() bool { return metric("aupscand_capture_packets_total"+src) > 0 })
	if p, b := metric("aupscand_capture_packets_total"+src), metric("aupscand_capture_bytes_total"+src); b < 42*p {
		t.Errorf("capture counters: %v packets, %v bytes; want at least 42 bytes a packet", p, b)
	}

	// The reminder, then the final notice: one message each, nothing else.
	msgs = waitMessages(t, mp, 2, 10*time.Second)
	if !strings.HasPrefix(msgs[1].Subject, "Reminder, acceptable use: ") {
		t.Errorf("second message %q, want the reminder", msgs[1].Subject)
	}
	msgs = waitMessages(t, mp, 3, 10*time.Second)
	if !strings.HasPrefix(msgs[2].Subject, "Final notice, acceptable use: ") {
		t.Errorf("third message %q, want the final notice", msgs[2].Subject)
	}
	ref := regexp.MustCompile(`\[(AUP-\d+)\]`).FindStringSubmatch(msgs[2].Subject)
	if ref == nil || !strings.Contains(msgs[0].Subject, ref[0]) || !strings.Contains(msgs[1].Subject, ref[0]) {
		t.Fatalf("the three notices are not about one case: %q, %q, %q", msgs[0].Subject, msgs[1].Subject, msgs[2].Subject)
	}

	// The re-check: the suspension falls due 2s after the final notice's delivery, but
	// nothing was seen since, so nothing is suspended.
	c := operatorCase(t, cfgPath)
	if c.Case.FinalDeliveredAt.IsZero() || c.Case.Stage != store.StageFinal {
		t.Fatalf("case after the final notice: %+v", c.Case)
	}
	time.Sleep(time.Until(c.Case.FinalDeliveredAt.Add(3 * time.Second)))
	c = operatorCase(t, cfgPath)
	if c.Case.State != store.StateOpen || len(c.Actions) != 0 || !strings.Contains(c.Decision.Reason, "not seen again since the final notice") {
		t.Errorf("suspension without a sighting after the final notice: state %s, %d actions, decision %s (%s)",
			c.Case.State, len(c.Actions), c.Decision.Action, c.Decision.Reason)
	}
	hookLines(t, actionLog, 0)

	// A fresh sighting: OpenVPN starts again (a new handshake on a new flow). The
	// suspension is now due, and waits for an operator.
	lab.stop()
	lab.start()
	waitFor(t, 15*time.Second, "a sighting after the final notice, awaiting approval", func() bool {
		c = operatorCase(t, cfgPath)
		return c.Case.LastSeen.After(c.Case.FinalDeliveredAt) && hasEvent(c, "suspension awaits approval")
	})
	time.Sleep(time.Second) // four more cycles of the daemon
	c = operatorCase(t, cfgPath)
	if c.Decision.Action != notify.ActionApproval || c.Case.State != store.StateOpen || len(c.Actions) != 0 {
		t.Errorf("before approval: decision %s (%s), state %s, %d actions", c.Decision.Action, c.Decision.Reason, c.Case.State, len(c.Actions))
	}
	hookLines(t, actionLog, 0)
	if n := len(mp.Messages()); n != 3 {
		t.Errorf("%d messages before approval, want the 3 notices", n)
	}

	// The approval, as `aupscan cases approve` makes it: then the suspension command
	// runs, once, with the idempotency key.
	withOperator(t, cfgPath, func(ctx context.Context, n *notify.Notifier) {
		if err := n.Approve(ctx, c.Case.ID, "e2e-operator", "VPN service confirmed"); err != nil {
			t.Fatal(err)
		}
	})
	waitFor(t, 10*time.Second, "the suspension command", func() bool {
		b, _ := os.ReadFile(actionLog)
		return len(b) > 0
	})
	lab.stop()
	time.Sleep(1500 * time.Millisecond) // six cycles with nothing new
	lines := hookLines(t, actionLog, 1)
	var p notify.ActionPayload
	if err := json.Unmarshal([]byte(lines[0]), &p); err != nil {
		t.Fatalf("hook input %q: %v", lines[0], err)
	}
	if p.IdempotencyKey != notify.IdempotencyKey(c.Case.ID, notify.KindSuspend) || p.IdempotencyKey != ref[1]+":suspend" ||
		p.Action != "suspend" || p.Case != ref[1] || p.Tenant != "e2e" || p.Host != "vm-e2e-1" ||
		p.Rule != "vpn.openvpn.traffic" || p.Actor != "e2e-operator" {
		t.Errorf("hook input: %+v", p)
	}
	c = operatorCase(t, cfgPath)
	if c.Case.State != store.StateSuspended || len(c.Actions) != 1 || c.Actions[0].Status != store.ActionDone || c.Actions[0].Attempts != 1 {
		t.Errorf("after approval: state %s, actions %+v", c.Case.State, c.Actions)
	}
	// The suspension notice follows the action's success, once (issue 13).
	if msgs := mp.Messages(); len(msgs) != 4 || !strings.Contains(msgs[3].Subject, "Service suspended") {
		t.Errorf("after the action: %d messages, want the 3 notices and the suspension notice", len(msgs))
	}

	// A graceful stop: its last cycle sends nothing and runs nothing again either.
	if code := d.stop(t); code != 0 {
		t.Errorf("aupscand exit %d", code)
	}
	if n := len(mp.Messages()); n != 4 {
		t.Errorf("the stop sent mail: %d messages, want 4", n)
	}
	hookLines(t, actionLog, 1)
	if strings.Contains(d.logs.String(), "level=ERROR") {
		t.Errorf("the daemon logged errors:\n%s", d.logs.String())
	}
	if el := time.Since(began); el > 2*time.Minute {
		t.Errorf("took %s, over the 2 minutes allowed", el)
	}
}

// e2eConfig writes testdata/daemon/e2e.toml into dir with its placeholders filled in.
func e2eConfig(t *testing.T, dir string, repl map[string]string) string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/daemon/e2e.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for k, v := range repl {
		if !strings.Contains(s, k) {
			t.Fatalf("e2e.toml no longer has %s", k)
		}
		s = strings.ReplaceAll(s, k, v)
	}
	p := filepath.Join(dir, "aupscand.toml")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// runningDaemon is run() of `aupscand --config FILE` going on in this process.
type runningDaemon struct {
	logs    *syncBuffer
	done    chan int
	code    int
	stopped bool
}

// startRun starts run with the configuration and stops it when the test ends.
func startRun(t *testing.T, cfgPath string) *runningDaemon {
	d := &runningDaemon{logs: &syncBuffer{}, done: make(chan int, 1)}
	go func() { d.done <- run([]string{"--config", cfgPath}, d.logs) }()
	t.Cleanup(func() { d.stop(t) })
	return d
}

// stop sends SIGTERM, which run's signal handling turns into a graceful stop, and
// waits for run's exit code.
func (d *runningDaemon) stop(t *testing.T) int {
	if d.stopped {
		return d.code
	}
	d.stopped = true
	select {
	case d.code = <-d.done: // it had stopped already
		return d.code
	default:
	}
	if !strings.Contains(d.logs.String(), "rules loaded") {
		// run has not yet installed its signal handler (it does before loading the
		// rules): a SIGTERM now would end the test binary.
		select {
		case d.code = <-d.done:
			return d.code
		case <-time.After(10 * time.Second):
			t.Errorf("aupscand did not start within 10s")
			return -1
		}
	}
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case d.code = <-d.done:
	case <-time.After(15 * time.Second):
		t.Errorf("aupscand did not stop within 15s of SIGTERM:\n%s", d.logs.String())
		d.code = -1
	}
	return d.code
}

// withOperator opens the case database the way the aupscan CLI's case commands do
// (notify.Open, as cmd/aupscan openCases calls it): the daemon's configuration, a
// store and notifier of its own, closed afterwards.
func withOperator(t *testing.T, cfgPath string, f func(context.Context, *notify.Notifier)) {
	t.Helper()
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, n, err := notify.Open(ctx, cfg.Notify, notify.OpenOptions{
		Options: notify.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: time.Now}})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f(ctx, n)
}

// operatorCase returns the report of the one case the test expects.
func operatorCase(t *testing.T, cfgPath string) notify.CaseReport {
	t.Helper()
	var rep notify.CaseReport
	withOperator(t, cfgPath, func(ctx context.Context, n *notify.Notifier) {
		cases, err := n.List(ctx, notify.ListFilter{All: true}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if len(cases) != 1 || cases[0].Case.Rule != "vpn.openvpn.traffic" || cases[0].Case.Tenant != "e2e" {
			t.Fatalf("want one OpenVPN case of tenant e2e, have %+v", cases)
		}
		if rep, err = n.Show(ctx, cases[0].Case.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
	})
	return rep
}

func hasEvent(r notify.CaseReport, event string) bool {
	for _, a := range r.Audit {
		if a.Event == event {
			return true
		}
	}
	return false
}

// hookLines returns the lines the suspension command wrote, failing unless there
// are want of them.
func hookLines(t *testing.T, path string, want int) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(b) == 0 {
		lines = nil
	}
	if len(lines) != want {
		t.Fatalf("the suspension command ran %d times, want %d:\n%s", len(lines), want, b)
	}
	return lines
}

// waitMessages waits until mailpit holds n messages, and fails when it holds more.
func waitMessages(t *testing.T, mp *testenv.Mailpit, n int, within time.Duration) []testenv.MailpitMessage {
	t.Helper()
	var msgs []testenv.MailpitMessage
	waitFor(t, within, fmt.Sprintf("message %d in mailpit", n), func() bool {
		msgs = mp.Messages()
		return len(msgs) >= n
	})
	if len(msgs) != n {
		var subj []string
		for _, m := range msgs {
			subj = append(subj, m.Subject)
		}
		t.Fatalf("%d messages, want %d: %q", len(msgs), n, subj)
	}
	return msgs
}

// waitFor polls cond every 50ms, failing the test after within.
func waitFor(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(within); !cond(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %s", what, within)
		}
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
