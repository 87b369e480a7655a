// Package host is the host scanner: installed packages, configuration files, programs
// in the usual install locations, and (on a live system) running processes with
// their listening sockets, identified by what they contain rather than their names.
package host

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/file"
	"github.com/aupscan/aupscan/signatures"
)

// DefaultPaths are the folders a host scan walks: system and local programs, optional
// software, home folders, served files, temporary folders and configuration.
var DefaultPaths = []string{
	"/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/libexec", "/usr/local", "/opt",
	"/home", "/root", "/srv", "/tmp", "/var/tmp", "/etc",
}

// Options says what a host scan covers.
type Options struct {
	// Root is the system's root folder: "/" for this host, or a VM's disk image or
	// snapshot mounted read-only. Every path is read inside it and no symbolic link
	// can lead out of it.
	Root string
	// Paths to walk inside Root; nil means DefaultPaths.
	Paths []string
	Files FileOptions
	// Processes turns on running processes and listening sockets; only for Root "/".
	Processes bool
	// ProcDir is where processes are read from (normally /proc).
	ProcDir string
	// Host names the machine in finding ids.
	Host string

	// defaults are the root's packaged configuration files, read by Scan.
	defaults *PackagedDefaults
}

// Result is the outcome of a host scan besides its findings.
type Result struct {
	Summary   Summary
	Packages  int
	Processes int
}

// Scan scans a host and calls emit for each finding (from one goroutine).
func Scan(ctx context.Context, eng *Engine, o Options, emit func(scanner.Finding)) (Result, error) {
	var res Result
	if o.Root == "" {
		o.Root = "/"
	}
	if o.Paths == nil {
		o.Paths = DefaultPaths
	}
	if o.Processes && filepath.Clean(o.Root) != "/" {
		return res, errors.New("processes can only be scanned on the live system (root /)")
	}
	root, err := os.OpenRoot(o.Root)
	if err != nil {
		return res, fmt.Errorf("scan root: %w", err)
	}
	defer root.Close()
	now := time.Now().UTC()
	mk := FindingMaker{Host: o.Host, Source: o.Root, Time: now}

	pkgs, perr := ReadPackages(root)
	res.Packages = len(pkgs)
	for _, p := range pkgs {
		for _, r := range eng.MatchPackage(p) {
			f := mk.Make(r, scanner.KindPackage, p.String(), fmt.Sprintf("package %s %s is installed (%s)", p.Name, p.Version, p.Manager), r.Confidence, "")
			f.Role = scanner.RoleInstalled
			emit(f)
		}
	}
	defaults, derr := ReadPackagedDefaults(root)
	perr = errors.Join(perr, derr)
	o.defaults = defaults
	sum, err := scanSystem(ctx, eng, root, o, mk, emit)
	res.Summary = sum
	if err != nil {
		return res, err
	}
	if o.Processes {
		n, err := scanProcesses(ctx, eng, o, mk, emit)
		res.Processes = n
		if err != nil {
			return res, err
		}
	}
	return res, perr
}

// ReadPackages lists the installed packages of every package manager the root has.
// A database that is present but unreadable is an error; the others still count.
func ReadPackages(root *os.Root) ([]Package, error) {
	var out []Package
	var errs []error
	read := func(rel string, parse func(f fs.File) ([]Package, error)) {
		f, err := root.Open(rel)
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("/%s: %w", rel, err))
			return
		}
		defer f.Close()
		p, err := parse(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("/%s: %w", rel, err))
		}
		out = append(out, p...)
	}
	read("var/lib/dpkg/status", func(f fs.File) ([]Package, error) { return ParseDpkgStatus(f) })
	read("lib/apk/db/installed", func(f fs.File) ([]Package, error) { return ParseAPKInstalled(f) })
	for _, rel := range []string{"var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite"} {
		if _, err := root.Lstat(rel); err == nil {
			p, err := ReadRPMDB(root, rel)
			if err != nil {
				errs = append(errs, fmt.Errorf("/%s: %w", rel, err))
			}
			out = append(out, p...)
			break
		}
	}
	return out, errors.Join(errs...)
}

// FindingMaker fills in what every finding of one scan shares.
type FindingMaker struct {
	Host   string
	Source string // the scan root; a file hit's tree source wins when set
	Time   time.Time
}

// Make builds a finding of rule r with its stable id.
func (m FindingMaker) Make(r *signatures.Rule, kind, subject, evidence, confidence, sha string) scanner.Finding {
	f := scanner.Finding{Rule: r.ID, Name: r.Name, Category: r.Category, Severity: r.Severity,
		Confidence: confidence, Kind: kind, Subject: subject, Evidence: evidence,
		Source: m.Source, Time: m.Time, Host: m.Host, SHA256: sha}
	f.SetID()
	return f
}

