package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner/host"
	"github.com/aupscan/aupscan/scanner/traffic"
	"github.com/aupscan/aupscan/signatures"
)

// engines are what the daemon's scanners run, compiled once per rule set.
type engines struct {
	host    *host.Engine
	traffic *traffic.Engine
}

// rulesDB is the daemon's rule database with the engines it compiles.
type rulesDB = signatures.DB[*engines]

// compileEngines builds both scanners' engines. A traffic section that does not
// compile refuses the whole set: the running rules stay, as for any broken rule.
func compileEngines(s *signatures.Set) (*engines, error) {
	te, err := traffic.Compile(s)
	if err != nil {
		return nil, err
	}
	return &engines{host: host.Compile(s), traffic: te}, nil
}

// openRules loads the rules and logs every problem when they do not load.
func openRules(rc config.RulesConfig, log *slog.Logger) (*rulesDB, error) {
	db, err := signatures.Open(signatures.Options{Dirs: rc.Dirs, NoBuiltin: rc.NoBuiltin}, compileEngines, log)
	if err != nil {
		var ps signatures.Problems
		if errors.As(err, &ps) {
			for _, p := range ps {
				log.Error("rule problem", "problem", p.String())
			}
		}
		return nil, fmt.Errorf("load rules: %w", err)
	}
	return db, nil
}

// logRules says which rules are loaded, then each warning in full, as its own
// record: a count alone ("warnings=1") leaves the operator to guess which.
func logRules(log *slog.Logger, msg string, s *signatures.Set) {
	log.Info(msg, "version", s.Version(), "rules", s.Len(), "warnings", len(s.Warnings()))
	for _, w := range s.Warnings() {
		log.Warn("rule warning", "warning", w.String())
	}
}

// ruleHolder keeps the rule database and replaces it when a new configuration names
// other rule folders. The counters of replaced databases carry over, so the reload
// metrics only ever grow.
type ruleHolder struct {
	mu       sync.Mutex
	cur      *rulesDB
	rc       config.RulesConfig
	ok, fail uint64 // of databases replaced
	cancel   context.CancelFunc
	log      *slog.Logger
}

func (h *ruleHolder) db() *rulesDB {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.cur
}

func (h *ruleHolder) current() *signatures.Active[*engines] { return h.db().Current() }

func (h *ruleHolder) counts() (ok, failed uint64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	st := h.cur.Stats()
	return h.ok + st.Reloads, h.fail + st.Failures
}

// watch reloads the current database's rules when its folders change, until ctx
// ends or the database is replaced.
func (h *ruleHolder) watch(ctx context.Context) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.watchLocked(ctx)
}

func (h *ruleHolder) watchLocked(ctx context.Context) {
	wctx, cancel := context.WithCancel(ctx)
	h.cancel = cancel
	db := h.cur
	go func() {
		if err := db.Watch(wctx); err != nil {
			h.log.Error("rule watch stopped", "err", err)
		}
	}()
}

// reload loads the rules again under rc: the same database when the folders are the
// same, a new one when they changed. On failure the running rules stay.
func (h *ruleHolder) reload(ctx context.Context, rc config.RulesConfig) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if slices.Equal(rc.Dirs, h.rc.Dirs) && rc.NoBuiltin == h.rc.NoBuiltin {
		_, err := h.cur.Reload()
		return err
	}
	db, err := openRules(rc, h.log)
	if err != nil {
		h.fail++
		return err
	}
	st := h.cur.Stats()
	h.ok += st.Reloads + 1
	h.fail += st.Failures
	if h.cancel != nil {
		h.cancel()
		h.cur, h.rc = db, rc
		h.watchLocked(ctx)
	} else {
		h.cur, h.rc = db, rc
	}
	v := db.Current().Set
	h.log.Info("rules reloaded from new folders", "version", v.Version(), "rules", v.Len(), "dirs", rc.Dirs)
	return nil
}
