package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// Stratum V2 (the SV2 specification, "Protocol Overview" and "Common Protocol
// Messages") frames every message with a 16-bit extension type (bit 15: channel
// message), an 8-bit message type and a 24-bit length, all little-endian. A
// connection starts with SetupConnection (type 0x00): the sub-protocol (0
// mining, 1 job declaration, 2 template distribution), minimum and maximum
// version, 32-bit flags, the endpoint host (STR0_255: a length byte and the
// text), the port, and vendor, hardware version, firmware and device id
// (STR0_255 each). The server answers SetupConnection.Success (0x01: used version
// and flags, 6 bytes) or SetupConnection.Error (0x02). SV2 normally runs inside
// a Noise handshake, and then none of this shows; it is in clear between a
// proxy and the devices behind it, or where operators turn encryption off.
const (
	sv2Header       = 6
	sv2Setup        = 0x00
	sv2SetupSuccess = 0x01
	sv2SetupError   = 0x02
)

// sv2Frame reads a frame header: extension type, message type and payload.
func sv2Frame(b []byte) (ext uint16, typ uint8, payload []byte, ok bool) {
	if len(b) < sv2Header {
		return 0, 0, nil, false
	}
	n := int(b[3]) | int(b[4])<<8 | int(b[5])<<16
	if len(b) < sv2Header+n {
		return 0, 0, nil, false
	}
	return uint16(b[0]) | uint16(b[1])<<8, b[2], b[sv2Header : sv2Header+n], true
}

// sv2SetupConnection reports whether p is exactly a SetupConnection payload.
func sv2SetupConnection(p []byte) bool {
	if len(p) < 1+2+2+4 || p[0] > 2 {
		return false
	}
	minV, maxV := uint16(p[1])|uint16(p[2])<<8, uint16(p[3])|uint16(p[4])<<8
	if minV < 2 || minV > maxV || maxV > 16 {
		return false
	}
	rest := p[9:]
	var ok bool
	if rest, ok = sv2String(rest); !ok || len(rest) < 2 {
		return false
	}
	rest = rest[2:] // the endpoint's port
	for range 4 {
		if rest, ok = sv2String(rest); !ok {
			return false
		}
	}
	return len(rest) == 0
}

// sv2String skips a STR0_255 of printable text and returns what follows.
func sv2String(b []byte) ([]byte, bool) {
	if len(b) < 1 || len(b) < 1+int(b[0]) {
		return nil, false
	}
	for _, c := range b[1 : 1+int(b[0])] {
		if c < 0x20 || c > 0x7e {
			return nil, false
		}
	}
	return b[1+int(b[0]):], true
}

// inspectStratumV2 recognises Stratum V2 in clear: the client's SetupConnection,
// exactly formed, answered by SetupConnection.Success or .Error (high), or left
// unanswered in the capture (medium).
func inspectStratumV2(in *inspection) verdict {
	if in.final {
		if in.f.Inspected[FromClient] > 0 && in.f.Inspected[FromServer] == 0 {
			return matched(confMedium, "Stratum V2 SetupConnection in clear")
		}
		return rejected
	}
	if in.proto() != decode.ProtoTCP || in.n != 1 {
		return rejected
	}
	ext, typ, p, ok := sv2Frame(in.pl)
	if !ok || ext != 0 {
		return rejected
	}
	if in.fromClient() {
		if typ != sv2Setup || !sv2SetupConnection(p) {
			return rejected
		}
		return undecided
	}
	switch {
	case in.f.Inspected[FromClient] == 0:
	case typ == sv2SetupSuccess && len(p) == 6:
		return matched(confHigh, "Stratum V2 SetupConnection in clear, answered SetupConnection.Success")
	case typ == sv2SetupError && len(p) >= 5:
		if _, ok := sv2String(p[4:]); ok {
			return matched(confHigh, "Stratum V2 SetupConnection in clear, answered SetupConnection.Error")
		}
	}
	return rejected
}
