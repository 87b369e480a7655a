package notify

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	netmail "net/mail"
	"net/url"
	"slices"
	"time"

	"github.com/aupscan/aupscan/notify/libvirt"
	"github.com/aupscan/aupscan/notify/mail"
)

// Validate fills in defaults and checks the configuration's meaning, reporting every
// mistake it finds, each naming file and key.
func (c *Config) Validate(file string) error {
	c.defaults()
	var errs []error
	bad := func(key, format string, a ...any) {
		errs = append(errs, &ConfigError{File: file, Key: key, Msg: fmt.Sprintf(format, a...)})
	}
	c.Policy.validate(bad)
	c.validateTenants(bad)
	for i, e := range c.Exemptions {
		key := fmt.Sprintf("exemption[%d]", i)
		if c.Tenant(e.Tenant) == nil {
			bad(key+".tenant", "unknown tenant %q", e.Tenant)
		}
		if e.Rule != "" && e.Category != "" {
			bad(key, "name a rule or a category, not both")
		}
		if e.Reason == "" {
			bad(key+".reason", "an exemption needs a reason")
		}
	}
	validateMail(&c.Mail, bad)
	c.Hook.validate(bad)
	return errors.Join(errs...)
}

func (c *Config) defaults() {
	d := DefaultPolicy()
	p := &c.Policy
	if p.Violations == nil {
		p.Violations = d.Violations
	}
	if len(p.Ladder.steps()) == 0 {
		p.Ladder = d.Ladder
	}
	if p.ResolveAfter.IsZero() {
		p.ResolveAfter = d.ResolveAfter
	}
	if p.RecheckQuiet.IsZero() {
		p.RecheckQuiet = Delay{Days: 1}
	}
	if p.Suspension == "" {
		p.Suspension = d.Suspension
	}
	if p.Retention == 0 {
		p.Retention = d.Retention
	}
	for i := range c.Tenants {
		t := &c.Tenants[i]
		if t.Locale == "" {
			t.Locale = "en"
		}
		if t.TimeZone == "" {
			t.TimeZone = "UTC"
		}
	}
	m := &c.Mail
	if m.MaxAttempts == 0 {
		m.MaxAttempts = 10
	}
	if m.Backoff == 0 {
		m.Backoff = Duration(30 * time.Second)
	}
	if m.MaxBackoff == 0 {
		m.MaxBackoff = Duration(time.Hour)
	}
	if m.SMTP.Host != "" && m.SMTP.TLS == "" {
		m.SMTP.TLS = "starttls"
	}
	if m.SMTP.Port == 0 {
		m.SMTP.Port = map[string]int{"implicit": 465, "none": 25}[m.SMTP.TLS]
		if m.SMTP.Port == 0 {
			m.SMTP.Port = 587
		}
	}
	a := &c.Hook
	if a.Backoff == 0 {
		a.Backoff = Duration(30 * time.Second)
	}
	if a.MaxBackoff == 0 {
		a.MaxBackoff = Duration(time.Hour)
	}
	if a.Timeout == 0 {
		a.Timeout = Duration(30 * time.Second)
	}
}

func (p *Policy) validate(bad func(key, format string, a ...any)) {
	for _, v := range p.Violations {
		if !slices.Contains(Categories, v) {
			bad("policy.violations", "unknown category %q", v)
		}
	}
	for _, v := range p.DryRunCategories {
		if !slices.Contains(Categories, v) {
			bad("policy.dry_run_categories", "unknown category %q", v)
		}
	}
	for cat, conf := range p.MinConfidence {
		if !slices.Contains(Categories, cat) {
			bad("policy.min_confidence."+cat, "unknown category")
		}
		if confidenceRank[conf] == 0 {
			bad("policy.min_confidence."+cat, "confidence %q is not low, medium or high", conf)
		}
	}
	validateLadder("policy.ladder", p.Ladder, bad)
	for cat, l := range p.CategoryLadders {
		if !slices.Contains(Categories, cat) {
			bad("policy.category_ladder."+cat, "unknown category")
		}
		validateLadder("policy.category_ladder."+cat, l, bad)
	}
	for sev, l := range p.SeverityLadders {
		if !slices.Contains([]string{"low", "medium", "high", "critical"}, sev) {
			bad("policy.severity_ladder."+sev, "unknown severity")
		}
		validateLadder("policy.severity_ladder."+sev, l, bad)
	}
	for role, cats := range p.RoleLadders {
		if !slices.Contains([]string{"server", "client", "installed"}, role) {
			bad("policy.role_ladder."+role, "unknown role: server, client or installed")
		}
		for cat, l := range cats {
			if !slices.Contains(Categories, cat) {
				bad("policy.role_ladder."+role+"."+cat, "unknown category")
			}
			validateLadder("policy.role_ladder."+role+"."+cat, l, bad)
		}
	}
	if p.Suspension != SuspendApprove && p.Suspension != SuspendAuto {
		bad("policy.suspension", "%q is not approve or auto", p.Suspension)
	}
	if p.MaxNoticesPerDay < 0 {
		bad("policy.max_notices_per_day", "must be >= 0")
	}
	refuseNegative(bad, map[string]Duration{"policy.retention": p.Retention})
}

// validateLadder insists on a first notice and on stages in time order: a tenant must
// never be suspended before being warned.
func validateLadder(key string, l Ladder, bad func(key, format string, a ...any)) {
	if l.Warning == nil {
		bad(key+".warning", "a ladder starts with a warning")
	}
	if l.Suspend != nil && l.Final == nil {
		bad(key+".final", "a ladder that suspends needs a final notice first")
	}
	steps := l.steps()
	for i := 1; i < len(steps); i++ {
		if steps[i].delay.Approx() < steps[i-1].delay.Approx() {
			bad(key+"."+string(steps[i].stage), "comes before %s", steps[i-1].stage)
		}
	}
}

