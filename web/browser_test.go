package web

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/aupscan/aupscan/internal/testenv"
)

// updateShots rewrites the README's screenshots (docs/screenshots/*.png) from the
// browser test: go test ./web -run TestBrowser -update-screenshots
var updateShots = flag.Bool("update-screenshots", false, "write the README's screenshots of each page to docs/screenshots")

// browser starts Debian's Chromium headless with a fresh profile and returns a tab.
// The flags keep it from reaching anything but the test's loopback servers.
func browser(t *testing.T) (context.Context, context.CancelFunc) {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		testenv.Missing(t, "chromium is not installed (scripts/test-deps.sh installs it)")
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(bin), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-default-browser-check", true),
		// The test's server has httptest's self-signed certificate.
		chromedp.Flag("ignore-certificate-errors", true),
		chromedp.WindowSize(1000, 900)}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelT := context.WithTimeout(actx, 3*time.Minute)
	ctx, cancelC := chromedp.NewContext(ctx)
	return ctx, func() { cancelC(); cancelT(); cancelA() }
}

// shots keeps screenshots: the README's (with -update-screenshots) and, when the
// test fails, the last page seen, as an artefact in $AUPSCAN_ARTEFACTS (or the
// system's temporary folder).
type shots struct {
	t   *testing.T
	ctx context.Context
}

func (s shots) take(name string) {
	if !*updateShots {
		return
	}
	png, err := chromedp.Run(s.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		s.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	dir := filepath.Join("..", "docs", "screenshots")
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		s.t.Error(err)
	}
}

func (s shots) onFailure() {
	if !s.t.Failed() {
		return
	}
	dir := os.Getenv("AUPSCAN_ARTEFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "aupscan-artefacts")
	}
	os.MkdirAll(dir, 0o755)
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		s.t.Logf("no failure screenshot: %v", err)
		return
	}
	p := filepath.Join(dir, s.t.Name()+"-"+time.Now().UTC().Format("20060102T150405")+".png")
	if err := os.WriteFile(p, png, 0o644); err == nil {
		s.t.Logf("failure screenshot: %s", p)
	}
}

