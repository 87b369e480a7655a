package signatures

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const reloadRule = `
[[rule]]
id = "op.reload"
name = "NAME"
category = "proxy"
severity = "low"
description = "A rule the reload test edits."
[rule.process]
names = ["reloadd"]
[[rule.match]]
process = "reloadd"
[[rule.nomatch]]
process = "other"
`

// testEngines stands in for the engines a program compiles from each rule set (this
// package holds none): a new one a load, so a swap shows.
type testEngines struct{ rules int }

// writeRename saves a file the way editors do: a new file renamed over the old.
func writeRename(t *testing.T, path, content string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// waitFor polls cond for a bounded few seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestDBWatchReloadsAndKeepsRunningSetOnError(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "rules.toml")
	writeRename(t, file, strings.Replace(reloadRule, "NAME", "first", 1))
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	compiled := 0
	db, err := Open(Options{Dirs: []string{dir}}, func(s *Set) (*testEngines, error) {
		compiled++
		return &testEngines{rules: s.Len()}, nil
	}, log)
	if err != nil {
		t.Fatal(err)
	}
	db.Debounce = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- db.Watch(ctx) }()
	defer func() { cancel(); <-done }()
	time.Sleep(100 * time.Millisecond) // let the watcher start

	name := func() string { return db.Current().Set.Rule("op.reload").Name }
	first := db.Current()

	// A good edit, saved by rename: the active set changes.
	writeRename(t, file, strings.Replace(reloadRule, "NAME", "second", 1))
	waitFor(t, "the edited rule", func() bool { return name() == "second" })
	if db.Current().Set.Version() == first.Set.Version() || db.Current().Engines == first.Engines {
		t.Error("reload did not swap the set and its engines together")
	}

	// A broken edit: the running set stays and the failure is recorded and logged.
	writeRename(t, file, strings.Replace(reloadRule, `severity = "low"`, `severity = "bad"`, 1))
	waitFor(t, "the failed reload", func() bool { return db.Stats().Failures == 1 })
	if name() != "second" {
		t.Errorf("a broken edit replaced the running rules: name %q", name())
	}
	st := db.Stats()
	if !strings.Contains(st.LastError, `unknown severity "bad"`) || st.Reloads != 1 {
		t.Errorf("stats after the broken edit: %+v", st)
	}
	if !strings.Contains(logs.String(), "rule reload refused") {
		t.Errorf("the refused reload was not logged:\n%s", logs.String())
	}

	// Fixing it reloads again; a new file in the folder is picked up too.
	writeRename(t, file, strings.Replace(reloadRule, "NAME", "third", 1))
	waitFor(t, "the fixed rule", func() bool { return name() == "third" })
	if db.Stats().LastError != "" {
		t.Errorf("LastError not cleared: %q", db.Stats().LastError)
	}
	extra := strings.NewReplacer(`"op.reload"`, `"op.extra"`, "NAME", "extra").Replace(reloadRule)
	writeRename(t, filepath.Join(dir, "extra.toml"), extra)
	waitFor(t, "the new file", func() bool { return db.Current().Set.Rule("op.extra") != nil })
}

func TestDBReloadUnchangedKeepsActive(t *testing.T) {
	db, err := Open(Options{}, func(s *Set) (int, error) { return s.Len(), nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := db.Current()
	changed, err := db.Reload()
	if err != nil || changed || db.Current() != before {
		t.Errorf("reload of unchanged rules: changed %v, err %v, swapped %v", changed, err, db.Current() != before)
	}
}

func TestDBWatchesListFiles(t *testing.T) {
	dir, lists := t.TempDir(), t.TempDir()
	list := filepath.Join(lists, "bad.sha256")
	writeRename(t, list, strings.Repeat("a", 64)+"\n")
	rule := `
[[rule]]
id = "op.hashes"
name = "Hashes"
category = "prohibited-content"
severity = "high"
description = "d"
[rule.file]
hash_files = ["` + list + `"]
`
	writeRename(t, filepath.Join(dir, "r.toml"), rule)
	db, err := Open(Options{Dirs: []string{dir}, NoBuiltin: true}, func(s *Set) (struct{}, error) { return struct{}{}, nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Debounce = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- db.Watch(ctx) }()
	defer func() { cancel(); <-done }()
	time.Sleep(100 * time.Millisecond)
	writeRename(t, list, strings.Repeat("a", 64)+"\n"+strings.Repeat("b", 64)+"\n")
	waitFor(t, "the longer hash list", func() bool {
		return db.Current().Set.Rule("op.hashes").File.HashSet().Len() == 2
	})
}
