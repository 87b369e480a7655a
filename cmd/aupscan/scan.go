package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/aupscan/aupscan/internal/units"
	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/archive"
	"github.com/aupscan/aupscan/scanner/host"
)

// fileFlags are the flags of the commands that read files.
type fileFlags struct {
	Workers     int        `help:"Files read in parallel (default: one per CPU)."`
	MaxSize     units.Size `placeholder:"SIZE" help:"Skip files larger than this (default 512MiB); a size with a unit as the configuration writes it (64MiB, 20MB) or bytes."`
	MaxDepth    int        `help:"Enter folders at most this deep below a scan path; deeper ones are skipped and listed (default 256)."`
	Rate        units.Size `placeholder:"SIZE" help:"Read at most this many bytes a second, with a unit (20MiB) or bytes (0: no limit)."`
	CrossDevice bool       `help:"Enter other filesystems mounted below a scan path."`
	Exclude     []string   `placeholder:"GLOB" help:"Path glob not to read (repeatable), e.g. '/home/*/.cache/**'."`
	ListSkipped bool       `help:"List every skipped file on stderr, not only the first 100."`
	Quiet       bool       `short:"q" help:"Draw no progress on stderr (it is drawn only when stderr is a terminal)."`
	Host        string     `help:"Host id in finding ids (default: /etc/machine-id of the scanned root, for files this machine's)."`
	Cache       string     `type:"path" placeholder:"FILE" help:"Scan cache (SQLite): files unchanged since the last scan are not read again; a new hash list is checked against cached hashes."`
	archiveFlags
}

// archiveFlags bound the opening of archives; 0 takes the default.
type archiveFlags struct {
	NoArchives        bool       `help:"Scan archives and compressed files as files only, without opening them."`
	ArchiveDepth      int        `placeholder:"N" help:"Archives opened inside archives, levels (default 5)."`
	ArchiveMaxTotal   units.Size `placeholder:"SIZE" help:"Bytes one file may expand to, all members and levels (default 1GiB)."`
	ArchiveMaxMember  units.Size `placeholder:"SIZE" help:"Expanded size of one archive member (default 512MiB)."`
	ArchiveMaxRatio   float64    `placeholder:"R" help:"Expanded over compressed bytes, each member and the whole file, checked past the first MiB (default 100)."`
	ArchiveMaxEntries int        `placeholder:"N" help:"Entries of one file, all levels (default 10000)."`
	ArchiveMaxMemory  units.Size `placeholder:"SIZE" help:"Memory to open a zip or 7z found inside a stream and to hold an ELF member (default 64MiB)."`
}

func (a *archiveFlags) limits() (archive.Limits, error) {
	l := archive.Limits{MaxDepth: a.ArchiveDepth, MaxTotal: int64(a.ArchiveMaxTotal), MaxMember: int64(a.ArchiveMaxMember),
		MaxRatio: a.ArchiveMaxRatio, MaxEntries: a.ArchiveMaxEntries, MaxBuffer: int64(a.ArchiveMaxMemory)}
	if err := l.Validate(); err != nil {
		return l, &exitErr{code: exitError, err: fmt.Errorf("--archive-*: %w", err)}
	}
	return l, nil
}

// openCache opens the scan cache when --cache is given; a damaged cache is recreated.
func (f *fileFlags) openCache(g *Globals) (*host.Cache, error) {
	if f.Cache == "" {
		return nil, nil
	}
	c, err := host.OpenCache(f.Cache)
	if err != nil {
		return nil, &exitErr{code: exitError, err: fmt.Errorf("--cache %s: %w", f.Cache, err)}
	}
	if why := c.Recovered(); why != nil {
		fmt.Fprintf(g.stderr, "aupscan: cache %s was damaged and is made anew: %v\n", f.Cache, why)
	}
	return c, nil
}

// closeCache writes the cache out and reports a write error, which never fails a scan.
func closeCache(g *Globals, c *host.Cache) {
	if c == nil {
		return
	}
	if err := c.Err(); err != nil {
		fmt.Fprintf(g.stderr, "aupscan: cache: %v\n", err)
	}
	if err := c.Close(); err != nil {
		fmt.Fprintf(g.stderr, "aupscan: cache: %v\n", err)
	}
}

func (f *fileFlags) options(g *Globals) (host.FileOptions, error) {
	// Rule folders hold the patterns themselves: never scan them.
	exclude := append([]string{}, f.Exclude...)
	for _, d := range g.RuleDirs {
		if abs, err := filepath.Abs(d); err == nil {
			exclude = append(exclude, abs, abs+"/**")
		}
	}
	lim, err := f.limits()
	return host.FileOptions{Workers: f.Workers, MaxSize: int64(f.MaxSize), MaxDepth: f.MaxDepth, RateBytes: int64(f.Rate), CrossDevice: f.CrossDevice, Exclude: exclude,
		Archives: lim, NoArchives: f.NoArchives}, err
}

type filesCmd struct {
	Paths []string `arg:"" name:"PATH" help:"Files and folders to scan."`
	fileFlags
}

