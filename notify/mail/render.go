package mail

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	netmail "net/mail"
	"os"
	"path"
	"strings"
	texttemplate "text/template"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

//go:embed templates
var embedded embed.FS

// Locales the embedded templates are written in.
var Locales = []string{"en", "zh-CN"}

// Kinds of notice with their own templates: one per stage, and the digest that carries
// several cases.
const kindDigest = "digest"

var kinds = []string{string(store.StageWarning), string(store.StageReminder), string(store.StageFinal), string(store.StageResolved),
	string(store.StageSuspended), string(store.StageReinstated), kindDigest}

// A Renderer turns notices into messages with the embedded templates, or with the
// files of an override folder laid out the same way (LOCALE/KIND.txt, LOCALE/KIND.html,
// LOCALE/common.txt, LOCALE/common.html).
type Renderer struct {
	text map[string]*texttemplate.Template // by "locale/kind"
	html map[string]*htmltemplate.Template
}

// NewRenderer parses every template, preferring files in overrideDir (may be empty)
// to the embedded ones; a template that does not parse is an error naming its file.
func NewRenderer(overrideDir string) (*Renderer, error) {
	sub, _ := fs.Sub(embedded, "templates")
	fsys := sub
	if overrideDir != "" {
		fsys = overlay{os.DirFS(overrideDir), sub}
	}
	r := &Renderer{text: map[string]*texttemplate.Template{}, html: map[string]*htmltemplate.Template{}}
	for _, loc := range Locales {
		for _, k := range kinds {
			if err := r.parse(fsys, loc, k); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

func (r *Renderer) parse(fsys fs.FS, loc, kind string) error {
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(fsys, path.Join(loc, name))
		if err != nil {
			return "", fmt.Errorf("template %s/%s: %w", loc, name, err)
		}
		return string(b), nil
	}
	tt := texttemplate.New("").Option("missingkey=error").Funcs(texttemplate.FuncMap(funcs))
	ht := htmltemplate.New("").Option("missingkey=error").Funcs(htmltemplate.FuncMap(funcs))
	for _, name := range []string{"common.txt", kind + ".txt"} {
		src, err := read(name)
		if err != nil {
			return err
		}
		if _, err := tt.New(name).Parse(src); err != nil {
			return fmt.Errorf("template %s/%s: %w", loc, name, err)
		}
	}
	for _, name := range []string{"common.html", kind + ".html"} {
		src, err := read(name)
		if err != nil {
			return err
		}
		if _, err := ht.New(name).Parse(src); err != nil {
			return fmt.Errorf("template %s/%s: %w", loc, name, err)
		}
	}
	r.text[loc+"/"+kind], r.html[loc+"/"+kind] = tt, ht
	return nil
}

// funcs are the few helpers templates may call.
var funcs = map[string]any{"add": func(a, b int) int { return a + b }}

// overlay reads a file from the first file system that has it.
type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	var err error
	for _, f := range o {
		var file fs.File
		if file, err = f.Open(name); err == nil {
			return file, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, err
}

// A Notice is what a message says: the items of one tenant, due in one run.
type Notice struct {
	Tenant Addressee
	Mail   *Config
	Items  []NoticeItem
	// Date is the message's date: when it was queued, so every attempt is identical.
	Date time.Time
	// ID is the Message-ID (from MessageID).
	ID string
	// Review says a suspension waits for an operator's review (approve mode).
	Review bool
}

// An Addressee is the tenant a notice is for, as much of it as the notice shows:
// its name, language, time zone and policy clause, and the contacts it goes to.
type Addressee struct {
	ID     string
	Name   string
	Locale string
	// Location is the tenant's time zone: deadlines and the Date header are shown in
	// it (UTC when nil).
	Location *time.Location
	Clause   string
	Contacts []Contact
}

// A Contact is one address a tenant's notices go to: [[notify.tenant.contact]] in
// the configuration.
type Contact struct {
	Name    string `toml:"name"`
	Address string `toml:"address"`
}

// location is the addressee's time zone, UTC when it has none.
func (a *Addressee) location() *time.Location {
	if a.Location == nil {
		return time.UTC
	}
	return a.Location
}

// A NoticeItem is one case at one stage, with the deadline the notice shows.
type NoticeItem struct {
	Case     store.Case
	Stage    store.Stage
	Deadline time.Time
	// RuleName and Description explain the rule; RuleName falls back to the case's.
	RuleName    string
	Description string
	// Link is the address of the case's page (with its token), "" for none.
	Link string
}

// Render renders the notice in its tenant's locale as a complete message.
func (r *Renderer) Render(n Notice) (Message, error) {
	if len(n.Items) == 0 {
		return Message{}, fmt.Errorf("render: notice without items")
	}
	v := newView(n)
	key := v.Locale + "/" + v.Kind
	tt, ht := r.text[key], r.html[key]
	if tt == nil {
		return Message{}, fmt.Errorf("render: no template for %s", key)
	}
	var subj, text, html bytes.Buffer
	if err := tt.ExecuteTemplate(&subj, "subject", v); err != nil {
		return Message{}, fmt.Errorf("render %s subject: %w", key, err)
	}
	if err := tt.ExecuteTemplate(&text, v.Kind+".txt", v); err != nil {
		return Message{}, fmt.Errorf("render %s text: %w", key, err)
	}
	if err := ht.ExecuteTemplate(&html, v.Kind+".html", v); err != nil {
		return Message{}, fmt.Errorf("render %s html: %w", key, err)
	}
	from, to, replyTo, err := addresses(n)
	if err != nil {
		return Message{}, err
	}
	refs := make([]string, len(n.Items))
	for i, it := range n.Items {
		refs[i] = it.Case.Ref() + " " + string(it.Stage)
	}
	subject := strings.TrimSpace(subj.String())
	raw, err := compose(n.ID, n.Date.In(n.Tenant.location()), from, to, replyTo, subject,
		text.String(), html.String(), map[string]string{"X-Aupscan-Cases": strings.Join(refs, ", ")})
	if err != nil {
		return Message{}, fmt.Errorf("render %s: %w", key, err)
	}
	m := Message{ID: n.ID, From: from.Address, Subject: subject, Raw: raw}
	for _, a := range to {
		m.To = append(m.To, a.Address)
	}
	return m, nil
}

func addresses(n Notice) (from netmail.Address, to []netmail.Address, replyTo *netmail.Address, err error) {
	f, err := netmail.ParseAddress(n.Mail.From)
	if err != nil {
		return from, nil, nil, fmt.Errorf("render: mail.from: %w", err)
	}
	if f.Name == "" {
		f.Name = n.Mail.Operator
	}
	for _, c := range n.Tenant.Contacts {
		a, err := netmail.ParseAddress(c.Address)
		if err != nil {
			return from, nil, nil, fmt.Errorf("render: tenant %s contact: %w", n.Tenant.ID, err)
		}
		if c.Name != "" {
			a.Name = c.Name
		}
		to = append(to, *a)
	}
	if len(to) == 0 {
		return from, nil, nil, fmt.Errorf("render: tenant %s has no contact", n.Tenant.ID)
	}
	if n.Mail.ReplyTo != "" {
		if replyTo, err = netmail.ParseAddress(n.Mail.ReplyTo); err != nil {
			return from, nil, nil, fmt.Errorf("render: mail.reply_to: %w", err)
		}
	}
	return *f, to, replyTo, nil
}
