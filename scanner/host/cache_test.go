package host

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/signatures"
)

// cacheRules is a rule set for the cache tests: a content rule for ELF files (its
// patterns given), one for text files, and a hash list (its hash given).
func cacheRules(t testing.TB, elfPatterns, hash string) *Engine {
	t.Helper()
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "rules.toml"), `
[[rule]]
id = "c.elf"
name = "ELF tool"
category = "proxy"
severity = "high"
description = "d"
[rule.file]
type = "elf"
patterns = [`+elfPatterns+`]

[[rule]]
id = "c.text"
name = "Proxy config"
category = "proxy"
severity = "medium"
description = "d"
[rule.file]
type = "text"
patterns = [{ text = "banned-proxy-conf" }]

[[rule]]
id = "c.hash"
name = "Listed file"
category = "malware"
severity = "critical"
description = "d"
[rule.file]
hashes = ["`+hash+`"]
`)
	s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	return Compile(s)
}

const (
	elfRule     = `{ text = "evil-elf-marker" }`
	elfRuleMore = `{ text = "evil-elf-marker" }, { text = "other-marker" }`
	unlisted    = "00000000000000000000000000000000000000000000000000000000000000ff"
	knownData   = "a file someone listed by its hash"
)

// cacheTree writes two ELF files, two text files and one data file.
func cacheTree(t testing.TB, dir string) {
	mustWrite(t, filepath.Join(dir, "bin/tool"), "\x7fELF\x02\x01\x01\x00 evil-elf-marker")
	mustWrite(t, filepath.Join(dir, "bin/plain"), "\x7fELF\x02\x01\x01\x00 nothing")
	mustWrite(t, filepath.Join(dir, "etc/proxy.conf"), "banned-proxy-conf = yes\n")
	mustWrite(t, filepath.Join(dir, "etc/plain.txt"), "hello\n")
	mustWrite(t, filepath.Join(dir, "data/known"), knownData)
}

func openTestCache(t testing.TB, path string) *Cache {
	t.Helper()
	c, err := OpenCache(path)
	if err != nil {
		t.Fatal(err)
	}
	// The files were written a moment ago: trust their entries at once.
	c.RacyWindow = 0
	return c
}

func hitList(hits []FileHit) string {
	var b strings.Builder
	for _, h := range hits {
		for _, m := range h.Result.Matches {
			b.WriteString(h.Path + " " + m.Rule.ID + ": " + m.Evidence + "\n")
		}
	}
	return b.String()
}

// TestCacheRescans runs a scan after each change, with one cache throughout, and
// checks which files were read (counted by the bytes that went through read, not by
// the cache's own word) and that the findings are those of a scan without cache.
func TestCacheRescans(t *testing.T) {
	dir := t.TempDir()
	cacheTree(t, dir)
	sum := sha256.Sum256([]byte(knownData))
	listed := hex.EncodeToString(sum[:])
	c := openTestCache(t, filepath.Join(t.TempDir(), "cache.db"))
	defer c.Close()

	for _, step := range []struct {
		name     string
		change   func(t *testing.T)
		eng      *Engine
		wantRead int64 // files read; the others must come from the cache
		wantHits int
	}{
		{"first scan reads all", nil, cacheRules(t, elfRule, unlisted), 5, 2},
		{"unchanged tree reads nothing", nil, cacheRules(t, elfRule, unlisted), 0, 2},
		{"a new hash list finds a cached file unread", nil, cacheRules(t, elfRule, listed), 0, 3},
		{"an ELF content rule change rereads the ELF files only", nil, cacheRules(t, elfRuleMore, listed), 2, 3},
		{"a size change rereads that file", func(t *testing.T) {
			mustWrite(t, filepath.Join(dir, "etc/plain.txt"), "hello, longer\n")
		}, cacheRules(t, elfRuleMore, listed), 1, 3},
		{"an mtime change with the same size rereads that file", func(t *testing.T) {
			old := time.Now().Add(-time.Hour)
			must(t, os.Chtimes(filepath.Join(dir, "bin/plain"), old, old))
		}, cacheRules(t, elfRuleMore, listed), 1, 3},
		{"a content change rereads and is found", func(t *testing.T) {
			mustWrite(t, filepath.Join(dir, "etc/plain.txt"), "banned-proxy-conf\n")
		}, cacheRules(t, elfRuleMore, listed), 1, 4},
	} {
		t.Run(step.name, func(t *testing.T) {
			if step.change != nil {
				step.change(t)
			}
			hits, s := scanTree(t, step.eng, dir, FileOptions{Workers: 2, Cache: c})
			if s.FilesRead != step.wantRead || s.FilesCached != 5-step.wantRead {
				t.Errorf("read %d, cached %d; want %d read", s.FilesRead, s.FilesCached, step.wantRead)
			}
			if step.wantRead == 0 && s.BytesRead != 0 {
				t.Errorf("read %d bytes with every file cached", s.BytesRead)
			}
			fresh, _ := scanTree(t, step.eng, dir, FileOptions{Workers: 2})
			if got, want := hitList(hits), hitList(fresh); got != want || len(hits) != step.wantHits {
				t.Errorf("with cache:\n%swithout:\n%swant %d hits", got, want, step.wantHits)
			}
			if err := c.Err(); err != nil {
				t.Errorf("cache error: %v", err)
			}
		})
	}
}

