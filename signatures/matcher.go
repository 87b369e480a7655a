package signatures

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// Matcher finds many byte patterns in one pass. It is built for the case that matters
// here, thousands of rare patterns in mostly innocent data: every pattern is anchored
// on a 4-byte literal window of its own, and the scan loop only hashes each 4-byte
// window of the input into a bitmap filter sized to stay in L1/L2 cache. Only a filter
// hit (about one position in a hundred at 10,000 patterns) looks further. This costs
// about as much for 10,000 patterns as for 10, where a table-driven Aho-Corasick
// automaton slows down as its tables outgrow the cache (PERFORMANCE-NOTES.md).
//
// Patterns without four literal bytes in a row take a slower path: keep them rare.
type Matcher struct {
	shift  uint32
	filter []uint64
	// table is an open-addressing hash from a folded anchor to a run of idx.
	table []anchorSlot
	idx   []int32
	pats  []matcherPattern
	short []int32 // patterns with no 4-byte literal window
	max   int
	asm   bool // run the assembly prefilter (prefilter.go)
}

type matcherPattern struct {
	compiledPattern
	anchor int // offset of the 4-byte anchor window in the pattern
	id     int
}

type anchorSlot struct {
	key        uint32
	start, end int32 // idx[start:end]; end == 0 marks an empty slot
}

// foldMask folds ASCII upper and lower case together (and, harmlessly, a few other
// byte pairs) in the filter, so one filter serves case-sensitive and nocase patterns.
// Verification is exact.
const foldMask = 0x20202020

// MatcherBuilder collects patterns for a Matcher.
type MatcherBuilder struct {
	pats []matcherPattern
}

// add adds a compiled text or hex pattern under the caller's id.
func (b *MatcherBuilder) add(p compiledPattern, id int) {
	b.pats = append(b.pats, matcherPattern{compiledPattern: p, anchor: -1, id: id})
}

// AddPattern adds a file rule's text or hex pattern (hex wildcards and nocase as the
// rule says) under the caller's id. A regular expression is not for the Matcher: see
// Pattern.Regexp.
func (b *MatcherBuilder) AddPattern(p *Pattern, id int) { b.add(p.compiled, id) }

// Add adds a literal pattern, matched case-sensitively unless nocase.
func (b *MatcherBuilder) Add(lit []byte, nocase bool, id int) {
	p := compiledPattern{lit: lit, nocase: nocase}
	if nocase {
		p.lit = foldBytes(lit)
	}
	b.add(p, id)
}

// Len returns the number of patterns added so far.
func (b *MatcherBuilder) Len() int { return len(b.pats) }

// Build compiles the patterns into a Matcher.
func (b *MatcherBuilder) Build() *Matcher {
	m := &Matcher{pats: b.pats, asm: haveAsmPrefilter}
	groups := map[uint32][]int32{}
	for i := range m.pats {
		p := &m.pats[i]
		m.max = max(m.max, len(p.lit))
		p.anchor = pickAnchor(p.lit, p.mask)
		if p.anchor < 0 {
			m.short = append(m.short, int32(i))
			continue
		}
		k := binary.LittleEndian.Uint32(p.lit[p.anchor:]) | foldMask
		groups[k] = append(groups[k], int32(i))
	}
	m.buildFilter(groups)
	return m
}

// buildFilter sizes the bitmap at about 256 bits an anchor (a false-positive rate
// near 0.4%), between 32 KiB (L1) and 512 KiB: at 64 bits an anchor, checking the
// 1.5% of false candidates took a third of the time of a scan of binary data.
func (m *Matcher) buildFilter(groups map[uint32][]int32) {
	nbits := max(1<<18, 256*len(groups))
	nbits = min(1<<bits.Len(uint(nbits-1)), 1<<22)
	m.shift = uint32(32 - bits.TrailingZeros(uint(nbits)))
	m.filter = make([]uint64, nbits/64)
	m.table = make([]anchorSlot, 1<<bits.Len(uint(2*len(groups)+1)))
	mask := uint32(len(m.table) - 1)
	for k, g := range groups {
		h := hash32(k) >> m.shift
		m.filter[h>>6] |= 1 << (h & 63)
		slot := hash32(k) & mask
		for m.table[slot].end != 0 {
			slot = (slot + 1) & mask
		}
		start := int32(len(m.idx))
		m.idx = append(m.idx, g...)
		m.table[slot] = anchorSlot{key: k, start: start, end: int32(len(m.idx))}
	}
}

