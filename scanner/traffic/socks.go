package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// socksState follows a SOCKS handshake.
type socksState struct {
	version uint8
	methods uint16 // SOCKS5 methods 0-9 the client offered, a bit each
	private bool   // the client offered a private method (0x80-0xfe)
}

// inspectSOCKS recognises the SOCKS 4, 4a and 5 handshakes (RFC 1928; the SOCKS 4
// protocol note): the client's greeting or request, exactly formed, answered by the
// server's exactly formed reply. A PROXY protocol header (load balancers) starts
// with text or a 12-byte signature and is never taken for one.
func inspectSOCKS(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP || in.n != 1 {
		return rejected
	}
	pl := in.pl
	st := &in.st.socks
	if in.fromClient() {
		switch {
		case socks5Greeting(pl, st):
			st.version = 5
		case socks4Request(pl):
			st.version = 4
		default:
			return rejected
		}
		return undecided
	}
	switch st.version {
	case 5:
		if len(pl) == 2 && pl[0] == 5 && (pl[1] == 0xff || pl[1] < 10 && st.methods&(1<<pl[1]) != 0 || pl[1] >= 0x80 && st.private) {
			return matched(confHigh, "SOCKS5 greeting answered with a method choice")
		}
	case 4:
		if len(pl) == 8 && pl[0] == 0 && pl[1] >= 0x5a && pl[1] <= 0x5d {
			return matched(confHigh, "SOCKS4 request answered with a SOCKS4 reply")
		}
	}
	return rejected
}

// socks5Greeting reports whether pl is a SOCKS5 method selection message.
func socks5Greeting(pl []byte, st *socksState) bool {
	if len(pl) < 3 || pl[0] != 5 || pl[1] == 0 || len(pl) != 2+int(pl[1]) {
		return false
	}
	for _, m := range pl[2:] {
		switch {
		case m < 10:
			st.methods |= 1 << m
		case m >= 0x80 && m != 0xff:
			st.private = true
		default:
			return false
		}
	}
	return true
}

// socks4Request reports whether pl is a SOCKS4 or 4a CONNECT or BIND request: a
// port, an address, a printable user id ended by a zero byte, and for 4a (address
// 0.0.0.x) a host name ended by a zero byte.
func socks4Request(pl []byte) bool {
	if len(pl) < 9 || pl[0] != 4 || (pl[1] != 1 && pl[1] != 2) || pl[len(pl)-1] != 0 {
		return false
	}
	rest := pl[8:]
	i := 0
	for ; i < len(rest) && rest[i] != 0; i++ {
		if rest[i] < 0x20 || rest[i] > 0x7e {
			return false
		}
	}
	rest = rest[i+1:]
	socks4a := pl[4] == 0 && pl[5] == 0 && pl[6] == 0 && pl[7] != 0
	if !socks4a {
		return len(rest) == 0
	}
	if len(rest) < 2 {
		return false
	}
	for _, c := range rest[:len(rest)-1] {
		if c <= 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}
