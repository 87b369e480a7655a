package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// FortiGate's SSL VPN (openfortivpn, openconnect's fortinet.c) logs in with POST
// /remote/logincheck, which sets the SVPNCOOKIE cookie, fetches
// /remote/fortisslvpn_xml, and opens the tunnel with GET /remote/sslvpn-tunnel,
// after which both sides send PPP in frames of a 16-bit total length, the magic
// 0x5050 and a 16-bit payload length. All of it is inside TLS in practice; the
// DTLS tunnel's "GFtype clthello" greeting is application data, encrypted too.
// The appliance's own certificate is matched by the vpn.fortinet-sslvpn rule.
var fortiPaths = []string{"/remote/logincheck", "/remote/sslvpn-tunnel", "/remote/fortisslvpn_xml", "/remote/fortisslvpn"}

// fortiPPP reports whether b starts with a FortiGate tunnel frame.
func fortiPPP(b []byte) bool {
	return len(b) >= 8 && b[2] == 0x50 && b[3] == 0x50 && int(be16(b))-int(be16(b[4:])) == 6
}

// inspectFortinet recognises FortiGate SSL VPN requests answered by the appliance:
// a login answered with the SVPNCOOKIE cookie, or the tunnel request answered by
// tunnel frames. A request alone, or answered by any other page, is never enough:
// scanners probe /remote/logincheck everywhere, and some servers answer 200 to
// any path.
func inspectFortinet(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	if in.fromClient() {
		if in.n == 1 && !vendorRequest(in.pl, fortiPaths) {
			return rejected
		}
		return undecided
	}
	if in.f.Inspected[FromClient] == 0 || in.n != 1 {
		return rejected
	}
	pl := in.pl
	if fortiPPP(pl) {
		return matched(confHigh, "FortiGate SSL VPN tunnel request answered by tunnel frames (0x5050)")
	}
	if code := statusCode(pl); code < 200 || code > 399 {
		return rejected
	}
	if anyHeader(pl, "set-cookie", func(v []byte) bool {
		return bytes.HasPrefix(v, []byte("SVPNCOOKIE=")) && len(v) > len("SVPNCOOKIE=") && v[len("SVPNCOOKIE=")] != ';'
	}) {
		return matched(confHigh, "FortiGate SSL VPN login answered with the SVPNCOOKIE cookie")
	}
	return rejected
}