// TestBrowser is the whole path in a real browser: a finding becomes a notice in
// mailpit; the tenant follows the notice's link, reads the evidence and the deadline,
// and appeals; a reviewer signs in, finds the appeal in the queue and resolves the
// case; the tenant's page shows the outcome.
func TestBrowser(t *testing.T) {
	mp := testenv.StartMailpit(t)
	ctx, cancel := browser(t)
	defer cancel()
	sh := shots{t: t, ctx: ctx}
	defer sh.onFailure()
	r := newRig(t, mp.SMTPPort)
	r.notice(t, vpnServer("vm-1", t0))

	msgs := mp.Messages()
	if len(msgs) != 1 {
		t.Fatalf("mailpit holds %d messages, want the warning", len(msgs))
	}
	body, _ := mp.Parsed(msgs[0].ID)
	link := linkRe.FindString(body)
	if link == "" {
		t.Fatalf("no case link in the notice:\n%s", body)
	}
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return strings.TrimSpace(s)
	}

	// The tenant reads the page.
	do(chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#evidence-text")))
	sh.take("tenant-page")
	if ev := text("#evidence-text"); !strings.Contains(ev, "P_CONTROL_HARD_RESET_SERVER_V2") {
		t.Errorf("evidence %q", ev)
	}
	if did := text("#did"); did != "accepted VPN connections on 1194/udp from 203.0.113.7" {
		t.Errorf("what it did: %q", did)
	}
	// The reminder is due a day after the warning: 17:00 in Shanghai on 3 March.
	if ladder := text("#ladder"); !strings.Contains(ladder, "Tuesday 3 March 2026, 17:00 CST (Asia/Shanghai, UTC+08:00)") {
		t.Errorf("ladder lacks the reminder's date in the tenant's zone:\n%s", ladder)
	}
	if st := text("#state"); st != "Open" {
		t.Errorf("state %q", st)
	}
	do(chromedp.Click(chromedp.CSS(`a[hreflang="zh-CN"]`)), chromedp.WaitVisible(chromedp.CSS(`html[lang="zh-CN"] #did`)))
	sh.take("tenant-page-zh-CN")
	if zh := text("#did"); !strings.Contains(zh, "接受了来自 203.0.113.7 的VPN连接") {
		t.Errorf("zh-CN: %q", zh)
	}

	// On a phone: nothing wider than the screen; every field labelled, one h1.
	do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(link+"?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("#evidence-text")))
	sh.take("tenant-page-phone")
	checkLayout(t, ctx, "tenant page on a phone", 390)
	do(chromedp.EmulateViewport(1000, 900))

	// The tenant appeals.
	do(chromedp.Navigate(link+"?lang=en"),
		chromedp.SendKeys(chromedp.CSS("#appeal-text"), "This VM runs our own office VPN for our staff only."),
		chromedp.Click(chromedp.CSS("#appeal")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	if flash, st := text(".flash"), text("#state"); !strings.Contains(flash, "appeal is recorded") || !strings.Contains(st, "Appealed") {
		t.Errorf("after the appeal: %q, state %q", flash, st)
	}

	// A reviewer signs in and finds it in the queue.
	do(chromedp.Navigate(r.base+"/staff/login"), chromedp.WaitVisible(chromedp.CSS("#user")))
	sh.take("staff-login")
	checkLayout(t, ctx, "sign-in", 0)
	do(chromedp.SendKeys(chromedp.CSS("#user"), RoleReviewer),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("#queue")))
	sh.take("staff-queue")
	if n, q := text("#count-appealed"), text("#queue"); n != "1" || !strings.Contains(q, "AUP-000001") || !strings.Contains(q, "appealed") {
		t.Errorf("queue: %s appealed;\n%s", n, q)
	}
	do(chromedp.Click(chromedp.CSS(`a[href="/staff/case/1"]`)), chromedp.WaitVisible(chromedp.CSS("#audit")))
	sh.take("staff-case")
	if audit := text("#audit"); !strings.Contains(audit, "tenant@127.0.0.1") || !strings.Contains(audit, "office VPN") {
		t.Errorf("audit trail lacks the tenant's appeal with its address:\n%s", audit)
	}
	do(chromedp.Click(chromedp.CSS("#preview")), chromedp.WaitVisible(chromedp.CSS("#preview-body")))
	sh.take("staff-preview")
	do(chromedp.Navigate(r.base+"/staff/case/1"), chromedp.WaitVisible(chromedp.CSS("#reason")),
		chromedp.SendKeys(chromedp.CSS("#reason"), "Own staff VPN, allowed by the contract's annex B."),
		chromedp.Click(chromedp.CSS("#act-resolve")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	if st := text("#state"); st != "resolved" {
		t.Errorf("console after resolving: %q", st)
	}

	// The tenant's page shows the outcome.
	do(chromedp.Navigate(link+"?lang=en"), chromedp.WaitVisible(chromedp.CSS("#state")))
	sh.take("tenant-page-resolved")
	if st := text("#state"); !strings.Contains(st, "Resolved") {
		t.Errorf("tenant page after the review: %q", st)
	}
}

// checkLayout checks the page in the browser: one h1, a label for every field and,
// when width is set, nothing wider than that. It reads the page through the DevTools
// protocol: the page itself runs no script.
func checkLayout(t *testing.T, ctx context.Context, what string, width int) {
	t.Helper()
	labelled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll(
		'input:not([type=hidden]), textarea, select')].every(e => e.labels && e.labels.length > 0)`))
	if err != nil || !labelled {
		t.Errorf("%s: a field without a label (%v)", what, err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('h1').length`))
	if err != nil || h1 != 1 {
		t.Errorf("%s: %d h1 headings (%v), want 1", what, h1, err)
	}
	if width > 0 {
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || w > width {
			t.Errorf("%s: %d pixels wide (%v), want at most %d", what, w, err, width)
		}
	}
}
