package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// SSTP ([MS-SSTP] 2.2.2) opens its tunnel with an HTTP request of its own method,
// SSTP_DUPLEX_POST, to a fixed resource: /sra_{BA195980-CD49-458b-9E23-
// C84EE0ADCD75}/. It is sent inside TLS, so it shows only where TLS is offloaded
// before the capture point (or not used); the server answers "200" with a content
// length of 2^64-1.
const sstpMethod = "SSTP_DUPLEX_POST"

var sstpResource = []byte("/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/")

// inspectSSTP recognises SSTP by the client's request: the protocol's own method
// on its fixed resource, which nothing else sends.
func inspectSSTP(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP || !in.fromClient() || in.n != 1 {
		return rejected
	}
	method, target, ok := requestLine(in.pl)
	if !ok || string(method) != sstpMethod || !bytes.EqualFold(target, sstpResource) {
		return rejected
	}
	return matched(confHigh, "HTTP request SSTP_DUPLEX_POST to the SSTP resource /sra_{BA195980-...}/")
}
