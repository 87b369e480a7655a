package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// inspectAnyDesk recognises AnyDesk by the certificate its peers present in their
// TLS 1.2 handshake, whose subject is "AnyDesk Client".
func inspectAnyDesk(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	ts := &in.st.tls
	switch {
	case ts.anyDeskCert:
		return matched(confHigh, "TLS certificate of subject AnyDesk Client")
	case ts.not[FromClient] || ts.tls13 || ts.cert || in.st.tlsDone:
		return rejected
	}
	return undecided
}
