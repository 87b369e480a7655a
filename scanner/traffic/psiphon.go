package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// inspectPsiphon recognises the shape of Psiphon's meek transport on the wire: a
// ClientHello (seen, not assumed) that names no server yet offers HTTP/2, answered
// by a CDN's shared default certificate. The shape alone is low confidence: a
// client that connects to a CDN's address by address (a browser given
// https://104.16.x.x/, a script, a health check) sends the same hello and gets the
// same certificate. What says Psiphon is the name the certificate carries for the
// zone behind the address, a rule's certificate_name condition beside this
// fingerprint (the built-in rule names Psiphon's domains), which raises it a step.
func inspectPsiphon(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	ts := &in.st.tls
	switch {
	case ts.not[FromClient] || ts.hello && (ts.hasSNI || !ts.alpnH2) || ts.tls13:
		return rejected
	case ts.hello && ts.cert && ts.cdnCert:
		return matched(confLow, "ClientHello without a server name offering h2, answered by a CDN's default certificate")
	case ts.cert || in.st.tlsDone:
		return rejected
	}
	return undecided
}
