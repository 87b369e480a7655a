package traffic

import (
	"bytes"
	"strings"

	"golang.org/x/net/http2/hpack"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// The request headers of proxy protocols built to run inside TLS, readable when
// they run without it: over plain TCP, inside a WebSocket whose frames are
// unmasked (tunnel.go), or over HTTP/2 without TLS (h2c). Their payloads after the
// header are encrypted or are the proxied bytes; only the documented header is read.

// vlessState remembers that a client sent a VLESS request header.
type vlessState struct{ request bool }

// inspectVLESS recognises VLESS (Xray's documented protocol): the client's first
// message is version 0, a 16-byte user id, addons (a short protobuf), a command
// (1 TCP, 2 UDP, 3 mux) and, but for mux, a port and an address (1 IPv4, 2 a name,
// 3 IPv6); the server answers version 0 and its own addons. The request alone is
// medium; with the answer it is high.
func inspectVLESS(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	st := &in.st.vless
	pl := in.pl
	if in.fromClient() {
		if in.n > 1 && st.request {
			return undecided // the proxied bytes that follow the request
		}
		if in.n != 1 || !vlessRequest(pl) {
			return rejected
		}
		st.request = true
		return undecided
	}
	if !st.request || in.n != 1 {
		return rejected
	}
	if len(pl) >= 2 && pl[0] == 0 && int(pl[1]) <= 64 && len(pl) >= 2+int(pl[1]) {
		return matched(confHigh, "VLESS request header (version 0, user id, command, address) answered by a VLESS response header")
	}
	return matched(confMedium, "VLESS request header (version 0, user id, command, address)")
}

// vlessRequest reports whether pl starts with a whole VLESS request header.
func vlessRequest(pl []byte) bool {
	if len(pl) < 19 || pl[0] != 0 {
		return false
	}
	m := int(pl[17])
	if m > 64 || len(pl) < 19+m {
		return false
	}
	if m > 0 && pl[18]>>3 == 0 { // addons are a protobuf: a field number first
		return false
	}
	rest := pl[18+m:]
	switch rest[0] {
	case 3:
		return true // mux: no address
	case 1, 2:
	default:
		return false
	}
	rest = rest[1:]
	if len(rest) < 4 || be16(rest) == 0 {
		return false
	}
	return proxyAddr(rest[2:], 1, 2, 3) > 0
}

// proxyAddr checks the address at the start of b, typed as SOCKS5 does (an IPv4
// address, a name with its length, an IPv6 address) but with the protocol's own
// type numbers, and returns its length, or 0.
func proxyAddr(b []byte, v4, name, v6 byte) int {
	if len(b) < 2 {
		return 0
	}
	switch b[0] {
	case v4:
		if len(b) >= 5 {
			return 5
		}
	case v6:
		if len(b) >= 17 {
			return 17
		}
	case name:
		n := int(b[1])
		if n == 0 || len(b) < 2+n {
			return 0
		}
		for _, c := range b[2 : 2+n] {
			if c <= ' ' || c > '~' {
				return 0
			}
		}
		return 2 + n
	}
	return 0
}

// inspectTrojan recognises the Trojan protocol's request (trojan-gfw's documented
// format): 56 hex digits (SHA-224 of the password), CRLF, a command (1 connect, 3
// UDP associate), a SOCKS5-typed address and port, CRLF. Nothing else starts so.
func inspectTrojan(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP || !in.fromClient() || in.n != 1 {
		return rejected
	}
	pl := in.pl
	if len(pl) < 56+2+1+2+2+2 || pl[56] != '\r' || pl[57] != '\n' {
		return rejected
	}
	for _, c := range pl[:56] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return rejected
		}
	}
	req := pl[58:]
	if req[0] != 1 && req[0] != 3 {
		return rejected
	}
	n := proxyAddr(req[1:], 1, 3, 4)
	if n == 0 || len(req) < 1+n+2+2 || req[1+n+2] != '\r' || req[1+n+3] != '\n' {
		return rejected
	}
	return matched(confHigh, "Trojan request (password hash, CRLF, command and address)")
}

// h2Preface starts every HTTP/2 connection without TLS (RFC 9113, 3.4).
const h2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"

// grpcTunnelState is what a flow keeps while its HTTP/2 frames are read.
type grpcTunnelState struct{ seen uint8 }

// inspectGRPCTunnel recognises the gRPC transport of V2Ray and Xray over HTTP/2
// without TLS: a request to the method Tun or TunMulti of a gRPC service (the
// default service is V2Ray's GunService; Xray lets it be renamed), read from the
// request's HEADERS frame with an HPACK decoder.
func inspectGRPCTunnel(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP || !in.fromClient() {
		return rejected
	}
	pl := in.pl
	st := &in.st.grpc
	if in.n == 1 {
		if !bytes.HasPrefix(pl, []byte(h2Preface)) {
			return rejected
		}
		pl = pl[len(h2Preface):]
	}
	if st.seen++; st.seen > 4 {
		return rejected
	}
	path, grpc := h2RequestPath(pl)
	switch {
	case path == "":
		return undecided
	case !grpc || !(strings.HasSuffix(path, "/Tun") || strings.HasSuffix(path, "/TunMulti")):
		return rejected
	case strings.Contains(path, "GunService"):
		return matched(confHigh, "gRPC request to GunService/Tun over HTTP/2 without TLS (V2Ray and Xray's gRPC transport)")
	}
	return matched(confMedium, "gRPC request to a Tun method over HTTP/2 without TLS (the method V2Ray and Xray's gRPC transport calls)")
}

// h2RequestPath reads the frames in b for the first HEADERS frame and returns its
// :path and whether its content type is gRPC.
func h2RequestPath(b []byte) (path string, grpc bool) {
	for len(b) >= 9 {
		n := int(b[0])<<16 | int(b[1])<<8 | int(b[2])
		typ, flags := b[3], b[4]
		if len(b) < 9+n {
			return "", false
		}
		frame := b[9 : 9+n]
		b = b[9+n:]
		if typ != 1 { // HEADERS
			continue
		}
		if flags&0x08 != 0 && len(frame) > 0 { // padded
			pad := int(frame[0])
			if pad >= len(frame) {
				return "", false
			}
			frame = frame[1 : len(frame)-pad]
		}
		if flags&0x20 != 0 { // priority
			if len(frame) < 5 {
				return "", false
			}
			frame = frame[5:]
		}
		dec := hpack.NewDecoder(4096, func(f hpack.HeaderField) {
			switch f.Name {
			case ":path":
				path = f.Value
			case "content-type":
				grpc = strings.HasPrefix(f.Value, "application/grpc")
			}
		})
		dec.SetMaxStringLength(1024)
		if _, err := dec.Write(frame); err != nil {
			return "", false
		}
		return path, grpc
	}
	return "", false
}
