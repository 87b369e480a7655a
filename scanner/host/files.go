package host

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"time"

	"golang.org/x/time/rate"

	"github.com/aupscan/aupscan/scanner/archive"
	"github.com/aupscan/aupscan/scanner/file"
	"github.com/aupscan/aupscan/signatures"
)

// FileOptions controls a walk over files.
type FileOptions struct {
	// Workers read files in parallel; 0 means one per CPU.
	Workers int
	// MaxSize skips larger files (counted as skipped); 0 means 512 MiB.
	MaxSize int64
	// MaxDepth is how many folders deep below a scan path the walk goes; deeper
	// folders are skipped and listed (SkipTooDeep). 0 means DefaultMaxDepth.
	MaxDepth int
	// RateBytes limits reading to this many bytes a second over all workers, so a
	// scan stays polite on a tenant's VM; 0 means no limit.
	RateBytes int64
	// Duty is the share of wall time each worker spends reading, in (0,1): after
	// each chunk and each file it rests so that its work stays at that share (a scan
	// that leaves a tenant's VM most of its disk and CPU); 0 or 1: no rests.
	Duty float64
	// CrossDevice lets the walk enter other filesystems mounted below a scan path.
	CrossDevice bool
	// Exclude are path globs (as rules write them) the walk does not enter or read.
	Exclude []string
	// Cache, when set, serves files unchanged since they were last read without
	// reading them again, and records the files read (see Cache). Archives and
	// packed executables are never cached: they are opened at every scan.
	Cache *Cache
	// Archives bounds the opening of archives (zip, tar, 7z, compressed files,
	// gzexe and makeself scripts), whose members are scanned like files; a zero
	// field takes archive's default.
	Archives archive.Limits
	// NoArchives scans archives as files only, without opening them.
	NoArchives bool
	// Progress, when set, is kept up to date while the scan runs (progress.go).
	Progress *Progress
}

// DefaultMaxSize is the largest file read when FileOptions.MaxSize is 0.
const DefaultMaxSize = 512 << 20

// Skipped is a file or folder that was not read, and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Summary counts what a scan read and what it skipped. Files and Bytes count every
// file scanned, whether it was read or served from the cache.
type Summary struct {
	Files       int64 `json:"files"`
	Bytes       int64 `json:"bytes"`
	FilesRead   int64 `json:"files_read"`
	FilesCached int64 `json:"files_cached"`
	BytesRead   int64 `json:"bytes_read"`   // what was actually read from the files
	Members     int64 `json:"members"`      // archive members scanned (not in Files)
	MemberBytes int64 `json:"member_bytes"` // their expanded bytes
	// ConfigDefaults counts the files whose config findings were dropped because the
	// file is a package's unchanged default (Tree.Defaults).
	ConfigDefaults int64         `json:"config_defaults"`
	Skipped        []Skipped     `json:"skipped"`
	Packed         []Packed      `json:"packed"` // executables whose packed code could not be read
	Duration       time.Duration `json:"duration_ns"`
}

// FileHit is one file that matched at least one file rule.
type FileHit struct {
	Path      string // as shown to people: inside the scan root, or the host path; a member's after "!"; inside the container for a container's view
	Source    string // the tree's source
	Container string // the tree's container, or ""
	Layer     string // for a container's view: where the file lies inside the scan root
	Result    file.Result
	// InArchive is set for a member of an archive: a finding of kind file, even of a
	// configuration rule, since a configuration inside an archive is not in use.
	InArchive bool
}

