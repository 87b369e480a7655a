package signatures

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// AddrSet holds IP addresses and CIDR ranges (a Tor relay list, a vendor's server
// ranges) as sorted, merged intervals: a lookup is a binary search, and a million
// addresses take 16 MB for IPv4.
type AddrSet struct {
	v4 []span[uint32]
	v6 []span[u128]
}

type u128 struct{ hi, lo uint64 }

func (a u128) cmp(b u128) int {
	switch {
	case a.hi != b.hi:
		return cmpU(a.hi, b.hi)
	default:
		return cmpU(a.lo, b.lo)
	}
}

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

type span[T any] struct{ lo, hi T }

// ParseAddr reads an address or CIDR range ("192.0.2.1", "2001:db8::/32").
func ParseAddr(s string) (netip.Prefix, error) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, fmt.Errorf("not an address or CIDR range: %q", s)
		}
		return p.Masked(), nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("not an address or CIDR range: %q", s)
	}
	return netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()), nil
}

// NewAddrSet builds a set from prefixes.
func NewAddrSet(prefixes []netip.Prefix) *AddrSet {
	s := &AddrSet{}
	for _, p := range prefixes {
		p = p.Masked()
		if p.Addr().Is4() {
			lo := be32(p.Addr().As4())
			hi := lo | (uint32(1)<<(32-p.Bits()) - 1)
			if p.Bits() == 0 {
				hi = ^uint32(0)
			}
			s.v4 = append(s.v4, span[uint32]{lo, hi})
			continue
		}
		lo := to128(p.Addr().As16())
		hi := lo
		if b := 128 - p.Bits(); b >= 64 {
			hi.lo = ^uint64(0)
			hi.hi |= ones(b - 64)
		} else {
			hi.lo |= ones(b)
		}
		s.v6 = append(s.v6, span[u128]{lo, hi})
	}
	s.v4 = mergeSpans(s.v4, func(a, b uint32) int { return cmpU(uint64(a), uint64(b)) }, func(v uint32) uint32 { return v + 1 })
	s.v6 = mergeSpans(s.v6, u128.cmp, func(v u128) u128 {
		if v.lo == ^uint64(0) {
			return u128{v.hi + 1, 0}
		}
		return u128{v.hi, v.lo + 1}
	})
	return s
}

func ones(n int) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	return uint64(1)<<n - 1
}

func be32(b [4]byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func to128(b [16]byte) u128 {
	var v u128
	for i := range 8 {
		v.hi = v.hi<<8 | uint64(b[i])
		v.lo = v.lo<<8 | uint64(b[i+8])
	}
	return v
}

// mergeSpans sorts spans and joins the ones that overlap or touch.
func mergeSpans[T any](s []span[T], cmp func(a, b T) int, next func(T) T) []span[T] {
	slices.SortFunc(s, func(a, b span[T]) int { return cmp(a.lo, b.lo) })
	out := s[:0]
	for _, sp := range s {
		if n := len(out); n > 0 && (cmp(sp.lo, out[n-1].hi) <= 0 || cmp(sp.lo, next(out[n-1].hi)) == 0) {
			if cmp(sp.hi, out[n-1].hi) > 0 {
				out[n-1].hi = sp.hi
			}
			continue
		}
		out = append(out, sp)
	}
	return slices.Clip(out)
}

// Contains reports whether a is in the set.
func (s *AddrSet) Contains(a netip.Addr) bool {
	if s == nil {
		return false
	}
	a = a.Unmap()
	if a.Is4() {
		return contains(s.v4, be32(a.As4()), func(x, y uint32) int { return cmpU(uint64(x), uint64(y)) })
	}
	return contains(s.v6, to128(a.As16()), u128.cmp)
}

func contains[T any](s []span[T], v T, cmp func(a, b T) int) bool {
	i, _ := slices.BinarySearchFunc(s, v, func(sp span[T], v T) int {
		switch {
		case cmp(sp.hi, v) < 0:
			return -1
		case cmp(sp.lo, v) > 0:
			return 1
		}
		return 0
	})
	return i < len(s) && cmp(s[i].lo, v) <= 0 && cmp(v, s[i].hi) <= 0
}

// Len returns the number of merged ranges.
func (s *AddrSet) Len() int { return len(s.v4) + len(s.v6) }
