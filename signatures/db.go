package signatures

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/aupscan/aupscan/signatures/foreign"
)

// Active is one loaded rule set with the engines compiled from it. Scanners take the
// current Active once per flow or file and use it to the end; a reload never changes
// an Active, it replaces it.
type Active[T any] struct {
	Set     *Set
	Engines T
	Loaded  time.Time
}

// ReloadStats counts reloads for logs and metrics.
type ReloadStats struct {
	Reloads     uint64 // successful loads that changed the active set
	Failures    uint64 // loads refused; the running set was kept
	LastError   string // of the last failed load, "" after a success
	LastSuccess time.Time
	Version     string
}

// DB is the rule database: it hands scanners the current rules through an atomic
// pointer (no lock on the hot path) and reloads them on request or when a watched rule
// folder changes. A bad reload is logged and counted, and the running set stays.
type DB[T any] struct {
	opts    Options
	compile func(*Set) (T, error)
	log     *slog.Logger
	cur     atomic.Pointer[Active[T]]

	// mu serializes reloads, so at most two rule sets exist at once: the running one
	// and the one being built, until the swap drops the old.
	mu    sync.Mutex
	stats ReloadStats

	// Debounce is how long the watcher waits for a burst of changes (an editor's
	// write, rename and chmod) to end before reloading.
	Debounce time.Duration
}

// Open loads the rules and compiles them with compile (the engines' part); the first
// load must succeed.
func Open[T any](opts Options, compile func(*Set) (T, error), log *slog.Logger) (*DB[T], error) {
	if log == nil {
		log = slog.Default()
	}
	db := &DB[T]{opts: opts, compile: compile, log: log, Debounce: 300 * time.Millisecond}
	a, err := db.build()
	if err != nil {
		return nil, err
	}
	db.cur.Store(a)
	db.stats = ReloadStats{LastSuccess: a.Loaded, Version: a.Set.Version()}
	return db, nil
}

// Current returns the active rules and engines.
func (db *DB[T]) Current() *Active[T] { return db.cur.Load() }

// Stats returns the reload counters.
func (db *DB[T]) Stats() ReloadStats {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.stats
}

func (db *DB[T]) build() (*Active[T], error) {
	s, err := Load(db.opts)
	if err != nil {
		return nil, err
	}
	eng, err := db.compile(s)
	if err != nil {
		return nil, fmt.Errorf("compile rules: %w", err)
	}
	return &Active[T]{Set: s, Engines: eng, Loaded: time.Now()}, nil
}

// Reload loads the rules again and swaps them in when they load cleanly and differ
// from the running set. On error the running set stays and every problem is logged.
func (db *DB[T]) Reload() (changed bool, err error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	a, err := db.build()
	if err != nil {
		db.stats.Failures++
		db.stats.LastError = err.Error()
		var ps Problems
		if !errors.As(err, &ps) {
			ps = Problems{{Message: err.Error()}}
		}
		for _, p := range ps {
			db.log.Error("rule reload refused, keeping running rules", "problem", p.String(),
				"running_version", db.cur.Load().Set.Version())
		}
		return false, err
	}
	db.stats.LastError = ""
	db.stats.LastSuccess = a.Loaded
	if a.Set.Version() == db.cur.Load().Set.Version() {
		return false, nil
	}
	old := db.cur.Swap(a)
	db.stats.Reloads++
	db.stats.Version = a.Set.Version()
	db.log.Info("rules reloaded", "version", a.Set.Version(), "previous", old.Set.Version(),
		"rules", a.Set.Len(), "warnings", len(a.Set.Warnings()))
	for _, w := range a.Set.Warnings() {
		db.log.Warn("rule warning", "warning", w.String())
	}
	return true, nil
}

// Watch reloads the rules when a rule folder or a list file changes, until ctx ends.
// It watches folders, not files: editors save by writing a new file and renaming it
// over the old, which a watch on the file itself would lose.
func (db *DB[T]) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch rule folders: %w", err)
	}
	defer w.Close()
	watched := map[string]bool{}
	relevant := db.rewatch(w, watched)
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if relevant(ev.Name) {
				timer = time.After(db.Debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			db.log.Warn("rule folder watch", "err", err)
		case <-timer:
			timer = nil
			if _, err := db.Reload(); err == nil {
				relevant = db.rewatch(w, watched)
			}
		}
	}
}

// rewatch adds watches for the rule folders and the folders of the list files the
// current rules read, and returns the filter of events worth a reload.
func (db *DB[T]) rewatch(w *fsnotify.Watcher, watched map[string]bool) func(string) bool {
	lists := db.Current().Set.ListFiles()
	dirs := slices.Clone(db.opts.Dirs)
	for _, l := range lists {
		dirs = append(dirs, filepath.Dir(l))
	}
	for _, d := range dirs {
		d = filepath.Clean(d)
		if watched[d] {
			continue
		}
		if err := w.Add(d); err != nil {
			db.log.Warn("cannot watch rule folder", "dir", d, "err", err)
			continue
		}
		watched[d] = true
	}
	ruleDirs := map[string]bool{}
	for _, d := range db.opts.Dirs {
		ruleDirs[filepath.Clean(d)] = true
	}
	return func(name string) bool {
		base := filepath.Base(name)
		if strings.HasPrefix(base, ".") {
			return false // editor swap and backup files
		}
		if ruleDirs[filepath.Dir(name)] && (strings.HasSuffix(base, ".toml") || foreign.Handles(base)) {
			return true
		}
		return slices.Contains(lists, name)
	}
}
