package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/store"
	"github.com/aupscan/aupscan/signatures"
)

// clock is the time the case and notice commands act at; tests set it.
var clock = time.Now

// caseEnv is what the case and notice commands work with: the daemon's configuration,
// the case database and the notifier over them.
type caseEnv struct {
	cfg   *config.Config
	store *store.Store
	n     *notify.Notifier
	rules *ruleNames
}

// loadNotifyConfig reads the --config file and returns it when it has a [notify]
// section; every failure is an exit 2 naming the file.
func loadNotifyConfig(g *Globals) (*config.Config, error) {
	cfg, err := config.Load(g.Config)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &exitErr{code: exitError, err: fmt.Errorf("%w (--config FILE names the daemon's configuration)", err)}
	}
	if err != nil {
		return nil, &exitErr{code: exitError, err: err}
	}
	if cfg.Notify == nil {
		return nil, &exitErr{code: exitError, err: fmt.Errorf("%s: no [notify] section: the case and notice commands need its database, tenants and mail settings", g.Config)}
	}
	return cfg, nil
}

// openCases loads the configuration and opens the case database. Only commands that
// add to the database create it; the others need the one the daemon keeps.
func openCases(ctx context.Context, g *Globals, create bool) (*caseEnv, error) {
	cfg, err := loadNotifyConfig(g)
	if err != nil {
		return nil, err
	}
	rn := &ruleNames{opts: signatures.Options{Dirs: append(append([]string{}, cfg.Rules.Dirs...), g.RuleDirs...), NoBuiltin: cfg.Rules.NoBuiltin}}
	st, n, err := notify.Open(ctx, cfg.Notify, notify.OpenOptions{
		Options: notify.Options{Logger: slog.Default(), Describe: rn.describe, Now: clock, Links: links(cfg)}, Create: create})
	var fe *notify.DatabaseFileError
	switch {
	case errors.As(err, &fe) && !fe.Create && errors.Is(fe.Err, fs.ErrNotExist):
		return nil, &exitErr{code: exitError, err: fmt.Errorf("no case database at %s yet (notify.database in %s): aupscand creates it when it first handles findings", fe.Path, g.Config)}
	case errors.As(err, &fe):
		return nil, &exitErr{code: exitError, err: fmt.Errorf("case database (notify.database in %s): %w", g.Config, fe.Err)}
	case err != nil:
		return nil, &exitErr{code: exitError, err: err}
	}
	return &caseEnv{cfg: cfg, store: st, n: n, rules: rn}, nil
}

func (e *caseEnv) Close() error { return e.store.Close() }

// ruleNames gives notices the rule's name and description from the rule set the daemon
// loads (its [rules] folders, and --rules), loaded on first use: listing cases never
// needs it, and a rule folder that does not load leaves the names the findings carried.
type ruleNames struct {
	opts signatures.Options
	once sync.Once
	set  *signatures.Set
}

func (r *ruleNames) describe(id, locale string) (name, description string) {
	r.load()
	if r.set == nil {
		return "", ""
	}
	if rule := r.set.Rule(id); rule != nil {
		return rule.Localized(locale)
	}
	return "", ""
}

// load loads the rule set once; a set that does not load leaves r.set nil.
func (r *ruleNames) load() {
	r.once.Do(func() {
		set, err := signatures.Load(r.opts)
		if err != nil {
			slog.Warn("rules do not load: notices name rules as the findings did", "err", err)
			return
		}
		r.set = set
	})
}

// caseID is a case named on the command line: 42, AUP-000042 or aup-42.
type caseID int64

// UnmarshalText parses a case id or reference.
func (c *caseID) UnmarshalText(b []byte) error {
	s := string(b)
	digits := s
	if len(s) > 4 && strings.EqualFold(s[:4], "AUP-") {
		digits = s[4:]
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n <= 0 || strings.HasPrefix(digits, "+") {
		return fmt.Errorf("bad case id %q: want a number like 42 or a reference like AUP-000042", s)
	}
	*c = caseID(n)
	return nil
}

// caseErr gives a failed case operation its exit code: 1 when the case's state does
// not allow it, 2 for a case that does not exist and everything else.
func caseErr(id caseID, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrNoCase):
		return &exitErr{code: exitError, err: fmt.Errorf("no case %s (aupscan cases list --all lists them)", store.CaseRef(int64(id)))}
	case errors.Is(err, notify.ErrState):
		return &exitErr{code: exitRefused, err: err}
	default:
		return &exitErr{code: exitError, err: err}
	}
}

// actorOf is who an operator command records: --actor, else the user behind sudo, else
// the login user.
func actorOf(flag string) (string, error) {
	for _, a := range []string{flag, os.Getenv("SUDO_USER"), os.Getenv("USER")} {
		if a = strings.TrimSpace(a); a != "" {
			return a, nil
		}
	}
	return "", &exitErr{code: exitError, err: errors.New("who is acting? set --actor (neither $SUDO_USER nor $USER is set)")}
}

// stamp formats a time for the case commands' output: UTC, to the second; "-" for none.
//
// Every time on an operator's screen is in UTC, written with a Z, as notify's
// decisions write theirs: one zone on one screen, whatever the tenants' zones.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04:05Z")
}