// TestCacheRacyWindow checks that a file changed just before it was read is read
// again next time: its entry could hide a write made within the same clock tick.
func TestCacheRacyWindow(t *testing.T) {
	dir := t.TempDir()
	cacheTree(t, dir)
	c := openTestCache(t, filepath.Join(t.TempDir(), "cache.db"))
	defer c.Close()
	c.RacyWindow = time.Hour
	eng := cacheRules(t, elfRule, unlisted)
	scanTree(t, eng, dir, FileOptions{Cache: c})
	if _, s := scanTree(t, eng, dir, FileOptions{Cache: c}); s.FilesRead != 5 {
		t.Errorf("read %d files changed within the racy window, want all 5", s.FilesRead)
	}
}

// TestCacheRecovers checks that a damaged or foreign cache file never stops a scan:
// it is moved aside and a new cache made, and a missing one is created.
func TestCacheRecovers(t *testing.T) {
	dir := t.TempDir()
	cacheTree(t, dir)
	eng := cacheRules(t, elfRule, unlisted)
	for _, tc := range []struct {
		name      string
		damage    func(t *testing.T, path string)
		recovered bool
	}{
		{"missing file", func(t *testing.T, path string) { must(t, os.Remove(path)) }, false},
		{"garbage", func(t *testing.T, path string) {
			mustWrite(t, path, strings.Repeat("not a database ", 500))
		}, true},
		{"truncated", func(t *testing.T, path string) {
			b, err := os.ReadFile(path)
			must(t, err)
			mustWrite(t, path, string(b[:len(b)/2+100]))
		}, true},
		{"damaged pages", func(t *testing.T, path string) {
			b, err := os.ReadFile(path)
			must(t, err)
			for i := 100; i < len(b); i += 7 {
				b[i] ^= 0x5a
			}
			mustWrite(t, path, string(b))
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cache.db")
			c := openTestCache(t, path)
			scanTree(t, eng, dir, FileOptions{Cache: c})
			must(t, c.Close())
			tc.damage(t, path)

			c = openTestCache(t, path)
			defer c.Close()
			if got := c.Recovered() != nil; got != tc.recovered {
				t.Errorf("recovered: %v (%v), want %v", got, c.Recovered(), tc.recovered)
			}
			if _, s := scanTree(t, eng, dir, FileOptions{Cache: c}); s.FilesRead != 5 || c.Err() != nil {
				t.Errorf("read %d files (want 5), cache error %v", s.FilesRead, c.Err())
			}
			if _, s := scanTree(t, eng, dir, FileOptions{Cache: c}); s.FilesCached != 5 {
				t.Errorf("the new cache served %d files, want 5", s.FilesCached)
			}
		})
	}
}

// TestCacheKeepsForeignDatabase checks that a SQLite database of something else, given
// as the cache by mistake, is refused rather than discarded.
func TestCacheKeepsForeignDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	c := openTestCache(t, path)
	_, err := c.db.Exec(`PRAGMA user_version = 0; CREATE TABLE precious (x)`)
	must(t, err)
	must(t, c.Close())
	if _, err := OpenCache(path); err == nil {
		t.Error("a foreign database was taken as a cache")
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("foreign database: %v", err)
	}
}

// BenchmarkRescan rescans an unchanged tree of 2,000 files (4 KiB to 64 KiB, the
// built-in rules), with a warm cache and without one, and reports files a second.
// benchTree is the benchmarks' tree: 2,000 ordinary files of 3 KB to 47 KB (47 MB)
// in 40 folders, opened as a root (closed at the end), with the built-in rules.
func benchTree(b *testing.B) (*os.Root, *Engine) {
	dir := b.TempDir()
	for i := range 2000 {
		body := strings.Repeat(fmt.Sprintf("line %d of an ordinary file\n", i), 128<<(i%5))
		mustWrite(b, filepath.Join(dir, fmt.Sprintf("d%02d/f%04d.txt", i%40, i)), body)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { root.Close() })
	return root, builtinEngine(b)
}

