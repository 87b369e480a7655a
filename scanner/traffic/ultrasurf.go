package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// inspectUltraSurf recognises UltraSurf's tunnel as it shows on the wire: a
// browser's TLS 1.3 ClientHello (with GREASE values, as Chrome's BoringSSL sends)
// that names no server yet offers HTTP/2, sent to an unprivileged port other than
// 8443, and answered in TLS 1.3. A browser names the site it visits (an address
// typed as the URL is the rare exception), and web servers on odd high ports are
// rarer still; programs that connect by address and offer h2 (gRPC clients) send
// no GREASE. It stays a heuristic, reported with low confidence: the flow's content
// is encrypted.
func inspectUltraSurf(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	ts := &in.st.tls
	port := in.f.Server.Port()
	switch {
	case port < 1024 || port == 8443 || ts.not[FromClient] || ts.hello && (ts.hasSNI || !ts.alpnH2 || !ts.grease) || ts.sh && !ts.tls13:
		return rejected
	case ts.hello && ts.tls13:
		return matched(confLow, "TLS 1.3 ClientHello without a server name offering h2, to an unprivileged port (heuristic)")
	case in.st.tlsDone:
		return rejected
	}
	return undecided
}
