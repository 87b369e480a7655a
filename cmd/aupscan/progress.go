package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/aupscan/aupscan/scanner/host"
)

// progressTick is how often the display reads the scan's counts.
const progressTick = 150 * time.Millisecond

// progressDisplay draws a file scan's progress on one line of a terminal: files,
// bytes, rate and the folder being read, then a bar with the time left once the walk
// has found everything (before that the total is unknown and a spinner turns). It
// draws only on a terminal: on a pipe or a file it is absent, so logs and scripts
// read the summary alone.
type progressDisplay struct {
	p    *host.Progress
	out  io.Writer
	bar  *progressbar.ProgressBar
	mu   sync.Mutex // one writer at a time on the terminal: the bar, or a finding
	stop chan struct{}
	done chan struct{}
	max  int64 // the bar's total, -1 while unknown
}

// isTerminal says whether w is a terminal (stderr of a person's shell).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// startProgress starts drawing p on w when w is a terminal and quiet is not set;
// otherwise it returns nil, whose methods do nothing.
func startProgress(w io.Writer, quiet bool, p *host.Progress) *progressDisplay {
	if quiet || !isTerminal(w) {
		return nil
	}
	d := &progressDisplay{p: p, out: w, stop: make(chan struct{}), done: make(chan struct{}), max: -1}
	d.bar = progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(true),
		progressbar.OptionUseIECUnits(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetWidth(20),
		progressbar.OptionThrottle(progressTick/2),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionSetRenderBlankState(true),
		progressbar.OptionShowDescriptionAtLineEnd(),
	)
	go d.loop()
	return d
}

func (d *progressDisplay) loop() {
	defer close(d.done)
	t := time.NewTicker(progressTick)
	defer t.Stop()
	for {
		select {
		case <-d.stop:
			return
		case <-t.C:
			d.update(false)
		}
	}
}

// update reads the counts and redraws; last draws the final state as a whole bar.
func (d *progressDisplay) update(last bool) {
	s := d.p.State()
	d.mu.Lock()
	defer d.mu.Unlock()
	switch {
	case last:
		d.bar.ChangeMax64(max(s.Bytes, 1))
	case s.Walked && d.max < 0:
		// The walk is over: the total is known, and so is the time left. The bar
		// must not end before the scan does, so its end is never below what is read.
		d.max = max(s.TotalBytes, s.Bytes+1)
		d.bar.ChangeMax64(d.max)
	}
	d.bar.Describe(progressLabel(s))
	_ = d.bar.Set64(max(s.Bytes, 0))
	if last {
		_ = d.bar.Set64(max(s.Bytes, 1)) // the bar ends, drawn whole
	}
}

// progressLabel says what the bar does not: files scanned (of how many, once known)
// and the folder being read.
func progressLabel(s host.ProgressState) string {
	files := fmt.Sprintf("%d files", s.Files)
	if s.Walked {
		files = fmt.Sprintf("%d/%d files", s.Files, s.TotalFiles)
	}
	if s.Folder == "" {
		return files
	}
	return files + " in " + shortPath(oneLine(s.Folder), 48)
}

// shortPath keeps the end of a long path, which names the folder.
func shortPath(p string, n int) string {
	r := []rune(p)
	if len(r) <= n {
		return p
	}
	return "…" + string(r[len(r)-n+1:])
}

// pause clears the line so that a finding printed to the same terminal is not drawn
// over; resume lets the bar draw again at its next tick.
func (d *progressDisplay) pause() {
	if d != nil {
		d.mu.Lock()
		_ = d.bar.Clear()
	}
}

func (d *progressDisplay) resume() {
	if d != nil {
		d.mu.Unlock()
	}
}

// finish draws the last state and ends the line, before the summary is printed.
func (d *progressDisplay) finish() {
	if d == nil {
		return
	}
	close(d.stop)
	<-d.done
	d.update(true)
	d.mu.Lock()
	defer d.mu.Unlock()
	_, _ = io.WriteString(d.out, "\n")
}

// showProgress starts drawing p for a files or host scan when stderr is a terminal
// and --quiet is not set, clearing the line before each finding out prints; it says
// whether it does, so that a scan nobody watches does not count ahead for nothing.
func (f *fileFlags) showProgress(g *Globals, out *findingWriter, p *host.Progress) bool {
	out.display = startProgress(g.stderr, f.Quiet, p)
	return out.display != nil
}
