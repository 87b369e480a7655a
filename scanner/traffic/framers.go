package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// Framers tell the TCP reassembly when the bytes a direction would deliver next are
// only the start of a message a fingerprint reads: a SOCKS greeting, a TLS record, a
// TPKT packet cut into small segments. The bytes are then held until the message is
// whole, the other side speaks, the byte budget is full or the flow ends, so that a
// sender who cuts a handshake into 1-byte segments is read as one who does not. A
// framer looks only at the bytes; it changes nothing, and a fingerprint without one
// sees the segments as they come.
//
// Framers of length-framed protocols (OpenVPN over TCP, TPKT, PPTP) answer for every
// message while their fingerprint is undecided; the others for the first message of
// their direction (in.n == 1), where the handshakes they read begin. What is held is
// bounded by the byte budget.
var framers = [numFingerprints]func(in *inspection) bool{
	fpOpenVPN:    openVPNMore,
	fpPPTP:       pptpMore,
	fpTinc:       lineMore,
	fpSOCKS:      socksMore,
	fpRDP:        tpktMore,
	fpVNC:        rfbMore,
	fpTeamViewer: teamViewerMore,
	fpStratum:    lineMore,
	fpVLESS:      vlessMore,
	fpTrojan:     trojanMore,
	fpGRPCTunnel: h2More,
}

// maxFramed bounds the message a framer waits for; a longer one is not a handshake.
const maxFramed = 4096

func first(in *inspection) bool { return in.proto() == decode.ProtoTCP && in.n == 1 }

// tlsMore holds the start of a direction's TLS stream until its first handshake
// message is whole, however many records and segments carry it.
func tlsMore(in *inspection) bool {
	ts := &in.st.tls
	d := in.dir
	if ts.not[d] || ts.done[d] || len(in.st.x.stream[d].buf) > 0 {
		return false
	}
	pl := in.pl
	if len(pl) < 3 {
		return len(pl) > 0 && pl[0] == tlsHandshake && (len(pl) < 2 || pl[1] == 3)
	}
	if pl[0] != tlsHandshake || pl[1] != 3 {
		return false
	}
	var hdr [4]byte
	got, want := 0, -1
	for len(pl) > 0 {
		if len(pl) < 5 {
			return true
		}
		if pl[0] != tlsHandshake || pl[1] != 3 {
			return false
		}
		n := int(be16(pl[3:5]))
		body := pl[5:]
		if n < len(body) {
			body = body[:n]
		}
		for _, c := range body {
			if got < 4 {
				hdr[got] = c
			}
			got++
		}
		if want < 0 && got >= 4 {
			want = 4 + be24(hdr[1:])
		}
		if want >= 0 && got >= want {
			return false
		}
		if n > len(pl)-5 {
			return true // the record goes on past what has come
		}
		pl = pl[5+n:]
	}
	return want < 0 || got < want
}

// httpMore holds an HTTP/1 request or response head until its blank line.
func httpMore(in *inspection) bool {
	h := &in.st.http
	pl := in.pl
	if in.fromClient() {
		if h.request != httpNone || in.n != 1 || !methodPrefix(pl) {
			return false
		}
	} else if h.request == httpNone || h.response || !prefixOf(pl, "HTTP/1.") {
		return false
	}
	return len(pl) < maxFramed && !bytes.Contains(pl, []byte("\r\n\r\n"))
}

// methodPrefix reports whether pl starts with an HTTP method and a space, or is the
// start of one.
func methodPrefix(pl []byte) bool {
	for _, m := range httpMethods {
		if prefixOf(pl, string(m)) {
			return true
		}
	}
	return false
}

// prefixOf reports whether pl starts with s or is a beginning of s.
func prefixOf(pl []byte, s string) bool {
	n := min(len(pl), len(s))
	return n > 0 && string(pl[:n]) == s[:n]
}

// openVPNMore holds a TCP OpenVPN packet (a 2-byte length, then an opcode) until its
// length has come.
func openVPNMore(in *inspection) bool {
	pl := in.pl
	if in.proto() != decode.ProtoTCP {
		return false
	}
	if len(pl) < 3 {
		return pl[0] == 0
	}
	n := int(be16(pl))
	op := pl[2] >> 3
	return n <= 1600 && len(pl) < 2+n && op >= ovpnResetClientV1 && op <= ovpnResetClientV3
}