// Tree is a set of paths to scan inside one root: a VM's root folder (paths start at
// its "/"), or a host folder given on the command line (Prefix is its host path, so
// findings and path rules see real paths).
type Tree struct {
	Root   *os.Root
	Prefix string   // prepended to paths inside Root for display and path rules
	Paths  []string // slash paths inside Root
	Source string   // names the tree in findings (the path given on the command line)
	// Files are single files (slash paths inside Root) read before the walk even
	// when outside Paths: the programs the system starts (persist.go). The walk
	// does not read them again under any name.
	Files []string
	// Container names a container whose view this tree is: Layers are its layer
	// folders inside Root, upper first, merged as overlayfs does, and Paths are
	// walked inside that view (overlay.go).
	Container string
	Layers    []string
	// Covered are folders (slash paths inside Root) the walk passes over because
	// another tree reads them: container storage, read through each container.
	Covered []string
	// OnFile, when set, is told of each regular file the walk sends to the
	// readers (from the walk's goroutine): how container definitions are found.
	OnFile func(rel string)
	// Defaults are the packaged configuration files of the system the tree belongs
	// to, by their displayed path: an unchanged one is never a config finding. Nil:
	// none known.
	Defaults *PackagedDefaults
}

// where names a path of the tree in the list of skipped files.
func (t *Tree) where(p string) string {
	if t.Container != "" {
		return t.Container + ":" + p
	}
	return path.Join(t.Prefix, p)
}

// ScanFiles reads every regular file of the trees once, hashing and matching it
// against fm, and calls hit for each file that matched (from one goroutine).
func ScanFiles(ctx context.Context, trees []Tree, fm *file.Engine, o FileOptions, hit func(FileHit)) (Summary, error) {
	start := time.Now()
	var sum Summary
	var mu sync.Mutex // guards sum.Skipped, written by the walk and the workers
	skip := func(p, reason string) {
		mu.Lock()
		sum.Skipped = append(sum.Skipped, Skipped{p, reason})
		mu.Unlock()
	}
	pack := func(p, packer string) {
		mu.Lock()
		sum.Packed = append(sum.Packed, Packed{p, packer})
		mu.Unlock()
	}
	var arcLimits *archive.Limits
	if !o.NoArchives {
		l := o.Archives.WithDefaults()
		arcLimits = &l
	}
	exclude, err := compileGlobs(o.Exclude)
	if err != nil {
		return sum, err
	}
	var lim *rate.Limiter
	if o.RateBytes > 0 {
		lim = rate.NewLimiter(rate.Limit(o.RateBytes), int(min(o.RateBytes, 1<<20)))
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxSize := o.MaxSize
	if maxSize == 0 {
		maxSize = DefaultMaxSize
	}

	type job struct {
		fileJob
		tree *Tree
	}
	type done struct {
		hit      *FileHit
		size     int64
		defaults bool // config findings dropped: a package's unchanged default
		readStats
	}
	jobs := make(chan job, 64)
	results := make(chan done, 64)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fs := fm.NewScanner()
			duty := newDutyCycle(o.Duty)
			for j := range jobs {
				duty.mark()
				display := path.Join(j.tree.Prefix, "/"+j.rel)
				if j.view != "" {
					display = j.view
				}
				o.Progress.reading(display)
				x := &extras{archives: arcLimits, source: j.tree.Source, container: j.tree.Container, skip: skip, pack: pack}
				res, rs, reason := readOne(ctx, j.tree.Root, j.fileJob, display, fm, fs, lim, duty, o.Cache, x)
				duty.tick(ctx) // a cancelled rest ends the scan through ctx
				if reason != "" {
					if j.tree.Container != "" {
						display = j.tree.Container + ":" + display
					}
					skip(display, reason)
					o.Progress.done1(j.size) // not read, but no longer ahead
					continue
				}
				if res.ConfigSkipped != "" {
					skip(display, res.ConfigSkipped)
				}
				if res.Grew { // read to its size at open: what was read is reported
					skip(display, SkipChanged)
				}
				d := done{size: res.Size, readStats: rs}
				res.Matches, d.defaults = dropDefaults(res.Matches, display, &res.Digests, j.tree.Defaults)
				if len(res.Matches) > 0 {
					d.hit = &FileHit{Path: display, Source: j.tree.Source, Container: j.tree.Container, Result: res}
					if j.view != "" {
						d.hit.Layer = "/" + j.rel
					}
				}
				results <- d
			}
		}()
	}
	if o.Progress != nil {
		cctx, cancel := context.WithCancel(ctx)
		defer cancel() // a count still going when the scan ends is of no more use
		go countAhead(cctx, trees, o.Progress, func(t *Tree) *walker {
			return newTreeWalker(t, o, maxSize, exclude, func(string, string) {}, nil)
		})
	}
	walkErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		for i := range trees {
			t := &trees[i]
			tj := make(chan fileJob)
			w := newTreeWalker(t, o, maxSize, exclude, func(p, r string) { skip(t.where(p), r) }, t.OnFile)
			errc := make(chan error, 1)
			go func() { errc <- w.walkTree(ctx, t, tj); close(tj) }()
			for fj := range tj {
				o.Progress.found1(fj.size)
				jobs <- job{fj, t}
			}
			if err := <-errc; err != nil {
				walkErr <- err
				return
			}
		}
		o.Progress.walkOver()
		walkErr <- nil
	}()
	go func() { wg.Wait(); close(results) }()
	for d := range results {
		o.Progress.done1(d.size)
		sum.Files++
		sum.Bytes += d.size
		sum.BytesRead += d.bytes + d.members.read
		sum.Members += d.members.files
		sum.MemberBytes += d.members.bytes
		if d.cached {
			sum.FilesCached++
		} else {
			sum.FilesRead++
		}
		if d.defaults {
			sum.ConfigDefaults++
		}
		if d.hit != nil {
			hit(*d.hit)
		}
		for _, h := range d.members.hits {
			hit(h)
		}
	}
	if o.Cache != nil {
		o.Cache.Flush() // an error is kept in the cache for the caller: never fatal
	}
	sum.Duration = time.Since(start)
	return sum, <-walkErr
}

