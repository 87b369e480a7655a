package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// dtlsBadVersion is the record version of Cisco's pre-standard DTLS (OpenSSL's
// DTLS1_BAD_VER), which AnyConnect and openconnect servers speak for the tunnel.
const dtlsBadVersion = 0x0100

// inspectAnyConnect recognises Cisco AnyConnect's DTLS tunnel: a DTLS ClientHello
// over UDP in records of version 0x0100, the pre-standard DTLS only Cisco's VPN (and
// openconnect, which speaks to it) use, answered by the server in the same version.
// Standard DTLS (WebRTC, other VPNs) uses 0xfeff or 0xfefd.
func inspectAnyConnect(in *inspection) verdict {
	if in.proto() != decode.ProtoUDP || in.n != 1 {
		return rejected
	}
	pl := in.pl
	if in.fromClient() {
		// record header 13 bytes, handshake header 12, then client_version
		if len(pl) < 27 || pl[0] != tlsHandshake || be16(pl[1:]) != dtlsBadVersion || pl[13] != tlsClientHello ||
			be16(pl[25:]) != dtlsBadVersion {
			return rejected
		}
		return undecided
	}
	if in.f.Inspected[FromClient] == 0 || len(pl) < 13 || pl[0] < 20 || pl[0] > 23 || be16(pl[1:]) != dtlsBadVersion {
		return rejected
	}
	return matched(confHigh, "DTLS handshake in Cisco's pre-standard version 0x0100, answered in kind")
}
