package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// n2n's packets carry a clear header naming the community (the VPN's name) in
// every version. Version 1 (n2n 1.3, Debian's package) marshals an 84-byte header:
// version 1, message type, TTL, a sent-by-supernode byte, the community in 16
// bytes, source and destination MACs, two 20-byte peer addresses (family, port,
// address), the packet type, sequence number and CRC, then the LZO-compressed
// payload. Versions 2 and 3 (n2n 2.x and 3.x, from their wire.c) start with
// version, TTL, 16 bits of flags whose low 5 bits are the message type (0x20: from
// a supernode), then the community in 16 (v2) or 20 (v3) bytes. With v3's header
// encryption nothing of this shows, and nothing is read.
const (
	n2nV1Header    = 84
	n2nV1Register  = 1
	n2nV1Packet    = 3
	n2nV1Ack       = 4
	n2nRegisterSup = 5
	n2nSuperAck    = 7
	n2nSuperNak    = 8
	n2nFromSuper   = 0x20
)

// n2nState keeps a hash of the community the client named, which the other side
// must name too.
type n2nState struct {
	community uint32
}

// n2nHeader reads an n2n header: its message type, whether a supernode sent it,
// and a hash of the community.
func n2nHeader(pl []byte) (typ uint8, fromSuper bool, community uint32, ok bool) {
	if len(pl) < 24 {
		return 0, false, 0, false
	}
	switch pl[0] {
	case 1:
		if len(pl) < n2nV1Header || pl[1] < 1 || pl[1] > 5 || pl[2] > 8 || pl[3] > 1 ||
			!n2nFamily(pl[32]) || !n2nFamily(pl[52]) || pl[72] > 3 {
			return 0, false, 0, false
		}
		community, ok = n2nCommunity(pl[4:20])
		return pl[1], pl[3] == 1, community, ok
	case 2, 3:
		size := 16
		if pl[0] == 3 {
			size = 20
		}
		flags := be16(pl[2:])
		if len(pl) < 4+size+6 || pl[1] > 8 || flags&0xff00 != 0 || flags&0x1f > 12 {
			return 0, false, 0, false
		}
		community, ok = n2nCommunity(pl[4 : 4+size])
		return uint8(flags & 0x1f), flags&n2nFromSuper != 0, community, ok
	}
	return 0, false, 0, false
}

// n2nFamily reports whether b is an address family n2n 1 writes: none, AF_INET or
// AF_INET6 (Linux).
func n2nFamily(b byte) bool { return b == 0 || b == 2 || b == 10 }

// n2nCommunity hashes a community name: printable characters, then a NUL (n2n 1
// leaves whatever followed in its buffer after the NUL) or the field's end.
func n2nCommunity(b []byte) (uint32, bool) {
	h := uint32(2166136261)
	n := 0
	for _, c := range b {
		if c == 0 {
			break
		}
		if c < 0x20 || c > 0x7e {
			return 0, false
		}
		h = (h ^ uint32(c)) * 16777619
		n++
	}
	return h, n > 0
}

// inspectN2N recognises n2n: the client's first packet is a registration (or a
// data packet) with a well-formed header, and the other side answers with an n2n
// header of the same community: a supernode's acknowledgement, or an edge's own
// registration.
func inspectN2N(in *inspection) verdict {
	if in.proto() != decode.ProtoUDP {
		return rejected
	}
	typ, super, comm, ok := n2nHeader(in.pl)
	if !ok {
		return rejected
	}
	st := &in.st.fps.n2n
	if in.fromClient() {
		if in.n != 1 {
			return undecided
		}
		if super || (typ != n2nV1Register && typ != n2nV1Packet && typ != n2nRegisterSup) {
			return rejected
		}
		st.community = comm
		return undecided
	}
	if in.f.Inspected[FromClient] == 0 || comm != st.community {
		return rejected
	}
	switch {
	case in.pl[0] == 1 && (typ == n2nV1Ack && super || typ == n2nV1Register || typ == n2nV1Packet):
		return matched(confHigh, "n2n v1 registration answered for the same community")
	case in.pl[0] > 1 && (typ == n2nSuperAck || typ == n2nSuperNak) && super:
		return matched(confHigh, "n2n registration with a supernode answered for the same community")
	}
	return rejected
}