func hash32(v uint32) uint32 { return v * 0x9E3779B1 }

// pickAnchor chooses the 4-byte literal window of a pattern least likely to occur in
// ordinary data, or -1 when the pattern has none.
func pickAnchor(lit, mask []byte) int {
	best, bestScore := -1, -1
	for i := 0; i+4 <= len(lit); i++ {
		if mask != nil && !bytes.Equal(mask[i:i+4], []byte{0xFF, 0xFF, 0xFF, 0xFF}) {
			continue
		}
		if s := rarity(lit[i : i+4]); s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// rarity scores a window: zero bytes, spaces and 0xFF fill binaries and text, and
// repeated bytes are common, so windows of varied, unusual bytes score higher.
func rarity(w []byte) int {
	s := 0
	for i, c := range w {
		switch {
		case c == 0 || c == 0xFF || c == ' ':
		case c >= 'a' && c <= 'z':
			s += 2
		default:
			s += 3
		}
		if i > 0 && c != w[i-1] {
			s++
		}
	}
	return s
}

// MaxLen returns the length of the longest pattern: a stream scanned in chunks must
// carry that many bytes less one from each chunk into the next.
func (m *Matcher) MaxLen() int { return m.max }

// Scan reports every match in buf whose last byte lies at or after from, calling fn
// with the pattern's id and the offset just past the match. Stream scanning passes the
// previous chunk's tail (MaxLen()-1 bytes) in front of the new bytes and from =
// len(tail), so that a match across the boundary is found once. fn returns false to
// stop the scan.
func (m *Matcher) Scan(buf []byte, from int, fn func(id, end int) bool) {
	if len(m.short) > 0 && !m.scanShort(buf, from, fn) {
		return
	}
	if len(m.table) == 0 || len(buf) < 4 {
		return
	}
	var cand [candBatch]int
	for i, n := 0, len(buf)-3; i < n; {
		k, next := m.candidates(buf, i, cand[:])
		for _, c := range cand[:k] {
			if !m.verify(buf, c, binary.LittleEndian.Uint32(buf[c:])|foldMask, from, fn) {
				return
			}
		}
		i = next
	}
}

// verify checks the patterns anchored on window v at position i.
func (m *Matcher) verify(buf []byte, i int, v uint32, from int, fn func(id, end int) bool) bool {
	mask := uint32(len(m.table) - 1)
	for slot := hash32(v) & mask; m.table[slot].end != 0; slot = (slot + 1) & mask {
		s := m.table[slot]
		if s.key != v {
			continue
		}
		for _, pi := range m.idx[s.start:s.end] {
			p := &m.pats[pi]
			start := i - p.anchor
			end := start + len(p.lit)
			if start < 0 || end > len(buf) || end <= from || !p.matchAt(buf, start) {
				continue
			}
			if !fn(p.id, end) {
				return false
			}
		}
		return true
	}
	return true
}

// scanShort runs the patterns that have no 4-byte literal window, one at a time.
func (m *Matcher) scanShort(buf []byte, from int, fn func(id, end int) bool) bool {
	for _, pi := range m.short {
		p := &m.pats[pi]
		for start := 0; start+len(p.lit) <= len(buf); start++ {
			end := start + len(p.lit)
			if end > from && p.matchAt(buf, start) && !fn(p.id, end) {
				return false
			}
		}
	}
	return true
}