// newTreeWalker makes the walker of one tree: skip records what it passes over and
// onFile hears of each file sent (both may do nothing).
func newTreeWalker(t *Tree, o FileOptions, maxSize int64, exclude func(string) bool, skip func(p, reason string), onFile func(string)) *walker {
	w := &walker{root: t.Root, maxSize: maxSize, maxDepth: o.MaxDepth, crossDevice: o.CrossDevice, seen: map[[2]uint64]bool{},
		exclude: func(p string) bool { return exclude(path.Join(t.Prefix, p)) },
		skip:    skip, onFile: onFile, covered: map[string]bool{}}
	for _, c := range t.Covered {
		w.covered[path.Clean("/"+c)] = true
	}
	return w
}

// countAhead walks the trees as the scan does, counting the files it would send and
// their bytes, and gives p the totals: the scan's own walk runs only a little ahead
// of the readers (its queue is short, so memory stays small), and without this count
// the total, and the time left, would be known only near the end. It costs a second
// pass over the folders' metadata, which the first leaves in the kernel's cache.
func countAhead(ctx context.Context, trees []Tree, p *Progress, mk func(*Tree) *walker) {
	var files, bytes int64
	for i := range trees {
		t := &trees[i]
		tj := make(chan fileJob, 256)
		errc := make(chan error, 1)
		w := mk(t)
		go func() { errc <- w.walkTree(ctx, t, tj); close(tj) }()
		for fj := range tj {
			files++
			bytes += fj.size
		}
		if <-errc != nil {
			return // cancelled: the scan's own walk gives the total at its end
		}
	}
	p.counted(files, bytes)
}

// readStats says how a file's result was had.
type readStats struct {
	bytes   int64 // read from the file
	cached  bool  // served from the cache, unread
	members memberStats
}

