package traffic

import (
	"bytes"
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// tpkt returns the X.224 TPDU code of a TPKT packet (RFC 1006) whose length is the
// payload's, or 0.
func tpkt(pl []byte) byte {
	if len(pl) < 11 || pl[0] != 3 || pl[1] != 0 || int(binary.BigEndian.Uint16(pl[2:])) != len(pl) {
		return 0
	}
	return pl[5] & 0xf0
}

// inspectRDP recognises the Remote Desktop Protocol's connection start: an X.224
// Connection Request that carries RDP's routing cookie or negotiation request,
// answered by a Connection Confirm. Other ISO transport users (S7 on port 102) send
// neither.
func inspectRDP(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP || in.n != 1 {
		return rejected
	}
	pl := in.pl
	if in.fromClient() {
		if tpkt(pl) != 0xe0 {
			return rejected
		}
		neg := len(pl) >= 19 && pl[len(pl)-8] == 1 && pl[len(pl)-6] == 8 && pl[len(pl)-5] == 0
		if !neg && !bytes.Contains(pl, []byte("Cookie: ")) {
			return rejected
		}
		return undecided
	}
	if tpkt(pl) != 0xd0 {
		return rejected
	}
	return matched(confHigh, "X.224 connection request with an RDP cookie or negotiation request, confirmed")
}
