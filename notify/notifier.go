package notify

import (
	"context"
	"log/slog"
	netmail "net/mail"
	"strings"
	"time"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// A Notifier turns findings into cases and cases into notices and actions. It holds no
// state of its own beyond the configuration: everything it decides is in the Store.
type Notifier struct {
	cfg    *Config
	store  *store.Store
	render *mail.Renderer
	log    *slog.Logger
	opts   Options
}

// Options are the Notifier's optional collaborators.
type Options struct {
	Logger *slog.Logger
	// Describe returns a rule's name and description for notices (from the rule set);
	// without it a notice names the rule as the finding did.
	Describe func(rule, locale string) (name, description string)
	// Now is the clock for audit times; time.Now when nil.
	Now func() time.Time
	// Links puts a link to the case's page in every notice ([web] public_url).
	Links Links
}

// Links are the case page links notices carry: BaseURL + "/t/" + a random token
// bound to the case and tenant, stored hashed, valid for TTL. Empty BaseURL: none.
type Links struct {
	BaseURL string
	TTL     time.Duration
}

// DefaultLinkTTL is how long a case link stays valid unless [web] token_ttl says.
const DefaultLinkTTL = 90 * 24 * time.Hour

// New returns a Notifier over a validated configuration, a store and a renderer.
func New(cfg *Config, st *store.Store, r *mail.Renderer, o Options) *Notifier {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Notifier{cfg: cfg, store: st, render: r, log: o.Logger, opts: o}
}

// Store returns the notifier's store.
func (n *Notifier) Store() *store.Store { return n.store }

func (n *Notifier) now() time.Time { return n.opts.Now() }

// withZone sets the tenant's time zone on a loaded case.
func (n *Notifier) withZone(c store.Case) store.Case {
	if t := n.cfg.Tenant(c.Tenant); t != nil {
		c.Loc = t.Location()
	}
	return c
}

// describe returns the rule name and description for a case's notices, in the
// notice's locale where the rule carries a translation.
func (n *Notifier) describe(c store.Case, locale string) (string, string) {
	if n.opts.Describe != nil {
		if name, desc := n.opts.Describe(c.Rule, locale); name != "" {
			return name, desc
		}
	}
	return c.RuleName, ""
}

// domain is the right-hand side of the Message-IDs this notifier mints.
func (n *Notifier) domain() string {
	if n.cfg.Mail.Domain != "" {
		return n.cfg.Mail.Domain
	}
	if a, err := netmail.ParseAddress(n.cfg.Mail.From); err == nil {
		if i := strings.LastIndexByte(a.Address, '@'); i >= 0 {
			return a.Address[i+1:]
		}
	}
	return "aupscan.invalid"
}

// links gives each item a fresh link to its case's page (none without Links.BaseURL).
func (n *Notifier) links(ctx context.Context, tx store.Tx, items []mail.NoticeItem, now time.Time) error {
	l := n.opts.Links
	if l.BaseURL == "" {
		return nil
	}
	ttl := l.TTL
	if ttl <= 0 {
		ttl = DefaultLinkTTL
	}
	for i := range items {
		tok, err := tx.NewToken(ctx, &items[i].Case, now, now.Add(ttl))
		if err != nil {
			return err
		}
		items[i].Link = CaseLink(l.BaseURL, tok)
	}
	return nil
}

// CaseLink is the address of a case page for a token.
func CaseLink(base, token string) string { return strings.TrimRight(base, "/") + "/t/" + token }

// Config returns the notifier's configuration (read only).
func (n *Notifier) Config() *Config { return n.cfg }

// Decide returns what is due for case c at now under the notifier's policy.
func (n *Notifier) Decide(c store.Case, now time.Time) Decision { return n.decide(n.withZone(c), now) }

// Describer returns the rule describer the notifier was given (nil without).
func (n *Notifier) Describer() func(rule, locale string) (string, string) { return n.opts.Describe }
