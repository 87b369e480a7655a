package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// OpenVPN opcodes (the high 5 bits of the first byte; the low 3 are the key id).
const (
	ovpnResetClientV1 = 1
	ovpnResetServerV1 = 2
	ovpnControlV1     = 4
	ovpnAckV1         = 5
	ovpnResetClientV2 = 7
	ovpnResetServerV2 = 8
	ovpnResetClientV3 = 10
)

// openVPNState follows an OpenVPN handshake: the session ids of both ends and how
// often later packets carried them again.
type openVPNState struct {
	client, server [8]byte
	clientReset    bool
	serverReset    bool
	echo           bool  // the server's reset acknowledges the client's session id
	consistent     uint8 // later control packets that repeat their sender's session id
}

// inspectOpenVPN recognises OpenVPN over UDP and TCP (a 2-byte length before each
// packet), with tls-auth, tls-crypt or no HMAC: the client opens with a hard reset
// (key id 0) carrying its session id, the server answers with its own reset, and
// later control packets repeat each side's session id. The server's reset of a
// session without tls-crypt also acknowledges the client's session id in clear.
func inspectOpenVPN(in *inspection) verdict {
	pl := in.pl
	tcp := in.proto() == decode.ProtoTCP
	if !tcp && in.proto() != decode.ProtoUDP {
		return rejected
	}
	st := &in.st.ovpn
	if tcp {
		if len(pl) < 2 {
			return rejected
		}
		n := int(be16(pl))
		if n > len(pl)-2 {
			if in.n == 1 {
				return rejected
			}
			return undecided // a segment of a longer packet: nothing to read
		}
		pl = pl[2 : 2+n]
	}
	if len(pl) < 9 {
		if in.n == 1 {
			return rejected
		}
		return undecided
	}
	op, key := pl[0]>>3, pl[0]&7
	switch {
	case in.fromClient() && !st.clientReset:
		if in.n != 1 || key != 0 || (op != ovpnResetClientV2 && op != ovpnResetClientV3 && op != ovpnResetClientV1) || len(pl) < 14 || len(pl) > 1200 {
			return rejected
		}
		copy(st.client[:], pl[1:9])
		st.clientReset = true
		return undecided
	case !st.clientReset:
		return rejected
	case !in.fromClient() && !st.serverReset:
		if in.n != 1 || key != 0 || (op != ovpnResetServerV2 && op != ovpnResetServerV1) || len(pl) < 14 {
			return rejected
		}
		copy(st.server[:], pl[1:9])
		st.serverReset = true
		st.echo = bytes.Contains(pl[9:], st.client[:])
	case op == ovpnControlV1 || op == ovpnAckV1 || op == ovpnResetClientV2 || op == ovpnResetClientV3:
		id := &st.client
		if !in.fromClient() {
			id = &st.server
		}
		if !bytes.Equal(pl[1:9], id[:]) {
			return rejected
		}
		st.consistent++
	}
	switch {
	case !st.serverReset:
	case st.echo && st.consistent >= 1:
		return matched(confHigh, "client and server hard resets, the server acknowledging the client's session id, session ids repeated")
	case st.consistent >= 2:
		return matched(confHigh, "client and server hard resets, session ids repeated in later control packets")
	case st.echo || st.consistent >= 1:
		if in.n >= 3 || st.echo && st.consistent >= 1 {
			return matched(confMedium, "client and server hard resets with consistent session ids")
		}
	}
	if in.n > 6 {
		if st.serverReset && (st.echo || st.consistent > 0) {
			return matched(confMedium, "client and server hard resets with consistent session ids")
		}
		return rejected
	}
	return undecided
}
