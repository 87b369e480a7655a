package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// vncState follows an RFB handshake.
type vncState struct {
	server bool // the server's version banner was seen
}

// rfbVersion reports whether pl is an RFB ProtocolVersion message, "RFB xxx.yyy\n".
func rfbVersion(pl []byte) bool {
	if len(pl) != 12 || string(pl[:4]) != "RFB " || pl[7] != '.' || pl[11] != '\n' {
		return false
	}
	for _, i := range []int{4, 5, 6, 8, 9, 10} {
		if pl[i] < '0' || pl[i] > '9' {
			return false
		}
	}
	return true
}

// inspectVNC recognises VNC (RFB, RFC 6143): the server's version banner answered
// by the client's.
func inspectVNC(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP || in.n != 1 {
		return rejected
	}
	st := &in.st.rfb
	if !rfbVersion(in.pl) {
		return rejected
	}
	if !in.fromClient() {
		st.server = true
		return undecided
	}
	if st.server {
		return matched(confHigh, "RFB version banners exchanged")
	}
	return undecided
}
