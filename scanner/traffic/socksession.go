package traffic

import (
	"bytes"
	"net/netip"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// Stages of a SOCKS session, as far as the tunnel it opens is concerned.
const (
	socksStart   uint8 = iota
	socksMethod        // SOCKS5: the greeting was sent, the method choice is awaited
	socksAuth          // SOCKS5: username/password negotiation (RFC 1929)
	socksRequest       // SOCKS5: the client's request is awaited
	socksReply         // the server's reply to a request is awaited
	socksDone          // opened, refused or not SOCKS
)

// socksSession follows a SOCKS 4 or 5 session through its request and the server's
// reply (RFC 1928, RFC 1929, the SOCKS 4 and 4a notes), so that a CONNECT that
// succeeds opens a tunnel whose stream is inspected. The socks fingerprint decides
// from the greeting alone; this goes on past it.
type socksSession struct {
	stage   uint8
	version uint8
}

// followSOCKS reads one message of the outer flow (a greeting, a method choice, an
// authentication, a request or a reply; a client may send several at once) and
// moves the session on.
func (s *Scanner) followSOCKS(in *inspection) {
	ss := &in.st.x.tun.socks
	pl := in.pl
	for len(pl) > 0 && ss.stage != socksDone {
		n := s.socksStep(in, ss, pl)
		if n <= 0 {
			ss.stage = socksDone
			return
		}
		pl = pl[n:]
		if in.st.x.tun.open {
			if len(pl) > 0 {
				s.deliverInner(in.f, in.dir, in.p, pl)
			}
			return
		}
		if ss.stage == socksReply && in.fromClient() {
			s.keepEarly(in.f, pl) // sent before the reply: the inner stream's start
			return
		}
	}
}

// socksStep reads the message at the start of pl and returns its length, or 0 when
// it is not the message the stage awaits.
func (s *Scanner) socksStep(in *inspection, ss *socksSession, pl []byte) int {
	client := in.fromClient()
	switch {
	case ss.stage == socksStart && client && pl[0] == 5:
		if len(pl) < 2 || len(pl) < 2+int(pl[1]) {
			return 0
		}
		ss.version, ss.stage = 5, socksMethod
		return 2 + int(pl[1])
	case ss.stage == socksStart && client && pl[0] == 4:
		host, port, n := socks4Target(pl)
		if n == 0 {
			return 0
		}
		ss.version, ss.stage = 4, socksReply
		s.pendingTunnel(in.f, tunSOCKS4, host, port)
		return n
	case ss.stage == socksMethod && !client && len(pl) >= 2 && pl[0] == 5:
		switch pl[1] {
		case 0:
			ss.stage = socksRequest
		case 2:
			ss.stage = socksAuth
		default:
			return 0
		}
		return 2
	case ss.stage == socksAuth && client && len(pl) >= 2 && pl[0] == 1:
		ulen := int(pl[1])
		if len(pl) < 3+ulen || len(pl) < 3+ulen+int(pl[2+ulen]) {
			return 0
		}
		return 3 + ulen + int(pl[2+ulen])
	case ss.stage == socksAuth && !client && len(pl) >= 2 && pl[0] == 1:
		if pl[1] != 0 {
			return 0
		}
		ss.stage = socksRequest
		return 2
	case ss.stage == socksRequest && client && len(pl) >= 4 && pl[0] == 5 && pl[1] == 1 && pl[2] == 0:
		host, port, n := socks5Addr(pl[3:])
		if n == 0 {
			return 0
		}
		ss.stage = socksReply
		s.pendingTunnel(in.f, tunSOCKS5, host, port)
		return 3 + n
	case ss.stage == socksReply && !client && ss.version == 5 && len(pl) >= 4 && pl[0] == 5 && pl[2] == 0:
		_, _, n := socks5Addr(pl[3:])
		if n == 0 || pl[1] != 0 {
			return 0
		}
		ss.stage = socksDone
		s.openTunnel(in.f, in.p)
		return 3 + n
	case ss.stage == socksReply && !client && ss.version == 4 && len(pl) >= 8 && pl[0] == 0:
		if pl[1] != 0x5a {
			return 0
		}
		ss.stage = socksDone
		s.openTunnel(in.f, in.p)
		return 8
	}
	return 0
}

// socks5Addr reads a SOCKS5 address (type, address, port) and returns the host, the
// port and the bytes read, or n 0.
func socks5Addr(b []byte) (host []byte, port uint16, n int) {
	if len(b) < 1 {
		return nil, 0, 0
	}
	switch b[0] {
	case 1:
		n = 1 + 4
	case 4:
		n = 1 + 16
	case 3:
		if len(b) < 2 || b[1] == 0 {
			return nil, 0, 0
		}
		n = 2 + int(b[1])
	default:
		return nil, 0, 0
	}
	if len(b) < n+2 {
		return nil, 0, 0
	}
	switch b[0] {
	case 1:
		host = []byte(netip.AddrFrom4([4]byte(b[1:5])).String())
	case 4:
		host = []byte(netip.AddrFrom16([16]byte(b[1:17])).String())
	default:
		host = b[2:n]
	}
	return host, be16(b[n:]), n + 2
}

// socks4Target reads a SOCKS4 or 4a request and returns its target and length.
func socks4Target(pl []byte) (host []byte, port uint16, n int) {
	if !socks4Request(pl[:min(len(pl), socks4Len(pl))]) {
		return nil, 0, 0
	}
	n = socks4Len(pl)
	port = be16(pl[2:])
	if pl[4] == 0 && pl[5] == 0 && pl[6] == 0 && pl[7] != 0 { // 4a: the host name
		rest := pl[8:n]
		rest = rest[bytes.IndexByte(rest, 0)+1:]
		return rest[:len(rest)-1], port, n
	}
	return []byte(netip.AddrFrom4([4]byte(pl[4:8])).String()), port, n
}

// socks4Len is the length of the SOCKS4 request at the start of pl (through its
// user id, and for 4a its host name), or len(pl)+1 when it is not all there.
func socks4Len(pl []byte) int {
	if len(pl) < 9 {
		return len(pl) + 1
	}
	i := bytes.IndexByte(pl[8:], 0)
	if i < 0 {
		return len(pl) + 1
	}
	n := 8 + i + 1
	if pl[4] == 0 && pl[5] == 0 && pl[6] == 0 && pl[7] != 0 {
		j := bytes.IndexByte(pl[n:], 0)
		if j < 0 {
			return len(pl) + 1
		}
		n += j + 1
	}
	return n
}

// socksMoreLater holds a later SOCKS message of a session being followed (a request
// or a reply cut into segments) until its fixed parts and address have come.
func socksMoreLater(in *inspection) bool {
	if in.proto() != decode.ProtoTCP {
		return false
	}
	ss := &in.st.x.tun.socks
	pl := in.pl
	switch {
	case ss.stage == socksMethod && !in.fromClient():
		return pl[0] == 5 && len(pl) < 2
	case ss.stage == socksAuth:
		return pl[0] == 1 && (len(pl) < 3 || in.fromClient() && len(pl) < 3+int(pl[1]) ||
			in.fromClient() && len(pl) >= 3+int(pl[1]) && len(pl) < 3+int(pl[1])+int(pl[2+int(pl[1])]))
	case ss.stage == socksRequest && in.fromClient(), ss.stage == socksReply && !in.fromClient() && ss.version == 5:
		if pl[0] != 5 {
			return false
		}
		_, _, n := socks5Addr(pl[min(3, len(pl)):])
		return n == 0 && len(pl) < 3+2+256+2
	case ss.stage == socksReply && !in.fromClient() && ss.version == 4:
		return pl[0] == 0 && len(pl) < 8
	}
	return false
}