func (c *filesCmd) Run(g *Globals) error {
	set, err := loadRules(g)
	if err != nil {
		return err
	}
	eng := host.Compile(set)
	opts, err := c.options(g)
	if err != nil {
		return err
	}
	var trees []host.Tree
	var bad []error
	defaults := hostDefaults(g)
	for _, p := range c.Paths {
		t, err := treeFor(p)
		if err != nil {
			bad = append(bad, err)
			fmt.Fprintln(g.stderr, "aupscan:", err)
			continue
		}
		defer t.Root.Close()
		t.Defaults = defaults
		trees = append(trees, t)
	}
	cache, err := c.openCache(g)
	if err != nil {
		return err
	}
	defer closeCache(g, cache)
	opts.Cache = cache
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := newFindingWriter(g, set)
	if p := (&host.Progress{}); c.showProgress(g, out, p) {
		opts.Progress = p
	}
	mk := host.FindingMaker{Host: cmp.Or(c.Host, thisHost()), Time: time.Now().UTC()}
	sum, err := host.ScanFiles(ctx, trees, eng.Files, opts, func(h host.FileHit) {
		for _, f := range mk.FileFindings(h) {
			_ = out.write(f)
		}
	})
	out.display.finish()
	_ = out.flush()
	c.summary(g, scanSummary{Summary: sum, Findings: out.count})
	return exitFor(out.count, err, len(bad) > 0)
}

// hostDefaults lists this system's packaged configuration files: the paths of a
// files scan are this system's, and an unchanged packaged one is never a finding.
func hostDefaults(g *Globals) *host.PackagedDefaults {
	root, err := os.OpenRoot("/")
	if err != nil {
		return nil
	}
	defer root.Close()
	d, err := host.ReadPackagedDefaults(root)
	if err != nil {
		fmt.Fprintln(g.stderr, "aupscan: packaged configuration files:", err)
	}
	return d
}

// treeFor turns a command-line path into a tree: a folder is scanned inside itself;
// a file inside its folder. A symbolic link named on the command line is followed,
// since the user named it; links met during the walk are not.
func treeFor(p string) (host.Tree, error) {
	abs, err := filepath.Abs(p)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return host.Tree{}, fmt.Errorf("%s: %w", p, errors.Unwrap(err))
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return host.Tree{}, fmt.Errorf("%s: %w", p, err)
	}
	dir, paths := abs, []string{"/"}
	if !fi.IsDir() {
		dir, paths = filepath.Dir(abs), []string{"/" + filepath.Base(abs)}
		if err := readable(abs, fi); err != nil {
			return host.Tree{}, fmt.Errorf("%s: %w", p, err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return host.Tree{}, fmt.Errorf("%s: %w", p, err)
	}
	return host.Tree{Root: root, Prefix: dir, Paths: paths, Source: p}, nil
}

// readable checks that a regular file named on the command line can be opened for
// reading: a file the user named and aupscan cannot read is an input not read at
// all (exit 2), not a file skipped on the way. Other kinds of file are left to the
// walk, which never opens them.
func readable(abs string, fi os.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return nil
	}
	f, err := os.OpenFile(abs, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return errors.Unwrap(err)
	}
	return f.Close()
}

type hostCmd struct {
	Root        string   `default:"/" type:"path" help:"The system's root: / for this host, or a VM's disk image or snapshot mounted read-only. Paths and links never leave it; processes are skipped."`
	Path        []string `placeholder:"PATH" help:"Folder inside the root to walk (repeatable; default: the usual install, home, temporary and configuration folders; --list-paths shows them)."`
	NoProcesses bool     `help:"Do not look at running processes and listening sockets."`
	ListPaths   bool     `help:"Print what a scan would read (folders to walk, package databases, programs started from elsewhere, containers, processes) and exit without scanning."`
	fileFlags
}

func (c *hostCmd) Run(g *Globals) error {
	set, err := loadRules(g)
	if err != nil {
		return err
	}
	if _, err := os.Stat(c.Root); err != nil {
		return &exitErr{code: exitError, err: fmt.Errorf("--root %s: %w", c.Root, errors.Unwrap(err))}
	}
	live := filepath.Clean(c.Root) == "/"
	fo, err := c.options(g)
	if err != nil {
		return err
	}
	o := host.Options{Root: c.Root, Paths: c.Path, Files: fo, Processes: live && !c.NoProcesses,
		Host: c.Host}
	if c.ListPaths {
		return c.listPaths(g, o)
	}
	if o.Host == "" {
		o.Host = host.MachineID(c.Root)
	}
	if live {
		o.Files.Exclude = append(o.Files.Exclude, selfExclude()...)
	}
	if o.Files.Cache, err = c.openCache(g); err != nil {
		return err
	}
	defer closeCache(g, o.Files.Cache)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := newFindingWriter(g, set)
	if p := (&host.Progress{}); c.showProgress(g, out, p) {
		o.Files.Progress = p
	}
	res, err := host.Scan(ctx, host.Compile(set), o, func(f scanner.Finding) { _ = out.write(f) })
	out.display.finish()
	_ = out.flush()
	c.summary(g, scanSummary{Summary: res.Summary, Findings: out.count, Packages: &res.Packages, Processes: &res.Processes})
	return exitFor(out.count, err, false)
}

// selfExclude keeps aupscan's own executable out of a live scan.
func selfExclude() []string {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	if r, err := filepath.EvalSymlinks(exe); err == nil {
		exe = r
	}
	return []string{exe}
}

// exitFor applies the exit-code contract: 2 when an input could not be read at all
// (it wins), 1 when there are findings, 0 otherwise.
func exitFor(findings int, err error, badInput bool) error {
	switch {
	case err != nil:
		return &exitErr{code: exitError, err: err}
	case badInput:
		return &exitErr{code: exitError}
	case findings > 0:
		return &exitErr{code: exitFindings}
	}
	return nil
}