func BenchmarkRescan(b *testing.B) {
	root, eng := benchTree(b)
	c := openTestCache(b, filepath.Join(b.TempDir(), "cache.db"))
	defer c.Close()
	scan := func(o FileOptions) Summary {
		s, err := ScanFiles(context.Background(), []Tree{{Root: root, Paths: []string{"/"}}}, eng.Files, o, func(FileHit) {})
		if err != nil || s.Files != 2000 {
			b.Fatalf("scanned %d files: %v", s.Files, err)
		}
		return s
	}
	scan(FileOptions{Cache: c}) // warm the cache
	for _, bc := range []struct {
		name string
		o    FileOptions
	}{{"no-cache", FileOptions{}}, {"cache", FileOptions{Cache: c}}} {
		b.Run(bc.name, func(b *testing.B) {
			var s Summary
			for b.Loop() {
				s = scan(bc.o)
			}
			b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "files/s")
			b.ReportMetric(float64(s.BytesRead), "bytes-read/op")
		})
	}
}

// TestCacheAges: an entry no scan has met for MaxAge is deleted at Close, one a scan
// meets again is kept (a hit writes its seen time again once a day), and an entry
// made by an older cache (schema 1) is carried over with its read time as seen time.
func TestCacheAges(t *testing.T) {
	dir := t.TempDir()
	cacheTree(t, dir)
	path := filepath.Join(t.TempDir(), "cache.db")
	eng := cacheRules(t, elfRule, unlisted)
	c := openTestCache(t, path)
	scanTree(t, eng, dir, FileOptions{Cache: c})
	must(t, c.Flush())
	// Every entry last met 40 days ago; then a rescan meets all but the deleted file.
	old := time.Now().Add(-40 * 24 * time.Hour).UnixNano()
	if _, err := c.db.Exec(`UPDATE files SET seen_ns = ?`, old); err != nil {
		t.Fatal(err)
	}
	must(t, os.Remove(filepath.Join(dir, "etc/plain.txt")))
	if _, s := scanTree(t, eng, dir, FileOptions{Cache: c}); s.FilesRead != 0 {
		t.Fatalf("rescan read %d files", s.FilesRead)
	}
	must(t, c.Close())
	if c.Pruned() != 1 {
		t.Errorf("pruned %d entries, want the deleted file's only", c.Pruned())
	}
	c = openTestCache(t, path)
	defer c.Close()
	var n, stale int
	must(t, c.db.QueryRow(`SELECT COUNT(*), COUNT(*) FILTER (WHERE seen_ns = ?) FROM files`, old).Scan(&n, &stale))
	if n != 4 || stale != 0 {
		t.Errorf("%d entries, %d not touched by the rescan; want 4, 0", n, stale)
	}
}

// TestCacheMigratesSeen: a cache of schema 1 keeps its entries, each seen when it
// was last read.
func TestCacheMigratesSeen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{cacheMigrations[0], `PRAGMA user_version = 1`,
		`INSERT INTO files VALUES (1, 2, 3, 4, 5, 6, 'text', zeroblob(32), NULL, NULL, '/x', 'v', '[]')`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	c := openTestCache(t, path)
	defer c.Close()
	c.MaxAge = 0 // keep the 1970 entry at Close
	var seen int64
	must(t, c.db.QueryRow(`SELECT seen_ns FROM files WHERE dev = 1 AND ino = 2`).Scan(&seen))
	if seen != 6 {
		t.Errorf("seen_ns %d, want the entry's checked_ns 6", seen)
	}
}

// TestCacheFailedMigrationRollsBack: a migration that fails is reported and rolled
// back, never committed with its version (staticcheck SA4006 found the error dropped).
func TestCacheFailedMigrationRollsBack(t *testing.T) {
	saved := cacheMigrations
	t.Cleanup(func() { cacheMigrations = saved })
	cacheMigrations = append(slices.Clone(saved), `INSERT INTO no_such_table VALUES (1)`)
	path := filepath.Join(t.TempDir(), "cache.db")
	c, err := openCache(path)
	if err == nil {
		c.Close()
		t.Fatal("a failing migration opened the cache")
	}
	if want := fmt.Sprintf("migrate cache to version %d", len(cacheMigrations)); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	must(t, db.QueryRow(`PRAGMA user_version`).Scan(&v))
	if v != len(saved) {
		t.Errorf("user_version %d after the failed migration, want %d", v, len(saved))
	}
}

// TestCacheHasNoSecondaryIndex: the cache checks itself with quick_check at open,
// which does not compare indexes with tables; that is only sound while the schema
// has no index besides the WITHOUT ROWID table's own key. A migration adding one
// must move the check to integrity_check (as notify/store does).
func TestCacheHasNoSecondaryIndex(t *testing.T) {
	c := openTestCache(t, filepath.Join(t.TempDir(), "cache.db"))
	defer c.Close()
	rows, err := c.db.Query(`SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, table string
		if err := rows.Scan(&name, &table); err != nil {
			t.Fatal(err)
		}
		t.Errorf("index %s on %s: quick_check at open no longer sees all damage; use integrity_check", name, table)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