func (c *Config) validateTenants(bad func(key, format string, a ...any)) {
	ids := map[string]bool{}
	hosts := map[string]string{}
	for i := range c.Tenants {
		t := &c.Tenants[i]
		key := fmt.Sprintf("tenant[%d]", i)
		if t.ID == "" {
			bad(key+".id", "missing")
		} else if ids[t.ID] {
			bad(key+".id", "duplicate tenant %q", t.ID)
		}
		ids[t.ID] = true
		for _, h := range t.Hosts {
			if other, ok := hosts[h]; ok {
				bad(key+".hosts", "host %q already belongs to tenant %q", h, other)
			}
			hosts[h] = t.ID
		}
		if len(t.Contacts) == 0 {
			bad(key+".contact", "tenant %q has no contact to notify", t.ID)
		}
		for j, ct := range t.Contacts {
			if _, err := netmail.ParseAddress(ct.Address); err != nil {
				bad(fmt.Sprintf("%s.contact[%d].address", key, j), "%v", err)
			}
		}
		if !slices.Contains(mail.Locales, t.Locale) {
			bad(key+".locale", "%q is not one of %v", t.Locale, mail.Locales)
		}
		loc, err := time.LoadLocation(t.TimeZone)
		if err != nil {
			bad(key+".time_zone", "%v", err)
		}
		t.loc = loc
	}
}

func validateMail(m *mail.Config, bad func(key, format string, a ...any)) {
	if _, err := netmail.ParseAddress(m.From); err != nil {
		bad("mail.from", "%v", err)
	}
	if m.ReplyTo != "" {
		if _, err := netmail.ParseAddress(m.ReplyTo); err != nil {
			bad("mail.reply_to", "%v", err)
		}
	}
	switch {
	case m.SMTP.Host == "" && m.Folder == "":
		bad("mail", "set smtp.host or folder")
	case m.SMTP.Host != "" && m.Folder != "":
		bad("mail", "set smtp.host or folder, not both")
	}
	if !slices.Contains([]string{"starttls", "implicit", "none", ""}, m.SMTP.TLS) {
		bad("mail.smtp.tls", "%q is not starttls, implicit or none", m.SMTP.TLS)
	}
	if m.SMTP.Password != "" && m.SMTP.PasswordFile != "" {
		bad("mail.smtp.password_file", "set password or password_file, not both")
	}
	if m.MaxAttempts < 1 {
		bad("mail.max_attempts", "must be >= 1")
	}
	refuseNegative(bad, map[string]Duration{"mail.backoff": m.Backoff, "mail.max_backoff": m.MaxBackoff,
		"mail.lease": m.Lease, "mail.smtp.timeout": m.SMTP.Timeout})
	// A claim must outlast one attempt, or a slow send could be taken over and sent
	// twice.
	if timeout := cmp.Or(m.SMTP.Timeout, Duration(30*time.Second)); m.Lease != 0 && m.Lease < 2*timeout {
		bad("mail.lease", "must be at least twice mail.smtp.timeout (%v)", time.Duration(timeout))
	}
}

func (a *Hook) validate(bad func(key, format string, a ...any)) {
	if n := btoi(len(a.Command) > 0) + btoi(a.Webhook != "") + btoi(a.Libvirt.Enabled()); n > 1 {
		bad("action", "set one of command, webhook or libvirt, not %d", n)
	}
	a.Libvirt.Check(func(key, format string, args ...any) { bad("action."+key, format, args...) })
	if a.Webhook != "" {
		u, err := url.Parse(a.Webhook)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			bad("action.webhook", "not an http(s) URL")
		}
		if a.Secret == "" && a.SecretFile == "" {
			bad("action.secret", "a webhook needs a secret to sign with")
		}
	}
	if a.Secret != "" && a.SecretFile != "" {
		bad("action.secret_file", "set secret or secret_file, not both")
	}
	refuseNegative(bad, map[string]Duration{"action.timeout": a.Timeout, "action.backoff": a.Backoff,
		"action.max_backoff": a.MaxBackoff, "action.lease": a.Lease})
	if a.Lease != 0 && a.Lease < 2*a.Timeout {
		bad("action.lease", "must be at least twice action.timeout (%v)", time.Duration(a.Timeout))
	}
	if lv := a.Libvirt; lv.Enabled() && lv.Mode == libvirt.ModeShutdown && lv.ShutdownTimeout >= a.Timeout {
		bad("action.libvirt.shutdown_timeout", "must be shorter than action.timeout (%v): the power-off comes after it", time.Duration(a.Timeout))
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// refuseNegative reports each duration below zero, in the order of its key: no span
// of time in the configuration may be negative.
func refuseNegative(bad func(key, format string, a ...any), durations map[string]Duration) {
	for _, key := range slices.Sorted(maps.Keys(durations)) {
		if durations[key] < 0 {
			bad(key, "must not be negative")
		}
	}
}

// Tenant returns the tenant with this id, or nil.
func (c *Config) Tenant(id string) *Tenant {
	for i := range c.Tenants {
		if c.Tenants[i].ID == id {
			return &c.Tenants[i]
		}
	}
	return nil
}

// TenantOf returns the tenant a host belongs to, or nil.
func (c *Config) TenantOf(host string) *Tenant {
	for i := range c.Tenants {
		if slices.Contains(c.Tenants[i].Hosts, host) {
			return &c.Tenants[i]
		}
	}
	return nil
}
