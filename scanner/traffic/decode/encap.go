package decode

import "encoding/binary"

// UDP ports of the encapsulations decoded through. Only the destination port counts:
// both protocols send to the well-known port from a source port that varies, so a
// client that happens to use 4789 or 2152 as its own port is not mistaken for one.
const (
	portVXLAN = 4789
	portGTPU  = 2152
)

// vxlanInner returns the Ethernet frame inside a VXLAN header (RFC 7348), and false
// when p does not look like one: the I flag must be set.
func vxlanInner(p []byte) ([]byte, bool) {
	if len(p) < 8+14 || p[0]&0x08 == 0 {
		return nil, false
	}
	return p[8:], true
}

// gtpInner returns the IP packet inside a GTP-U G-PDU (3GPP TS 29.281), and false
// for anything else: another version, GTP' , a signalling message, or a payload that
// is not IP.
func gtpInner(p []byte) ([]byte, bool) {
	const gpdu = 0xff
	if len(p) < 8 || p[0]>>5 != 1 || p[0]&0x10 == 0 || p[1] != gpdu {
		return nil, false
	}
	end := min(8+int(binary.BigEndian.Uint16(p[2:4])), len(p))
	off := 8
	if p[0]&0x07 != 0 { // sequence number, N-PDU number or extension header present
		off = 12
		if end < off {
			return nil, false
		}
		if p[0]&0x04 != 0 {
			var ok bool
			if off, ok = gtpSkipExtensions(p[:end], p[11]); !ok {
				return nil, false
			}
		}
	}
	inner := p[off:end]
	if len(inner) == 0 || (inner[0]>>4 != 4 && inner[0]>>4 != 6) {
		return nil, false
	}
	return inner, true
}

// gtpSkipExtensions walks the chain of GTP-U extension headers that starts at offset
// 12 with type next, and returns the offset of the payload.
func gtpSkipExtensions(p []byte, next byte) (int, bool) {
	off := 12
	for next != 0 {
		if off >= len(p) {
			return 0, false
		}
		n := int(p[off]) * 4 // length in 4-byte units, type of the next one last
		if n == 0 || off+n > len(p) {
			return 0, false
		}
		off += n
		next = p[off-1]
	}
	return off, true
}
