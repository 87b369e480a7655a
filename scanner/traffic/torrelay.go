package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// inspectTorRelay recognises a Tor relay by its TLS 1.2 certificate alone,
// whatever the client: Tor makes its link certificate itself, with a random
// www.<name>.net subject and a random www.<name>.com issuer. The tor fingerprint
// needs a Tor client's ClientHello too; this one serves for the relay's side,
// when the client is something else (a scanner, a browser, a censorship probe).
// Medium: the names are a shape, not a constant, and some sites use random names.
func inspectTorRelay(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	ts := &in.st.tls
	switch {
	case ts.cert:
		if ts.torCertIssuer && ts.torCertSubject {
			return matched(confMedium, "TLS 1.2 certificate with a random www.<name>.net subject issued by a random www.<name>.com (Tor relay)")
		}
		return rejected
	case ts.not[FromClient] || ts.not[FromServer] || ts.tls13 || in.final:
		return rejected
	case in.f.Inspected[FromServer] >= 4:
		return rejected
	}
	return undecided
}
