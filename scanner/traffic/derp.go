package traffic

import (
	"bytes"
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// Tailscale's relays (DERP, tailscale.com/derp) are reached over HTTP: the client
// asks for /derp with "Upgrade: DERP" (and "Derp-Fast-Start: 1" when it wants no
// HTTP answer), the server switches protocols and sends its first frame: type 1
// (server key), a 32-bit length, the magic "DERP🔑" and its 32-byte public key.
// Over TLS (the usual case) none of this shows; rules match the relays' names.
var derpMagic = []byte("DERP\xf0\x9f\x94\x91")

const derpServerKey = 1

// derpRequest reports whether pl is the client's upgrade request to DERP.
func derpRequest(pl []byte) bool {
	method, target, ok := requestLine(pl)
	if !ok || string(method) != "GET" || !hasPathPrefix(target, "/derp") {
		return false
	}
	up, ok := headerOf(pl, "upgrade")
	return ok && hasPrefixFold(up, "derp") && len(up) == 4
}

// derpKeyFrame reports whether b holds, at its start or after an HTTP head, the
// server's key frame with the DERP magic.
func derpKeyFrame(b []byte) bool {
	if statusCode(b) == 101 {
		body, ok := bodyOf(b)
		if !ok {
			return false
		}
		b = body
	}
	return len(b) >= 5+len(derpMagic)+32 && b[0] == derpServerKey &&
		binary.BigEndian.Uint32(b[1:]) >= uint32(len(derpMagic)+32) && bytes.Equal(b[5:5+len(derpMagic)], derpMagic)
}

// inspectDERP recognises a Tailscale DERP relay connection over plain HTTP: the
// server's key frame with the DERP magic (high), or the client's upgrade request
// answered by "101 Switching Protocols" with "Upgrade: DERP" (high), or the
// request left unanswered in the capture (medium). Any other answer rejects it.
func inspectDERP(in *inspection) verdict {
	if in.final {
		if in.f.Inspected[FromClient] > 0 && in.f.Inspected[FromServer] == 0 {
			return matched(confMedium, "HTTP upgrade to DERP at /derp (Tailscale relay)")
		}
		return rejected
	}
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	if in.fromClient() {
		if in.n == 1 && !derpRequest(in.pl) {
			return rejected
		}
		return undecided
	}
	if derpKeyFrame(in.pl) {
		return matched(confHigh, "DERP server key frame with the DERP magic (Tailscale relay)")
	}
	if in.f.Inspected[FromClient] > 0 && statusCode(in.pl) == 101 {
		if up, ok := headerOf(in.pl, "upgrade"); ok && hasPrefixFold(up, "derp") {
			return matched(confHigh, "HTTP upgrade to DERP at /derp answered by 101 Switching Protocols (Tailscale relay)")
		}
	}
	return rejected
}
