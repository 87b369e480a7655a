package host

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, "sqlite"

	"github.com/aupscan/aupscan/scanner/file"
	"github.com/aupscan/aupscan/signatures"
)

// DefaultRacyWindow is how long after a file's last change its cache entry is not
// trusted. Kernels stamp files from a clock that ticks every few milliseconds (FAT
// every 2 s), so a file written again within the tick in which it was stat'ed and read
// keeps its size and times: an entry made then could hide the second write.
const DefaultRacyWindow = 2 * time.Second

// cacheMigrations build the schema; entry i moves a database from user_version i to
// i+1. Append, never edit: a cache written by an older binary is migrated in place.
var cacheMigrations = []string{
	`CREATE TABLE files (
		dev INTEGER NOT NULL,
		ino INTEGER NOT NULL,
		size INTEGER NOT NULL,
		mtime_ns INTEGER NOT NULL,
		ctime_ns INTEGER NOT NULL,
		checked_ns INTEGER NOT NULL, -- when the stat that the entry records was taken
		type TEXT NOT NULL,
		sha256 BLOB NOT NULL,
		sha1 BLOB,
		md5 BLOB,
		path TEXT NOT NULL,            -- path rules decide content matches: reuse needs the same path
		content_version TEXT NOT NULL, -- FileMatcher.ContentVersion(type) the file was matched with
		matches TEXT NOT NULL,         -- JSON [{"rule","evidence"}]: content matches only
		PRIMARY KEY (dev, ino)
	) WITHOUT ROWID`,
	// seen_ns: when a scan last met the file, so that entries of files gone (deleted,
	// or under a tree no longer scanned) age out; existing entries start from their
	// last read.
	`ALTER TABLE files ADD COLUMN seen_ns INTEGER NOT NULL DEFAULT 0;
	UPDATE files SET seen_ns = checked_ns`,
}

// DefaultCacheMaxAge is how long an entry no scan has met is kept.
const DefaultCacheMaxAge = 30 * 24 * time.Hour

// touchEvery is how stale an entry's seen time may get before a cache hit writes it
// again: one write a file a day at most, so a rescan stays a read-only pass.
const touchEvery = 24 * time.Hour

// Cache remembers, for each file (device and inode), its size, times, digests and the
// content matches found when it was last read, so a rescan reads only what changed.
// It is safe for concurrent use by the workers of ScanFiles.
type Cache struct {
	// RacyWindow is DefaultRacyWindow unless changed before use; 0 trusts every entry.
	RacyWindow time.Duration
	// MaxAge is DefaultCacheMaxAge unless changed before use: Close deletes the
	// entries no scan has met for longer (files deleted, trees no longer scanned),
	// so the cache does not only grow.
	MaxAge time.Duration

	db        *sql.DB
	get       *sql.Stmt
	recovered error

	mu      sync.Mutex // guards pending, touched, pruned and err
	pending []cacheEntry
	touched []cacheEntry // hits whose seen time is to be written again
	pruned  int64
	err     error
}

// cacheBatch is how many entries are written in one transaction: one commit a file
// would make a first scan wait on the disk.
const cacheBatch = 512

// OpenCache opens the cache at path, creating it when missing. A file that is
// corrupt, not a SQLite database, or from a newer schema is moved aside to
// path+".corrupt" and a new cache is made: Recovered says why, for the caller to log.
// The error is only for a cache that cannot be made at all.
func OpenCache(path string) (*Cache, error) {
	c, err := openCache(path)
	if err == nil {
		return c, nil
	}
	if errors.Is(err, errForeignDB) {
		return nil, err
	}
	if rerr := os.Rename(path, path+".corrupt"); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
		return nil, fmt.Errorf("cache %s: %w (and moving it aside: %w)", path, err, rerr)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix) // belongs to the file just moved aside
	}
	c, err2 := openCache(path)
	if err2 != nil {
		return nil, fmt.Errorf("cache %s: %w", path, err2)
	}
	c.recovered = err
	return c, nil
}

// errForeignDB marks a valid SQLite database that is not a cache: never discarded.
var errForeignDB = errors.New("a SQLite database with other tables, not an aupscan cache")

func openCache(path string) (*Cache, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return nil, fmt.Errorf("open cache: %w", err)
	}
	c := &Cache{db: db, RacyWindow: DefaultRacyWindow, MaxAge: DefaultCacheMaxAge}
	if err := c.prepare(); err != nil {
		db.Close()
		return nil, err
	}
	return c, nil
}

