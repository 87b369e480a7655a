package traffic

import (
	"bytes"
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// tinc 1.1 speaks SPTPS (src/sptps.c, src/net_packet.c). On the meta connection,
// after the ID lines (protocol 17, minor 2 or more), each side starts SPTPS with a
// key exchange record in clear: a 16-bit length of 65, record type 128
// (handshake), version 0, a 32-byte nonce and a 32-byte Curve25519 key. Over UDP,
// a node sends SPTPS datagrams directly to a peer with a 6-byte destination id of
// zeros, its own 6-byte node id, and a 32-bit sequence number in clear before the
// encrypted record and its 16-byte tag. tinc 1.0 (Debian's package) speaks
// neither: the tinc fingerprint reads its ID lines.
const (
	sptpsKEXLen    = 65
	sptpsHandshake = 128
	sptpsUDPHeader = 12 + 4
	sptpsUDPMin    = sptpsUDPHeader + 1 + 16
	sptpsUDPNeed   = 3 // datagrams each way before a verdict
)

// sptpsState follows a tinc 1.1 flow: the key exchanges seen on a meta
// connection, or each direction's node id and sequence number over UDP.
type sptpsState struct {
	kex [2]bool
	id  [2][6]byte
	seq [2]uint32
	n   [2]uint8
}

// sptpsKEX reports whether b starts with an SPTPS key exchange record.
func sptpsKEX(b []byte) bool {
	return len(b) >= 3+sptpsKEXLen && b[0] == 0 && b[1] == sptpsKEXLen && b[2] == sptpsHandshake && b[3] == 0
}

// tinc11ID reports whether pl starts with a tinc ID line of protocol 17.2 or
// later, and returns what follows it.
func tinc11ID(pl []byte) ([]byte, bool) {
	if len(pl) < 2 || pl[0] != '0' || pl[1] != ' ' {
		return nil, false // before looking for the line's end in a long payload
	}
	i := bytes.IndexByte(pl, '\n')
	if i < 0 || !tincID(pl) {
		return nil, false
	}
	line := bytes.TrimRight(pl[:i], " \t\r")
	v := line[bytes.LastIndexAny(line, " \t")+1:] // tincID saw "17" or "17.MINOR" there
	dot := bytes.IndexByte(v, '.')
	if dot < 0 {
		return nil, false
	}
	minor := 0
	for _, c := range v[dot+1:] {
		minor = minor*10 + int(c-'0')
		if minor > 1000 {
			break
		}
	}
	return pl[i+1:], minor >= 2
}

// inspectTincSPTPS recognises tinc 1.1: on TCP both ends send an ID line of
// protocol 17.2+ and then an SPTPS key exchange record (high); on UDP, datagrams
// each way from a steady node id to the zero id with rising sequence numbers
// (medium: a structure, no constant).
func inspectTincSPTPS(in *inspection) verdict {
	switch in.proto() {
	case decode.ProtoTCP:
		return sptpsMeta(in)
	case decode.ProtoUDP:
		return sptpsDatagram(in)
	}
	return rejected
}

func sptpsMeta(in *inspection) verdict {
	st := &in.st.fps.sptps
	d := in.dir
	switch {
	case in.n == 1:
		rest, ok := tinc11ID(in.pl)
		if !ok {
			return rejected
		}
		st.kex[d] = sptpsKEX(rest)
		if len(rest) > 0 && !st.kex[d] {
			return rejected
		}
	case in.n == 2 && !st.kex[d]:
		if !sptpsKEX(in.pl) {
			return rejected
		}
		st.kex[d] = true
	case !st.kex[d]:
		return rejected
	}
	if st.kex[FromClient] && st.kex[FromServer] {
		return matched(confHigh, "both ends send a tinc ID line of protocol 17.2+ and an SPTPS key exchange (tinc 1.1)")
	}
	return undecided
}

func sptpsDatagram(in *inspection) verdict {
	st := &in.st.fps.sptps
	d, pl := in.dir, in.pl
	if len(pl) < sptpsUDPMin || !allZero(pl[:6]) || allZero(pl[6:12]) {
		return rejected
	}
	seq := binary.BigEndian.Uint32(pl[12:])
	if st.n[d] == 0 {
		copy(st.id[d][:], pl[6:12])
	} else if !bytes.Equal(st.id[d][:], pl[6:12]) || seq <= st.seq[d] || seq-st.seq[d] > 16 {
		return rejected
	}
	st.seq[d] = seq
	st.n[d]++
	if st.n[FromClient] >= sptpsUDPNeed && st.n[FromServer] >= sptpsUDPNeed {
		if st.id[FromClient] == st.id[FromServer] {
			return rejected
		}
		return matched(confMedium, "UDP datagrams each way from a steady tinc node id to the zero id, sequence numbers rising (tinc 1.1 SPTPS)")
	}
	return undecided
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
