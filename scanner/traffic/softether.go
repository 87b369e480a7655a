package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// inspectSoftEther recognises SoftEther VPN: its NAT traversal probe over UDP (the
// client sends one byte, the server answers with the address it sees,
// "IP=a.b.c.d,PORT=n"), and its TCP session, which opens with an HTTP POST to the
// VPN service's fixed paths.
func inspectSoftEther(in *inspection) verdict {
	pl := in.pl
	switch in.proto() {
	case decode.ProtoUDP:
		if in.fromClient() {
			if in.n == 1 && len(pl) != 1 {
				return rejected
			}
			return undecided
		}
		if in.f.Inspected[FromClient] > 0 && bytes.HasPrefix(pl, []byte("IP=")) && bytes.Contains(pl, []byte(",PORT=")) {
			return matched(confHigh, "NAT traversal probe answered with IP= and PORT=")
		}
		return rejected
	case decode.ProtoTCP:
		if !in.fromClient() || in.n != 1 {
			return rejected
		}
		if bytes.HasPrefix(pl, []byte("POST /vpnsvc/connect.cgi ")) || bytes.HasPrefix(pl, []byte("POST /vpnsvc/vpn.cgi ")) {
			return matched(confHigh, "HTTP POST to the SoftEther VPN service path")
		}
	}
	return rejected
}
