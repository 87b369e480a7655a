package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// icmpTunnelState follows the echo payloads of an ICMP flow.
type icmpTunnelState struct {
	odd   uint8     // echo payloads unlike any ping utility's
	sizes [4]uint16 // distinct payload sizes seen, up to four
	nsize uint8
}

// inspectICMPTunnel recognises data carried in ICMP echo messages: a payload that
// is itself an IP packet (icmptunnel, hans), or payloads that follow none of the
// ping utilities' fill patterns and change size from one message to the next, as
// tunnelled data does (ptunnel). A ping sends the same pattern at the same size
// every time.
func inspectICMPTunnel(in *inspection) verdict {
	pl := in.pl
	switch in.proto() {
	case decode.ProtoICMP:
		if len(in.p.Header) < 1 || in.p.Header[0] != 8 && in.p.Header[0] != 0 {
			return rejected
		}
	case decode.ProtoICMPv6:
		if len(in.p.Header) < 1 || in.p.Header[0] != 128 && in.p.Header[0] != 129 || len(pl) < 4 {
			return rejected
		}
		pl = pl[4:] // identifier and sequence number
	default:
		return rejected
	}
	if carriesIP(pl) {
		return matched(confHigh, "echo payload is a whole IP packet")
	}
	st := &in.st.icmp
	if pingPattern(pl) {
		if st.odd == 0 {
			return rejected
		}
		return undecided
	}
	st.odd++
	n := uint16(len(pl))
	if int(st.nsize) < len(st.sizes) && !contains16(st.sizes[:st.nsize], n) {
		st.sizes[st.nsize] = n
		st.nsize++
	}
	if st.odd >= 4 && st.nsize >= 3 {
		return matched(confMedium, "echo payloads of changing sizes that follow no ping utility's pattern")
	}
	return undecided
}

func contains16(s []uint16, v uint16) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// pingPattern reports whether an echo payload is what a ping utility sends: empty
// or short, one repeated byte, the Windows alphabet, or a fill of counting bytes
// after an optional timestamp (iputils, BSD, busybox).
func pingPattern(pl []byte) bool {
	if len(pl) < 16 {
		return true
	}
	if bytes.Count(pl, pl[:1]) == len(pl) {
		return true
	}
	if bytes.HasPrefix(pl, []byte("abcdefghijklmnop")) {
		return true
	}
	for _, start := range []int{0, 8, 16} {
		if start+8 > len(pl) {
			break
		}
		ok := true
		for i := start + 1; i < len(pl); i++ {
			if pl[i] != pl[i-1]+1 {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// carriesIP reports whether an echo payload is an IPv4 or IPv6 packet whose length
// field is the payload's length.
func carriesIP(pl []byte) bool {
	switch {
	case len(pl) >= 20 && pl[0] >= 0x45 && pl[0] <= 0x4f:
		return int(be16(pl[2:])) == len(pl) && int(pl[0]&0x0f)*4 <= len(pl)
	case len(pl) >= 40 && pl[0]>>4 == 6:
		return int(be16(pl[4:]))+40 == len(pl)
	}
	return false
}
