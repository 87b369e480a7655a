package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/signatures"
)

type pcapCmd struct {
	Files       []string `arg:"" name:"FILE" help:"Capture files: pcap or pcapng (told apart by their magic number), gzipped or not; a folder: the captures in it and below, found by their magic number (other files are noted and skipped)."`
	Host        string   `help:"Host id in finding ids (default: empty, written as \"host\": \"\": a capture does not say whose traffic it holds)."`
	streamFlags `embed:""`
	Workers     int      `help:"Capture files scanned in parallel (each file by one worker; output stays in file order); 0 or unset: one per CPU."`
	Local       []string `placeholder:"CIDR" help:"The monitored host: an address, CIDR range or MAC (repeatable, or comma-separated). Findings on its flows say its role: server (it accepted the connection, answered the first datagram) or client."`
}

// fileResult is what scanning one capture file gave, held until the files before
// it are printed.
type fileResult struct {
	path     string
	stats    traffic.FileStats
	err      error
	findings []scanner.Finding
}

// trafficTotals sums what the capture sources of one command read.
type trafficTotals struct {
	files                          int
	packets, malformed, notIP      uint64
	flows, evictIdle, evictFull    uint64
	dropped, findings, dropFinding uint64
	reassembly                     traffic.ReassemblyStats
}

func (t *trafficTotals) add(fs traffic.FileStats) {
	t.files++
	t.packets += fs.Packets
	t.malformed += fs.Malformed
	t.notIP += fs.NotIP
	t.flows += fs.Flows.Created
	t.evictIdle += fs.Flows.EvictedIdle
	t.evictFull += fs.Flows.EvictedFull
	t.dropped += fs.Flows.DroppedFull
	t.findings += fs.Findings
	t.reassembly.Add(fs.Reassembly)
}

// print writes the summary to stderr: what was read, what was skipped, and why.
func (t *trafficTotals) print(w io.Writer, what string, d time.Duration) {
	fmt.Fprintf(w, "read %d %s in %s: %d packets (%d malformed, %d not IP), %d flows, %d evicted (%d idle, %d table full), %d packets dropped (table full): %d findings",
		t.files, what, d.Round(time.Millisecond), t.packets, t.malformed, t.notIP, t.flows,
		t.evictIdle+t.evictFull, t.evictIdle, t.evictFull, t.dropped, t.findings)
	if t.dropFinding > 0 {
		fmt.Fprintf(w, " (%d not printed: the output fell behind)", t.dropFinding)
	}
	fmt.Fprintln(w)
	printReassembly(w, t.reassembly)
}

// Run scans the capture files, one worker a file, and prints what each gave in
// the order of the arguments. A file that cannot be read as a capture at all makes
// the exit code 2 and the others are scanned; a file that breaks off part way is
// reported with the packet number, and what was read counts.
func (c *pcapCmd) Run(g *Globals) error {
	eng, set, err := loadTrafficEngine(g)
	if err != nil {
		return err
	}
	local, err := parseLocal(c.Local)
	if err != nil {
		return err
	}
	start := time.Now()
	files, bad := expandCaptures(g.stderr, c.Files)
	results := make([]chan fileResult, len(files))
	for i := range results {
		results[i] = make(chan fileResult, 1)
	}
	next := make(chan int, len(files))
	for i := range files {
		next <- i
	}
	close(next)
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range max(1, min(workers, len(files))) {
		go func() {
			var r *fileResult
			sc := traffic.NewScanner(eng, c.scannerConfig(c.Host, local),
				func(f scanner.Finding) { r.findings = append(r.findings, f) })
			for i := range next {
				r = &fileResult{path: files[i]}
				r.stats, r.err = sc.ScanFile(r.path)
				results[i] <- *r
			}
		}()
	}
	out := newFindingWriter(g, set)
	if len(files) > 1 {
		out.withSource(files) // which capture each finding came from
	}
	var tot trafficTotals
	for _, ch := range results {
		r := <-ch
		for _, f := range r.findings {
			_ = out.write(f)
		}
		if r.err != nil {
			fmt.Fprintln(g.stderr, "aupscan:", r.err)
			bad = true
			continue
		}
		if r.stats.ReadErr != nil {
			fmt.Fprintf(g.stderr, "aupscan: %v (the %d packets before it were scanned)\n", r.stats.ReadErr, r.stats.Packets)
		}
		if r.stats.Malformed > 0 {
			fmt.Fprintf(g.stderr, "aupscan: %s: %d malformed packets, the first is packet %d\n", r.path, r.stats.Malformed, r.stats.FirstBadNum)
		}
		tot.add(r.stats)
	}
	_ = out.flush()
	tot.print(g.stderr, "capture files", time.Since(start))
	return exitFor(out.count, nil, bad)
}

// skippedShown is how many files of a folder that are no capture are named.
const skippedShown = 20

// expandCaptures replaces each folder among args by the capture files in it and
// below, in name order, told by their magic number as a single file is; other files
// are noted on stderr and skipped, links and special files are not followed. A
// folder that holds no capture, or cannot be read, is an input not read (bad).
func expandCaptures(stderr io.Writer, args []string) (files []string, bad bool) {
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil || !fi.IsDir() {
			files = append(files, arg) // the scan names what is wrong with it
			continue
		}
		var found, skipped []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case !d.Type().IsRegular():
				return nil
			}
			ok, err := capture.IsCaptureFile(p)
			if err != nil {
				return err
			}
			if ok {
				found = append(found, p)
			} else {
				skipped = append(skipped, p)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(stderr, "aupscan:", err)
			bad = true
		}
		for i, p := range skipped {
			if i == skippedShown {
				fmt.Fprintf(stderr, "aupscan: note: %d more files in %s are no capture, skipped\n", len(skipped)-skippedShown, arg)
				break
			}
			fmt.Fprintf(stderr, "aupscan: note: %s: not a pcap or pcapng capture, skipped\n", oneLine(p))
		}
		if len(found) == 0 && err == nil {
			fmt.Fprintf(stderr, "aupscan: %s: no pcap or pcapng capture in the folder\n", arg)
			bad = true
		}
		files = append(files, found...)
	}
	return files, bad
}

// parseLocal reads the --local values; none gives no local set (roles unknown).
func parseLocal(values []string) (*traffic.Local, error) {
	if len(values) == 0 {
		return nil, nil
	}
	l, err := traffic.ParseLocal(values)
	if err != nil {
		return nil, &exitErr{code: exitError, err: err}
	}
	return l, nil
}

// loadTrafficEngine loads the rules and compiles the traffic engine from them.
func loadTrafficEngine(g *Globals) (*traffic.Engine, *signatures.Set, error) {
	set, err := loadRules(g)
	if err != nil {
		return nil, nil, err
	}
	eng, err := traffic.Compile(set)
	if err != nil {
		return nil, nil, &exitErr{code: exitError, err: err}
	}
	return eng, set, nil
}
