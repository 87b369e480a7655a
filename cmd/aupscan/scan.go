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

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/host"
)

// fileFlags are the flags of the commands that read files.
type fileFlags struct {
	Workers     int      `help:"Files read in parallel (default: one per CPU)."`
	MaxSize     int64    `help:"Skip files larger than this many bytes (default 512 MiB)."`
	Rate        int64    `help:"Read at most this many bytes a second (0: no limit)."`
	CrossDevice bool     `help:"Enter other filesystems mounted below a scan path."`
	Exclude     []string `placeholder:"GLOB" help:"Path glob not to read (repeatable), e.g. '/home/*/.cache/**'."`
	ListSkipped bool     `help:"List every skipped file on stderr, not only the first 100."`
	Host        string   `help:"Host id in finding ids (default: /etc/machine-id of the scanned root, for files this machine's)."`
	Cache       string   `type:"path" placeholder:"FILE" help:"Scan cache (SQLite): files unchanged since the last scan are not read again; a new hash list is checked against cached hashes."`
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

func (f *fileFlags) options(g *Globals) host.FileOptions {
	// Rule folders hold the patterns themselves: never scan them.
	exclude := append([]string{}, f.Exclude...)
	for _, d := range g.RuleDirs {
		if abs, err := filepath.Abs(d); err == nil {
			exclude = append(exclude, abs, abs+"/**")
		}
	}
	return host.FileOptions{Workers: f.Workers, MaxSize: f.MaxSize, RateBytes: f.Rate, CrossDevice: f.CrossDevice, Exclude: exclude}
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
	var trees []host.Tree
	var bad []error
	for _, p := range c.Paths {
		t, err := treeFor(p)
		if err != nil {
			bad = append(bad, err)
			fmt.Fprintln(g.stderr, "aupscan:", err)
			continue
		}
		defer t.Root.Close()
		trees = append(trees, t)
	}
	cache, err := c.openCache(g)
	if err != nil {
		return err
	}
	defer closeCache(g, cache)
	opts := c.options(g)
	opts.Cache = cache
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := newFindingWriter(g, set)
	mk := host.FindingMaker{Host: cmp.Or(c.Host, thisHost()), Time: time.Now().UTC()}
	sum, err := host.ScanFiles(ctx, trees, eng.Files, opts, func(h host.FileHit) {
		for _, f := range mk.FileFindings(h) {
			_ = out.write(f)
		}
	})
	_ = out.flush()
	printSummary(g.stderr, sum, out.count, c.ListSkipped)
	return exitFor(out.count, err, len(bad) > 0)
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
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return host.Tree{}, fmt.Errorf("%s: %w", p, err)
	}
	return host.Tree{Root: root, Prefix: dir, Paths: paths, Source: p}, nil
}

type hostCmd struct {
	Root        string   `default:"/" type:"path" help:"The system's root: / for this host, or a VM's disk image or snapshot mounted read-only. Paths and links never leave it; processes are skipped."`
	Path        []string `placeholder:"PATH" help:"Folder inside the root to walk (repeatable; default: the usual install, home, temporary and configuration folders)."`
	NoProcesses bool     `help:"Do not look at running processes and listening sockets."`
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
	o := host.Options{Root: c.Root, Paths: c.Path, Files: c.options(g), Processes: live && !c.NoProcesses,
		Host: c.Host}
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
	res, err := host.Scan(ctx, host.Compile(set), o, func(f scanner.Finding) { _ = out.write(f) })
	_ = out.flush()
	printSummary(g.stderr, res.Summary, out.count, c.ListSkipped)
	fmt.Fprintf(g.stderr, "%d packages, %d processes examined\n", res.Packages, res.Processes)
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