// pptpMore holds a PPTP control message (a 2-byte length, then the magic cookie).
func pptpMore(in *inspection) bool {
	pl := in.pl
	if !first(in) {
		return false
	}
	if len(pl) < 8 {
		return len(pl) < 2 || be16(pl) <= 220 && (len(pl) < 4 || pl[2] == 0)
	}
	n := int(be16(pl))
	return be32(pl[4:]) == 0x1a2b3c4d && n <= 220 && len(pl) < n
}

// lineMore holds a first line of text (tinc's ID, a Stratum JSON call) until its
// newline.
func lineMore(in *inspection) bool {
	pl := in.pl
	if !first(in) || !in.fromClient() || len(pl) >= maxFramed || bytes.IndexByte(pl, '\n') >= 0 {
		return false
	}
	return pl[0] == '{' || pl[0] == '0' && (len(pl) == 1 || pl[1] == ' ')
}

// socksMore holds a SOCKS greeting, request or reply until its fixed parts have come.
func socksMore(in *inspection) bool {
	pl := in.pl
	if !first(in) {
		return false
	}
	if in.fromClient() {
		switch pl[0] {
		case 5:
			return len(pl) < 2 || len(pl) < 2+int(pl[1])
		case 4:
			// A port, an address, a user id ended by a zero byte (and for 4a a host
			// name ended by another).
			if len(pl) < 9 || len(pl) >= 512 {
				return len(pl) < 9
			}
			zeros := bytes.Count(pl[8:], []byte{0})
			socks4a := pl[4] == 0 && pl[5] == 0 && pl[6] == 0 && pl[7] != 0
			return zeros == 0 || socks4a && zeros < 2
		}
		return false
	}
	switch {
	case pl[0] == 5:
		return len(pl) < 2
	case pl[0] == 0:
		return len(pl) < 8
	}
	return false
}

// tpktMore holds a TPKT packet (RFC 1006: version 3, a reserved byte, a length).
func tpktMore(in *inspection) bool {
	pl := in.pl
	if in.proto() != decode.ProtoTCP || pl[0] != 3 {
		return false
	}
	if len(pl) < 4 {
		return len(pl) < 2 || pl[1] == 0
	}
	n := int(be16(pl[2:]))
	return pl[1] == 0 && n <= maxFramed && len(pl) < n
}

// rfbMore holds an RFB version banner ("RFB 003.008\n") until its 12 bytes have come.
func rfbMore(in *inspection) bool {
	return first(in) && len(in.pl) < 12 && prefixOf(in.pl, "RFB ")
}

// teamViewerMore holds the start of a TeamViewer message until its magic has come.
func teamViewerMore(in *inspection) bool {
	return first(in) && len(in.pl) < 3 && in.pl[0] == 0x17 && (len(in.pl) == 1 || in.pl[1] == 0x24)
}

// vlessMore holds a VLESS request header (version 0, a user id, addons, a command,
// a port and an address) while what has come is the start of one.
func vlessMore(in *inspection) bool {
	pl := in.pl
	if !first(in) || !in.fromClient() || pl[0] != 0 || vlessRequest(pl) {
		return false
	}
	if len(pl) < 18 {
		return true
	}
	m := int(pl[17])
	switch {
	case m > 64:
		return false
	case len(pl) < 19+m:
		return true
	}
	rest := pl[18+m:]
	if rest[0] < 1 || rest[0] > 2 || len(rest) >= 4 && (rest[3] < 1 || rest[3] > 3) {
		return false
	}
	return len(rest) < 1+2+1+1+255+16
}

// trojanMore holds a Trojan request (56 hex digits, CRLF, a command and an address,
// CRLF) until its second CRLF.
func trojanMore(in *inspection) bool {
	pl := in.pl
	if !first(in) || !in.fromClient() || len(pl) > 56+2+1+2+256+2+2 {
		return false
	}
	for _, c := range pl[:min(len(pl), 56)] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return len(pl) <= 58 || bytes.Count(pl[58:], []byte("\r\n")) == 0
}

// h2More holds the start of an HTTP/2 connection without TLS until its first
// frames after the preface are whole.
func h2More(in *inspection) bool {
	pl := in.pl
	if !first(in) || !in.fromClient() || !prefixOf(pl, h2Preface) {
		return false
	}
	if len(pl) < len(h2Preface)+9 {
		return true
	}
	b := pl[len(h2Preface):]
	for len(b) >= 9 {
		n := int(b[0])<<16 | int(b[1])<<8 | int(b[2])
		if len(b) < 9+n {
			return n <= maxFramed
		}
		if b[3] == 1 {
			return false // a whole HEADERS frame
		}
		b = b[9+n:]
	}
	return len(pl) < maxFramed
}