// readOne opens a walked file without following a link and without blocking (a FIFO
// swapped in since the walk must not hang a worker), checks it is still the regular
// file the walk saw, and scans it, unless the cache c (nil for none) still holds its
// result; then opens it as an archive and checks it for a packer (x). It returns a
// skip reason instead of an error.
func readOne(ctx context.Context, root *os.Root, j fileJob, display string, fm *file.Engine, fs *file.Scanner,
	lim *rate.Limiter, duty *dutyCycle, c *Cache, x *extras) (file.Result, readStats, string) {
	var rs readStats
	f, err := j.open(root, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_NOCTTY)
	if err != nil {
		return file.Result{}, rs, reasonFor(err)
	}
	defer f.Close()
	checked := time.Now() // before the stat, so the racy window errs on the safe side
	fi, err := f.Stat()
	if err != nil {
		return file.Result{}, rs, reasonFor(err)
	}
	if st := statOf(fi); !fi.Mode().IsRegular() || st.Ino != j.ino || st.Dev != j.dev {
		return file.Result{}, rs, SkipChanged
	}
	var entry cacheEntry
	if c != nil {
		entry = newEntry(fi, checked)
		if res, ok := c.cached(fm, entry, display); ok {
			rs.cached = true
			return res, rs, ""
		}
	}
	pf := &politeFile{File: f, ctx: ctx, lim: lim, duty: duty}
	res, err := fs.Scan(pf, display)
	rs.bytes = pf.n
	if err != nil {
		if ctx.Err() != nil {
			return res, rs, "scan cancelled"
		}
		return res, rs, SkipUnreadable + ": " + err.Error()
	}
	keep := true // in the cache: not an archive, not packed
	if p := packerOf(f, res.Type); p != "" {
		x.pack(display, p)
		keep = false
	}
	if x.archives != nil {
		ms, opened, err := x.scanMembers(ctx, f, fi.Size(), display, fm, fs, lim, duty)
		rs.members = ms
		if err != nil && ctx.Err() != nil {
			return res, rs, "scan cancelled"
		}
		keep = keep && !opened
	}
	// A file written while it was read may have given a result of neither version:
	// report it, but do not remember it. Nor a configuration that could not be judged,
	// so that the next scan says so again.
	if c != nil && keep && res.ConfigSkipped == "" {
		if after, err := f.Stat(); err == nil && entry.sameFile(ptr(newEntry(after, checked))) {
			c.store(fm, entry, display, &res)
		}
	}
	return res, rs, ""
}

func ptr[T any](v T) *T { return &v }

// dropDefaults removes the config matches of a file that is a package's unchanged
// default (its MD5, computed for every file a config section judged, is the one the
// package shipped); other matches (a listed hash) stay.
func dropDefaults(ms []file.Match, path string, d *signatures.Digests, defs *PackagedDefaults) ([]file.Match, bool) {
	if defs.Len() == 0 || d.MD5 == nil || !slices.ContainsFunc(ms, func(m file.Match) bool { return m.Config }) {
		return ms, false
	}
	if _, ok := defs.Unchanged(path, *d.MD5); !ok {
		return ms, false
	}
	return slices.DeleteFunc(ms, func(m file.Match) bool { return m.Config }), true
}

// politeFile is a file read under the scan's rate limit, duty cycle and
// cancellation. It keeps ReadAt, so a Go program's build information can still be
// read.
type politeFile struct {
	*os.File
	ctx  context.Context
	lim  *rate.Limiter
	duty *dutyCycle
	n    int64 // bytes read through Read
}

func (p *politeFile) Read(b []byte) (int, error) {
	if err := p.ctx.Err(); err != nil {
		return 0, err
	}
	if p.lim != nil {
		b = b[:min(len(b), p.lim.Burst())]
		if err := p.lim.WaitN(p.ctx, len(b)); err != nil {
			return 0, fmt.Errorf("rate limit: %w", err)
		}
	}
	n, err := p.File.Read(b)
	p.n += int64(n)
	if derr := p.duty.tick(p.ctx); derr != nil && err == nil {
		err = derr
	}
	return n, err
}

var _ io.ReaderAt = (*politeFile)(nil)
