package host

import (
	"path"
	"sync/atomic"
)

// Progress is a running file scan's count, written by the scan and read at any time
// by a display (cmd/aupscan draws it on a terminal). The walk runs ahead of the
// readers, so the totals are known, and an end can be foreseen, once it is over.
// The zero value is ready; a nil *Progress counts nothing.
type Progress struct {
	found, foundBytes atomic.Int64 // regular files the walk sent to the readers
	done, doneBytes   atomic.Int64 // files scanned (read or served from the cache)
	walked            atomic.Bool  // the walk is over: found is the total
	folder            atomic.Pointer[string]
	// total and totalBytes are what a walk that only counts found (countAhead),
	// known once isCounted; usually long before the scan's own walk ends.
	total, totalBytes atomic.Int64
	isCounted         atomic.Bool
}

// ProgressState is one reading of a Progress.
type ProgressState struct {
	Files, Bytes           int64  // scanned so far
	TotalFiles, TotalBytes int64  // found by the walk so far; the totals once Walked
	Walked                 bool   // the totals are known: counted ahead, or the walk is over
	Folder                 string // the folder of the file read last, as shown to people
}

// State reads the counts; a nil Progress reads as zero.
func (p *Progress) State() ProgressState {
	if p == nil {
		return ProgressState{}
	}
	s := ProgressState{Files: p.done.Load(), Bytes: p.doneBytes.Load(),
		TotalFiles: p.found.Load(), TotalBytes: p.foundBytes.Load(), Walked: p.walked.Load()}
	if !s.Walked && p.isCounted.Load() {
		s.TotalFiles, s.TotalBytes, s.Walked = p.total.Load(), p.totalBytes.Load(), true
	}
	if f := p.folder.Load(); f != nil {
		s.Folder = *f
	}
	return s
}

func (p *Progress) found1(size int64) {
	if p != nil {
		p.found.Add(1)
		p.foundBytes.Add(size)
	}
}

func (p *Progress) reading(display string) {
	if p != nil {
		dir := path.Dir(display)
		p.folder.Store(&dir)
	}
}

func (p *Progress) done1(size int64) {
	if p != nil {
		p.done.Add(1)
		p.doneBytes.Add(size)
	}
}

func (p *Progress) counted(files, bytes int64) {
	p.total.Store(files)
	p.totalBytes.Store(bytes)
	p.isCounted.Store(true)
}

func (p *Progress) walkOver() {
	if p != nil {
		p.walked.Store(true)
	}
}
