package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/store"
)

// TestTenantPage: the link in the notice opens the case's page with its evidence in
// plain words, the host's role, the clause, the ladder in the tenant's zone and the
// notice sent; the page is served with the strict headers.
func TestTenantPage(t *testing.T) {
	r := newRig(t, 0)
	links := r.notice(t, vpnServer("vm-1", t0))
	link := links["AUP-000001"]
	if link == "" {
		t.Fatalf("no link in the notice: %v", links)
	}
	c := r.client(t)
	resp, err := c.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("CSP %q", csp)
	}
	if rp := resp.Header.Get("Referrer-Policy"); rp != "no-referrer" {
		t.Errorf("Referrer-Policy %q: the token in the path must not leak", rp)
	}
	code, page := get(t, c, link)
	if code != http.StatusOK {
		t.Fatalf("page: %d", code)
	}
	for _, want := range []string{"AUP-000001", "OpenVPN server", "accepted VPN connections on 1194/udp from 203.0.113.7",
		"server (it accepted the connections)", "4.2 The customer shall not operate", "Asia/Shanghai",
		"Monday 2 March 2026, 17:00 CST", // t0 (09:00 UTC) in the tenant's zone
		"Reminder", "Final notice", "Earliest suspension", "Open"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	_, zh := get(t, c, link+"?lang=zh-CN")
	for _, want := range []string{`lang="zh-CN"`, "在 1194/udp 上接受了来自 203.0.113.7 的VPN连接", "2026年3月2日"} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh-CN page lacks %q", want)
		}
	}
}

