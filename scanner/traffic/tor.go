package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// inspectTor recognises the Tor link handshake. Its ClientHello names a random
// server, www.<base32>.com or .net, and offers no ALPN (browsers always do); a
// TLS 1.2 relay's certificate then has the same shape of names, the issuer
// www.<random>.com and the subject www.<random>.net. The ClientHello alone is medium
// confidence, with the relay certificate high. Relay addresses are data: a rule
// with address_files of the public consensus adds them.
func inspectTor(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	ts := &in.st.tls
	if ts.not[FromClient] {
		return rejected
	}
	if !ts.hello {
		if in.f.Inspected[FromClient] > 2 {
			return rejected
		}
		return undecided
	}
	if !ts.torSNI || ts.hasALPN {
		return rejected
	}
	switch {
	case ts.cert && ts.torCertIssuer && ts.torCertSubject:
		return matched(confHigh, "ClientHello with a random www.<base32>.com server name and no ALPN; relay certificate with random www names")
	case ts.tls13 || ts.cert || in.final || in.f.Inspected[FromServer] >= 3:
		return matched(confMedium, "ClientHello with a random www.<base32>.com server name and no ALPN")
	}
	return undecided
}
