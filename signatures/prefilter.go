package signatures

import "encoding/binary"

// The prefilter finds the positions whose 4-byte window hashes into the Matcher's
// filter bitmap: the candidates that verify looks at. On amd64 with AVX2 it runs
// sixteen windows at a time (prefilter_amd64.s: a shuffle builds the windows, one
// multiply hashes them, a gather reads their filter words); elsewhere, and for the
// last few bytes of a buffer, filterGo does the same one window at a time. Both give
// the same candidates in the same order (TestPrefilterAsmAgainstGo).

// candBatch is how many candidates one prefilter call may return: enough that the
// calls cost nothing, few enough to sit on the stack.
const candBatch = 256

// candidates writes to out, in order, the window positions from pos on (up to
// len(buf)-4) whose hash is in the filter, and returns how many it wrote and the
// position it stopped at: len(buf)-3 when it reached the end, else out was full.
func (m *Matcher) candidates(buf []byte, pos int, out []int) (k, next int) {
	if m.asm && len(buf)-pos >= 24 && len(m.filter) > 0 {
		k, pos = filterAsm(buf, pos, &m.filter[0], m.shift, out)
	}
	n, next := filterGo(buf, pos, m.filter, m.shift, out[k:])
	return k + n, next
}

// filterGo is the prefilter one window at a time.
func filterGo(buf []byte, pos int, filter []uint64, shift uint32, out []int) (k, next int) {
	n := len(buf) - 3
	for ; pos < n; pos++ {
		v := binary.LittleEndian.Uint32(buf[pos:]) | foldMask
		h := hash32(v) >> shift
		if filter[h>>6]&(1<<(h&63)) == 0 {
			continue
		}
		if k == len(out) {
			return k, pos
		}
		out[k] = pos
		k++
	}
	return k, max(n, pos)
}
