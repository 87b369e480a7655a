package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// tailscaleDisco is the magic that starts Tailscale's discovery messages: "TS"
// and the speech-balloon emoji in UTF-8.
var tailscaleDisco = []byte("TS\xf0\x9f\x92\xac")

// inspectTailscale recognises Tailscale by its peer discovery (disco) messages over
// UDP, which carry a fixed magic, a sender key and a sealed box. Peers send them
// both ways, so a match says nothing of which side began.
func inspectTailscale(in *inspection) verdict {
	if in.proto() != decode.ProtoUDP {
		return rejected
	}
	if len(in.pl) >= 6+32+24 && bytes.HasPrefix(in.pl, tailscaleDisco) {
		return in.matchedUndirected(fpTailscale, confHigh, "disco message with the TS magic")
	}
	if in.n >= 3 {
		return rejected
	}
	return undecided
}
