package traffic

import (
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// l2tpControlType returns the Message Type AVP of an L2TPv2 control message
// (RFC 2661), or 0: flags T, L and S set, version 2, a length equal to the
// payload's, and a first AVP that is the mandatory Message Type.
func l2tpControlType(pl []byte) uint16 {
	if len(pl) < 20 || pl[0]&0xc8 != 0xc8 || pl[1]&0x0f != 2 || int(binary.BigEndian.Uint16(pl[2:])) != len(pl) {
		return 0
	}
	avp := pl[12:]
	if pl[0]&0x02 != 0 { // offset size field present
		if len(pl) < 14 {
			return 0
		}
		off := 14 + int(binary.BigEndian.Uint16(pl[12:]))
		if off+8 > len(pl) {
			return 0
		}
		avp = pl[off:]
	}
	if avp[0]&0x80 == 0 || binary.BigEndian.Uint16(avp)&0x3ff != 8 || binary.BigEndian.Uint16(avp[2:]) != 0 ||
		binary.BigEndian.Uint16(avp[4:]) != 0 {
		return 0
	}
	return binary.BigEndian.Uint16(avp[6:])
}

// inspectL2TP recognises an L2TP control connection: the client's
// Start-Control-Connection-Request (message type 1) answered by the Reply (2).
func inspectL2TP(in *inspection) verdict {
	if in.proto() != decode.ProtoUDP {
		return rejected
	}
	t := l2tpControlType(in.pl)
	if in.fromClient() {
		if in.n == 1 && t != 1 {
			return rejected
		}
		return undecided
	}
	if t != 2 {
		return rejected
	}
	return matched(confHigh, "L2TP Start-Control-Connection request and reply")
}