// FileFindings turns a file hit into findings of kind file or config, one a rule. A
// config finding carries the role its section judged (server, or client); a program
// file (ELF or script) is installed software.
func (m FindingMaker) FileFindings(h FileHit) []scanner.Finding {
	if h.Source != "" {
		m.Source = h.Source
	}
	sha := ""
	if h.Result.Digests.HasSHA256() { // a file the scan could not read again has none
		sha = fmt.Sprintf("%x", h.Result.Digests.SHA256)
	}
	var out []scanner.Finding
	for _, fm := range h.Result.Matches {
		kind, role := scanner.KindFile, ""
		switch {
		case fm.Config && !h.InArchive: // a configuration inside an archive is not in use
			kind, role = scanner.KindConfig, fm.Role
		case !h.InArchive && (h.Result.Type == signatures.TypeELF || h.Result.Type == signatures.TypeScript):
			role = scanner.RoleInstalled
		}
		f := m.Make(fm.Rule, kind, h.Path, fm.Evidence, cmp.Or(fm.Confidence, fm.Rule.Confidence), sha)
		f.Role = role
		if h.Container != "" {
			f.Container = h.Container
			f.SetID()
		}
		out = append(out, f)
	}
	return out
}

// scanProcesses identifies each running program by its executable (read through
// /proc/PID/exe, so a binary deleted after it started is still read) and by name,
// and ties listening sockets to it.
func scanProcesses(ctx context.Context, eng *Engine, o Options, mk FindingMaker, emit func(scanner.Finding)) (int, error) {
	procDir := o.ProcDir
	if procDir == "" {
		procDir = "/proc"
	}
	procs, err := ListProcesses(procDir)
	if err != nil {
		return 0, err
	}
	fs := eng.Files.NewScanner()
	cache := map[string][]file.Match{} // by exe path: many processes share one
	for _, p := range procs {
		if ctx.Err() != nil {
			return len(procs), ctx.Err()
		}
		subject := fmt.Sprintf("%s (pid %d)", or(p.Exe, p.Comm), p.PID)
		// One finding a rule and process, whether its name, its executable or both
		// matched: the executable's evidence is the stronger, so it goes first.
		seen := map[string]bool{}
		if p.Exe != "" {
			matches, ok := cache[p.Exe]
			if !ok {
				matches = exeMatches(procDir, p, fs)
				cache[p.Exe] = matches
			}
			for _, m := range matches {
				if m.Config || seen[m.Rule.ID] {
					continue
				}
				seen[m.Rule.ID] = true
				ev := processEvidence(p, m.Rule.Name, 0) + "; executable: " + m.Evidence
				emit(mk.Make(m.Rule, scanner.KindProcess, subject, ev, m.Rule.Confidence, ""))
			}
		}
		for _, pm := range eng.MatchProcess(path.Base(strings.TrimSuffix(or(p.Exe, p.Comm), " (deleted)")), p.Ports()) {
			if !seen[pm.Rule.ID] {
				seen[pm.Rule.ID] = true
				emit(mk.Make(pm.Rule, scanner.KindProcess, subject, processEvidence(p, pm.Rule.Name, pm.Port), pm.Rule.Confidence, ""))
			}
		}
	}
	return len(procs), nil
}

// exeMatches scans a process's executable through /proc/PID/exe.
func exeMatches(procDir string, p Process, fs *file.Scanner) []file.Match {
	f, err := os.Open(filepath.Join(procDir, fmt.Sprint(p.PID), "exe"))
	if err != nil {
		return nil // gone, or another user's without CAP_SYS_PTRACE
	}
	defer f.Close()
	res, err := fs.Scan(f, strings.TrimSuffix(p.Exe, " (deleted)"))
	if err != nil {
		return nil
	}
	return res.Matches
}

// processEvidence says what runs and where it listens: "Dante SOCKS server is
// running as pid 812 (/usr/local/bin/relayd), listening on 0.0.0.0:1080/tcp".
func processEvidence(p Process, what string, port uint16) string {
	s := fmt.Sprintf("%s is running as pid %d (%s)", what, p.PID, or(p.Exe, p.Comm))
	var ls []string
	for _, l := range p.Listen {
		if port == 0 || l.Addr.Port() == port {
			ls = append(ls, l.String())
		}
	}
	if len(ls) > 0 {
		s += ", listening on " + strings.Join(ls, ", ")
	}
	return s
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// MachineID reads the scanned system's /etc/machine-id, the default host id; "" when
// it has none.
func MachineID(rootDir string) string {
	root, err := os.OpenRoot(rootDir)
	if err != nil {
		return ""
	}
	defer root.Close()
	b, err := root.ReadFile("etc/machine-id")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
