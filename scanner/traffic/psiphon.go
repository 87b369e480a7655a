package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// inspectPsiphon recognises Psiphon's meek transport as it shows on the wire: a
// ClientHello that names no server yet offers HTTP/2, answered by a CDN's shared
// default certificate. A browser names the site it wants; a client that names none
// to a CDN is fronting its real destination behind the CDN.
func inspectPsiphon(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	ts := &in.st.tls
	switch {
	case ts.not[FromClient] || ts.hello && (ts.hasSNI || !ts.alpnH2) || ts.tls13:
		return rejected
	case ts.cert && ts.cdnCert:
		return matched(confMedium, "ClientHello without a server name offering h2, answered by a CDN's default certificate")
	case ts.cert || in.st.tlsDone:
		return rejected
	}
	return undecided
}
