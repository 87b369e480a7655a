package traffic

import (
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// WireGuard message types and sizes (the protocol's whitepaper, section 5.4).
const (
	wgInitiation  = 1
	wgResponse    = 2
	wgCookieReply = 3
	wgData        = 4
	wgInitLen     = 148
	wgRespLen     = 92
	wgCookieLen   = 64
)

// wireGuardState follows a WireGuard exchange.
type wireGuardState struct {
	sender   uint32 // the initiator's sender index
	init     bool
	data     [2]uint8  // transport data packets seen each way with a steady index
	receiver [2]uint32 // the receiver index each way carries
	counter  [2]uint64
}

// inspectWireGuard recognises WireGuard over UDP: a handshake initiation of exactly
// 148 bytes answered by a 92-byte response that echoes the initiator's sender index;
// or, for a capture that starts later, transport data both ways, each way with a
// steady receiver index and a rising counter. The three reserved bytes are not
// required to be zero: Cloudflare WARP puts a client id there.
func inspectWireGuard(in *inspection) verdict {
	if in.proto() != decode.ProtoUDP {
		return rejected
	}
	pl := in.pl
	st := &in.st.wg
	if len(pl) < 16 {
		return rejected
	}
	switch {
	case pl[0] == wgInitiation && len(pl) == wgInitLen:
		st.sender = binary.LittleEndian.Uint32(pl[4:])
		st.init = true
	case pl[0] == wgResponse && len(pl) == wgRespLen:
		if st.init && binary.LittleEndian.Uint32(pl[8:]) == st.sender {
			return matched(confHigh, "handshake initiation (148 bytes) answered by a response (92 bytes) that echoes the sender index")
		}
	case pl[0] == wgCookieReply && len(pl) == wgCookieLen:
	case pl[0] == wgData && len(pl) >= 32 && (len(pl)-16)%16 == 0:
		d := in.dir
		rx, ctr := binary.LittleEndian.Uint32(pl[4:]), binary.LittleEndian.Uint64(pl[8:])
		switch {
		case st.data[d] == 0:
			st.receiver[d], st.counter[d] = rx, ctr
		case rx != st.receiver[d] || ctr <= st.counter[d] || ctr-st.counter[d] > 1<<16:
			return rejected
		}
		st.counter[d] = ctr
		st.data[d]++
		if st.data[0] >= 3 && st.data[1] >= 3 {
			return in.matchedUndirected(fpWireGuard, confMedium, "transport data both ways, each with a steady receiver index and a rising counter")
		}
		if st.init && st.data[FromClient] >= 4 {
			return matched(confMedium, "handshake initiation (148 bytes) followed by transport data with a steady index and a rising counter")
		}
	default:
		return rejected
	}
	return undecided
}