func (c *Cache) prepare() error {
	// quick_check is enough here, where the case database needs integrity_check: it
	// checks every page and B-tree, and what it skips, comparing indexes with their
	// tables, cannot go wrong in a WITHOUT ROWID table that has no index besides its
	// own key (TestCacheHasNoSecondaryIndex holds the schema to that).
	var check string
	if err := c.db.QueryRow(`PRAGMA quick_check`).Scan(&check); err != nil {
		return fmt.Errorf("check cache: %w", err)
	}
	if check != "ok" {
		return fmt.Errorf("check cache: %s", check)
	}
	if err := c.migrate(); err != nil {
		return err
	}
	var err error
	c.get, err = c.db.Prepare(`SELECT size, mtime_ns, ctime_ns, checked_ns, seen_ns, type, sha256, sha1, md5, path, content_version, matches FROM files WHERE dev = ? AND ino = ?`)
	if err != nil {
		return fmt.Errorf("prepare cache lookup: %w", err)
	}
	return nil
}

func (c *Cache) migrate() error {
	var v int
	if err := c.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return fmt.Errorf("cache schema version: %w", err)
	}
	if v > len(cacheMigrations) {
		return fmt.Errorf("cache schema version %d is newer than this program's %d", v, len(cacheMigrations))
	}
	if v == 0 {
		var n int
		if err := c.db.QueryRow(`SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
			return fmt.Errorf("cache tables: %w", err)
		}
		if n > 0 {
			return errForeignDB
		}
	}
	for ; v < len(cacheMigrations); v++ {
		tx, err := c.db.Begin()
		if err != nil {
			return fmt.Errorf("migrate cache: %w", err)
		}
		// PRAGMA takes no parameters; v is an int this program counted. One err for
		// both statements: a failed migration must roll back, never commit.
		_, err = tx.Exec(cacheMigrations[v])
		if err == nil {
			_, err = tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, v+1))
		}
		if err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate cache to version %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate cache to version %d: %w", v+1, err)
		}
	}
	return nil
}

// Recovered returns why the cache file found at open was discarded, or nil.
func (c *Cache) Recovered() error { return c.recovered }

// Err returns the first error reading or writing the cache since it was opened. A
// failed lookup only costs a read of the file, and a failed write a read next time:
// neither stops a scan.
func (c *Cache) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Close writes what is pending, deletes the entries older than MaxAge, and closes
// the database.
func (c *Cache) Close() error {
	ferr := c.Flush()
	var perr error
	if c.MaxAge > 0 {
		var res sql.Result
		res, perr = c.db.Exec(`DELETE FROM files WHERE seen_ns < ?`, time.Now().Add(-c.MaxAge).UnixNano())
		if perr == nil {
			n, _ := res.RowsAffected()
			c.mu.Lock()
			c.pruned += n
			c.mu.Unlock()
		} else {
			perr = fmt.Errorf("cache prune: %w", perr)
		}
	}
	return errors.Join(ferr, perr, c.db.Close())
}

// Pruned is how many entries Close deleted as older than MaxAge.
func (c *Cache) Pruned() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pruned
}

// cacheEntry is one file's row.
type cacheEntry struct {
	dev, ino              uint64
	size                  int64
	mtime, ctime, checked int64 // ns since the epoch
	seen                  int64 // ns since the epoch: when a scan last met the file
	ftype                 string
	digests               signatures.Digests
	path, version         string
	matches               []file.Record
}

// newEntry describes the file fi as stat'ed at checked.
func newEntry(fi fs.FileInfo, checked time.Time) cacheEntry {
	st := statOf(fi)
	return cacheEntry{dev: st.Dev, ino: st.Ino, size: fi.Size(), mtime: timespecNs(st.Mtim),
		ctime: timespecNs(st.Ctim), checked: checked.UnixNano()}
}

func timespecNs(ts syscall.Timespec) int64 { return ts.Sec*1e9 + ts.Nsec }

// sameFile reports whether e describes the same file contents as now: a change of
// contents changes size or modification time, and one that resets them (touch -d,
// tar) still changes the change time.
func (e *cacheEntry) sameFile(now *cacheEntry) bool {
	return e.size == now.size && e.mtime == now.mtime && e.ctime == now.ctime
}

func (c *Cache) lookup(dev, ino uint64) (cacheEntry, bool) {
	e := cacheEntry{dev: dev, ino: ino}
	var sha256, sha1, md5 []byte
	var matches string
	err := c.get.QueryRow(int64(dev), int64(ino)).Scan(&e.size, &e.mtime, &e.ctime, &e.checked, &e.seen, &e.ftype,
		&sha256, &sha1, &md5, &e.path, &e.version, &matches)
	if errors.Is(err, sql.ErrNoRows) {
		return e, false
	}
	if err == nil && (len(sha256) != 32 || len(sha1) != 0 && len(sha1) != 20 || len(md5) != 0 && len(md5) != 16) {
		err = errors.New("bad digest length")
	}
	if err == nil {
		err = json.Unmarshal([]byte(matches), &e.matches)
	}
	if err != nil {
		c.fail(fmt.Errorf("cache lookup: %w", err))
		return e, false
	}
	e.digests.SHA256 = [32]byte(sha256)
	if len(sha1) == 20 {
		d := [20]byte(sha1)
		e.digests.SHA1 = &d
	}
	if len(md5) == 16 {
		d := [16]byte(md5)
		e.digests.MD5 = &d
	}
	return e, true
}

// cached returns the result of the file now without reading it, when its entry
// allows: the same file, not changed within the racy window of its stat, with the
// digests the hash sets need. Content matches come from the entry when the content
// rules for its type and its path are unchanged; ok is false when it must be read.
func (c *Cache) cached(fm *file.Engine, now cacheEntry, path string) (file.Result, bool) {
	e, ok := c.lookup(now.dev, now.ino)
	if !ok || !e.sameFile(&now) || e.checked-max(e.mtime, e.ctime) < c.RacyWindow.Nanoseconds() ||
		!fm.CanMatchDigests(&e.digests, e.size) || e.path != path || e.version != fm.ContentVersion(e.ftype) {
		return file.Result{}, false
	}
	var content []file.Match
	for _, m := range e.matches {
		fmatch, ok := fm.Restore(m)
		if !ok {
			return file.Result{}, false // cannot happen under the same version
		}
		content = append(content, fmatch)
	}
	res := file.Result{Size: e.size, Type: e.ftype, Digests: e.digests, Content: content}
	res.Matches = fm.CombineMatches(fm.MatchDigests(&e.digests, e.size), content)
	if now := time.Now().UnixNano(); now-e.seen > touchEvery.Nanoseconds() {
		e.seen = now
		c.mu.Lock()
		c.touched = append(c.touched, e)
		full := len(c.touched) >= cacheBatch
		c.mu.Unlock()
		if full {
			c.Flush()
		}
	}
	return res, true
}

// store queues the entry of a file just read; written by the batch.
func (c *Cache) store(fm *file.Engine, e cacheEntry, path string, res *file.Result) {
	e.ftype, e.digests, e.path, e.version = res.Type, res.Digests, path, fm.ContentVersion(res.Type)
	e.seen = time.Now().UnixNano()
	for _, m := range res.Content {
		e.matches = append(e.matches, m.Record())
	}
	c.mu.Lock()
	c.pending = append(c.pending, e)
	full := len(c.pending) >= cacheBatch
	c.mu.Unlock()
	if full {
		c.Flush()
	}
}

// Flush writes the pending entries in one transaction; ScanFiles calls it at the end.
func (c *Cache) Flush() error {
	c.mu.Lock()
	batch, touched := c.pending, c.touched
	c.pending, c.touched = nil, nil
	c.mu.Unlock()
	if len(batch) == 0 && len(touched) == 0 {
		return nil
	}
	err := c.write(batch, touched)
	if err != nil {
		c.fail(err)
	}
	return err
}

func (c *Cache) write(batch, touched []cacheEntry) error {
	tx, err := c.db.Begin()
	if err != nil {
		return fmt.Errorf("cache write: %w", err)
	}
	defer tx.Rollback() // after Commit, a no-op
	put, err := tx.Prepare(`INSERT OR REPLACE INTO files (dev, ino, size, mtime_ns, ctime_ns, checked_ns, seen_ns, type, sha256, sha1, md5, path, content_version, matches) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("cache write: %w", err)
	}
	defer put.Close()
	for _, e := range batch {
		matches, err := json.Marshal(e.matches)
		if err != nil {
			return fmt.Errorf("cache write: %w", err)
		}
		var sha1, md5 []byte
		if e.digests.SHA1 != nil {
			sha1 = e.digests.SHA1[:]
		}
		if e.digests.MD5 != nil {
			md5 = e.digests.MD5[:]
		}
		if _, err := put.Exec(int64(e.dev), int64(e.ino), e.size, e.mtime, e.ctime, e.checked, e.seen, e.ftype,
			e.digests.SHA256[:], sha1, md5, e.path, e.version, string(matches)); err != nil {
			return fmt.Errorf("cache write %s: %w", e.path, err)
		}
	}
	for _, e := range touched {
		if _, err := tx.Exec(`UPDATE files SET seen_ns = ? WHERE dev = ? AND ino = ?`, e.seen, int64(e.dev), int64(e.ino)); err != nil {
			return fmt.Errorf("cache write %s: %w", e.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("cache write: %w", err)
	}
	return nil
}

func (c *Cache) fail(err error) {
	c.mu.Lock()
	if c.err == nil {
		c.err = err
	}
	c.mu.Unlock()
}