// TestBadTokens: expired, altered, revoked and made-up links open nothing and say
// nothing about why; a link opens its own case and no other.
func TestBadTokens(t *testing.T) {
	r := newRig(t, 0, func(c *Config) { c.TokenTTL = Duration(48 * time.Hour) })
	links := r.notice(t, vpnServer("vm-1", t0), vpnServer("vm-9", t0))
	mine, theirs := links["AUP-000001"], links["AUP-000002"]
	if mine == "" || theirs == "" {
		t.Fatalf("links %v", links)
	}
	c := r.client(t)
	_, page := get(t, c, mine)
	if !strings.Contains(page, "AUP-000001") || strings.Contains(page, "AUP-000002") || strings.Contains(page, "vm-9") {
		t.Errorf("a link shows another case")
	}
	tok := mine[strings.LastIndex(mine, "/")+1:]
	flip := []byte(tok)
	flip[0] ^= 0x01
	invalid := map[string]string{
		"altered":   r.base + "/t/" + string(flip),
		"truncated": r.base + "/t/" + tok[:40],
		"made up":   r.base + "/t/" + strings.Repeat("A", 43),
		"traversal": r.base + "/t/..%2f..%2fstaff",
	}
	for name, u := range invalid {
		if code, body := get(t, c, u); code != http.StatusNotFound || !strings.Contains(body, "This link is not valid") {
			t.Errorf("%s link: %d", name, code)
		}
	}
	// Posting to case 1's page with case 2's form token changes neither.
	_, page2 := get(t, c, theirs)
	resp, _ := post(t, c, mine, url.Values{"csrf": {csrfOf(t, page2)}, "action": {"appeal"}, "text": {"not mine"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("another page's form token: %s", resp.Status)
	}
	// Revoked: staff revoke case 1's links.
	if _, err := r.st.RevokeTokens(r.ctx, 1, r.clk.Now()); err != nil {
		t.Fatal(err)
	}
	if code, _ := get(t, c, mine); code != http.StatusNotFound {
		t.Errorf("revoked link: %d", code)
	}
	r.clk.Add(48 * time.Hour)
	if code, _ := get(t, c, theirs); code != http.StatusNotFound {
		t.Errorf("expired link: %d", code)
	}
	for _, id := range []int64{1, 2} {
		if c, _ := r.st.Case(r.ctx, id); c.Appealed || c.Attention {
			t.Errorf("%s changed by a refused post", c.Ref())
		}
	}
}

// TestCSRF: a post without the form's token, with a wrong one, or from another site
// is refused, on the tenant page, the login and the console; nothing changes.
func TestCSRF(t *testing.T) {
	r := newRig(t, 0)
	link := r.notice(t, vpnServer("vm-1", t0))["AUP-000001"]
	c := r.client(t)
	_, page := get(t, c, link)
	good := csrfOf(t, page)
	for name, try := range map[string]struct {
		form url.Values
		hdr  []string
	}{
		"no token":    {url.Values{"action": {"appeal"}, "text": {"x"}}, nil},
		"wrong token": {url.Values{"action": {"appeal"}, "text": {"x"}, "csrf": {good[:len(good)-2] + "AA"}}, nil},
		"cross-site":  {url.Values{"action": {"appeal"}, "text": {"x"}, "csrf": {good}}, []string{"Sec-Fetch-Site", "cross-site"}},
		"foreign origin": {url.Values{"action": {"appeal"}, "text": {"x"}, "csrf": {good}},
			[]string{"Origin", "https://evil.example"}},
	} {
		if resp, _ := post(t, c, link, try.form, try.hdr...); resp.StatusCode != http.StatusForbidden {
			t.Errorf("tenant post, %s: %s", name, resp.Status)
		}
	}
	staff := r.login(t, RoleApprover)
	for _, form := range []url.Values{{"action": {"resolve"}}, {"action": {"resolve"}, "csrf": {good}}} {
		if resp, _ := post(t, staff, r.base+"/staff/case/1", form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("staff post %v: %s", form, resp.Status)
		}
	}
	if resp, _ := post(t, r.client(t), r.base+"/staff/login", url.Values{"user": {"approver"}, "password": {password}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("login without the form's token: %s", resp.Status)
	}
	cs, _ := r.st.Case(r.ctx, 1)
	if cs.Appealed || cs.State != store.StateOpen {
		t.Errorf("case changed by refused posts: %+v", cs)
	}
	// The right token works: the refusals above were for the missing token.
	if resp, _ := post(t, c, link, url.Values{"action": {"ack"}, "csrf": {good}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("tenant post with its token: %s", resp.Status)
	}
}

// TestRoles: only an approver approves a suspension; a viewer changes nothing.
func TestRoles(t *testing.T) {
	r := newRig(t, 0)
	r.notice(t, vpnServer("vm-1", t0))
	for _, d := range []time.Duration{24 * time.Hour, 24 * time.Hour} {
		r.clk.Add(d)
		r.notice(t)
	}
	if c, _ := r.st.Case(r.ctx, 1); c.Stage != store.StageFinal {
		t.Fatalf("stage %q, want final", c.Stage)
	}
	act := func(role, action string) (*http.Response, string) {
		c := r.login(t, role)
		_, page := get(t, c, r.base+"/staff/case/1")
		return post(t, c, r.base+"/staff/case/1", url.Values{"csrf": {csrfOf(t, page)}, "action": {action}, "reason": {"checked"}})
	}
	if resp, body := act(RoleReviewer, "approve"); resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "approver") {
		t.Errorf("reviewer approving: %s", resp.Status)
	}
	if resp, _ := act(RoleViewer, "resolve"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("viewer resolving: %s", resp.Status)
	}
	if c, _ := r.st.Case(r.ctx, 1); c.Approved || c.State != store.StateOpen {
		t.Fatalf("refused actions changed the case: approved %v, %s", c.Approved, c.State)
	}
	if resp, _ := act(RoleApprover, "approve"); resp.StatusCode != http.StatusSeeOther || !strings.Contains(resp.Header.Get("Location"), "done=approve") {
		t.Errorf("approver approving: %s %s", resp.Status, resp.Header.Get("Location"))
	}
	if c, _ := r.st.Case(r.ctx, 1); !c.Approved || c.ApprovedBy != RoleApprover {
		t.Errorf("approval not recorded: %v by %q", c.Approved, c.ApprovedBy)
	}
}

// hostile is HTML, a script, a bidi override and a CR LF, as a tenant's traffic or
// files may carry them into evidence.
const hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\u202e\r\nX-Injected: 1"

// TestHostileStrings: every string a tenant controls (what its traffic and files put
// in the evidence, the appeal it writes) reaches the page and the console escaped
// and cleaned, never as markup.
func TestHostileStrings(t *testing.T) {
	r := newRig(t, 0)
	f := vpnServer("vm-1", t0)
	f.Evidence, f.Subject, f.Name, f.Source = "evidence "+hostile, "subject "+hostile, "name "+hostile, "source "+hostile
	f.Flow = nil
	f.Kind = "file"
	f.SHA256 = hostile
	link := r.notice(t, f)["AUP-000001"]
	c := r.client(t)
	_, page := get(t, c, link)
	if resp, _ := post(t, c, link, url.Values{"csrf": {csrfOf(t, page)}, "action": {"appeal"}, "text": {"appeal " + hostile}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("appeal: %s", resp.Status)
	}
	staff := r.login(t, RoleReviewer)
	pages := map[string]string{"tenant page": page}
	_, pages["case page"] = get(t, staff, r.base+"/staff/case/1")
	_, pages["queue"] = get(t, staff, r.base+"/staff/?state=all")
	_, pages["preview"] = get(t, staff, r.base+"/staff/case/1/preview?stage=reminder")
	for name, p := range pages {
		for _, bad := range []string{"<script>", "<img", "\u202e", "\r\nX-Injected"} {
			if strings.Contains(p, bad) {
				t.Errorf("%s carries %q unescaped", name, bad)
			}
		}
	}
	for _, want := range []string{"&lt;script&gt;", `\u202e`, `\x0d\x0a`} {
		if !strings.Contains(pages["tenant page"], want) {
			t.Errorf("tenant page lacks the escaped %q", want)
		}
	}
	if !strings.Contains(pages["case page"], "appeal &lt;script&gt;") {
		t.Errorf("case page lacks the escaped appeal")
	}
}

// TestRateLimits: the login form and the token pages answer 429 past their rate.
func TestRateLimits(t *testing.T) {
	r := newRig(t, 0, func(c *Config) { c.LoginRate, c.PageRate = 4, 10 })
	link := r.notice(t, vpnServer("vm-1", t0))["AUP-000001"]
	c := r.client(t)
	limited := false
	for range 20 {
		if code, _ := get(t, c, link); code == http.StatusTooManyRequests {
			limited = true
			break
		}
	}
	if !limited {
		t.Error("20 page loads at once: never limited")
	}
	_, page := get(t, c, r.base+"/staff/login")
	tok := csrfOf(t, page)
	limited = false
	for range 10 {
		resp, _ := post(t, c, r.base+"/staff/login", url.Values{"csrf": {tok}, "user": {"approver"}, "password": {"wrong password!"}})
		if resp.StatusCode == http.StatusTooManyRequests {
			limited = true
			break
		}
	}
	if !limited {
		t.Error("10 wrong passwords at once: never limited")
	}
}

// TestCookies: the session cookie is Secure, HttpOnly, SameSite=Strict, __Host-.
func TestCookies(t *testing.T) {
	r := newRig(t, 0)
	c := r.client(t)
	_, page := get(t, c, r.base+"/staff/login")
	resp, _ := post(t, c, r.base+"/staff/login", url.Values{"csrf": {csrfOf(t, page)}, "user": {"viewer"}, "password": {password}})
	var found bool
	for _, ck := range resp.Cookies() {
		if ck.Name != sessionCookie || ck.Value == "" {
			continue
		}
		found = true
		if !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Path != "/" || ck.Domain != "" {
			t.Errorf("session cookie %+v", ck)
		}
	}
	if !found {
		t.Fatal("no session cookie after sign-in")
	}
	if code, _ := get(t, c, r.base+"/staff/"); code != http.StatusOK {
		t.Errorf("queue after sign-in: %d", code)
	}
	if code, _ := get(t, r.client(t), r.base+"/staff/"); code != http.StatusSeeOther {
		t.Errorf("queue without a session: %d, want a redirect to the login", code)
	}
}

// TestAppealPausesOncePerStage: the first appeal at a stage holds the ladder; after
// staff resume, a second appeal at the same stage goes to the queue without pausing.
func TestAppealPausesOncePerStage(t *testing.T) {
	r := newRig(t, 0)
	r.notice(t, vpnServer("vm-1", t0))
	paused, err := r.n.TenantAppeal(r.ctx, 1, "192.0.2.1", "we run no VPN")
	if err != nil || !paused {
		t.Fatalf("first appeal: paused %v, %v", paused, err)
	}
	if d := r.n.Decide(mustCase(t, r, 1), r.clk.Now()); d.Action != notify.ActionHold {
		t.Fatalf("after the appeal: %s", d.Action)
	}
	if err := r.n.Resume(r.ctx, 1, "reviewer", "checked: the finding stands"); err != nil {
		t.Fatal(err)
	}
	paused, err = r.n.TenantAppeal(r.ctx, 1, "192.0.2.1", "still wrong")
	if err != nil || paused {
		t.Fatalf("second appeal at the same stage: paused %v, %v", paused, err)
	}
	c := mustCase(t, r, 1)
	if !c.Attention || c.Appealed {
		t.Errorf("second appeal: attention %v, appealed %v; want in the queue, not paused", c.Attention, c.Appealed)
	}
	trail, _ := r.st.Audit(r.ctx, 1)
	if last := trail[len(trail)-1]; last.Actor != "tenant@192.0.2.1" || last.Event != "appeal" {
		t.Errorf("audit: %+v", last)
	}
}

func mustCase(t testing.TB, r *rig, id int64) store.Case {
	t.Helper()
	c, err := r.st.Case(r.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFixedRecheck: "fixed: please check again" asks the daemon for a scan of the
// host, holds the ladder until it has run, and a clean scan closes the case.
func TestFixedRecheck(t *testing.T) {
	var asked []string
	r := newRig(t, 0)
	r.srv.recheck = func(host string) bool { asked = append(asked, host); return true }
	f := vpnServer("vm-1", t0)
	f.Kind, f.Flow, f.Role = "file", nil, "installed"
	link := r.notice(t, f)["AUP-000001"]
	c := r.client(t)
	_, page := get(t, c, link)
	r.clk.Add(time.Hour)
	if resp, _ := post(t, c, link, url.Values{"csrf": {csrfOf(t, page)}, "action": {"fixed"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("fixed: %s", resp.Status)
	}
	if len(asked) != 1 || asked[0] != "vm-1" {
		t.Errorf("re-check asked for %v, want vm-1", asked)
	}
	r.clk.Add(12 * time.Hour) // within the quiet period (1d)
	if d := r.n.Decide(mustCase(t, r, 1), r.clk.Now()); d.Action != notify.ActionHold {
		t.Fatalf("before the scan: %s (%s), want hold", d.Action, d.Reason)
	}
	if n, err := r.n.HostChecked(r.ctx, "vm-1", r.clk.Now()); err != nil || n != 1 {
		t.Fatalf("host checked: %d %v", n, err)
	}
	r.notice(t)
	_, page = get(t, c, link)
	if !strings.Contains(page, "Resolved: case closed") {
		t.Errorf("after a clean re-check the page does not say resolved")
	}
	trail, _ := r.st.Audit(r.ctx, 1)
	found := false
	for _, e := range trail {
		found = found || (e.Event == "re-check requested" && e.Actor == "tenant@127.0.0.1")
	}
	if !found {
		t.Errorf("audit trail lacks the tenant's request: %+v", trail)
	}
}
