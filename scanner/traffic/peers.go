package traffic

import "net/netip"

// peerKind says what two hosts were seen doing together.
type peerKind uint8

const (
	peerIKE  peerKind = iota + 1 // an IKE exchange
	peerTinc                     // a tinc meta connection
)

// maxPeers bounds the peer set; when it is full it starts over, which at worst
// forgets a pairing and lowers a later finding's confidence.
const maxPeers = 4096

type peerKey struct {
	a, b netip.Addr
	kind peerKind
}

// peerSet remembers pairs of hosts across flows, in either order.
type peerSet struct {
	m map[peerKey]struct{}
}

func (s *peerSet) init() { s.m = make(map[peerKey]struct{}) }

func (s *peerSet) key(k peerKind, a, b netip.Addr) peerKey {
	if b.Less(a) {
		a, b = b, a
	}
	return peerKey{a, b, k}
}

func (s *peerSet) add(k peerKind, a, b netip.Addr) {
	if len(s.m) >= maxPeers {
		clear(s.m)
	}
	s.m[s.key(k, a, b)] = struct{}{}
}

func (s *peerSet) has(k peerKind, a, b netip.Addr) bool {
	_, ok := s.m[s.key(k, a, b)]
	return ok
}
