package traffic

import (
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// PPTP control connection constants (RFC 2637).
const (
	pptpMagic = 0x1a2b3c4d
	pptpSCCRQ = 1 // Start-Control-Connection-Request
	pptpSCCRP = 2 // Start-Control-Connection-Reply
)

// pptpControl returns the control message type of a PPTP control packet, or 0: a
// length that fits the payload, message type 1 (control) and the magic cookie.
func pptpControl(pl []byte) uint16 {
	if len(pl) < 16 || int(binary.BigEndian.Uint16(pl)) > len(pl) || binary.BigEndian.Uint16(pl[2:]) != 1 ||
		binary.BigEndian.Uint32(pl[4:]) != pptpMagic {
		return 0
	}
	return binary.BigEndian.Uint16(pl[8:])
}

// inspectPPTP recognises a PPTP control connection: the client's
// Start-Control-Connection-Request answered by the server's Reply, both with the
// magic cookie.
func inspectPPTP(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP || in.n != 1 {
		return rejected
	}
	t := pptpControl(in.pl)
	if in.fromClient() {
		if t != pptpSCCRQ {
			return rejected
		}
		return undecided
	}
	if t != pptpSCCRP || in.f.Inspected[FromClient] == 0 {
		return rejected
	}
	return matched(confHigh, "Start-Control-Connection request and reply with the magic cookie")
}
