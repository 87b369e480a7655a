package traffic

import (
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// ikeState follows an IKE (ISAKMP) exchange.
type ikeState struct {
	spi     [8]byte // the initiator's SPI
	version uint8
	init    bool
}

// ikeHeader returns the ISAKMP message of a UDP payload (after the 4 zero bytes of
// the non-ESP marker on the NAT-T port 4500), or nil when it is not one: a known
// version and exchange type, a non-zero initiator SPI and a length equal to the
// message's.
func ikeHeader(pl []byte, natt bool) []byte {
	if natt {
		if len(pl) < 4 || binary.BigEndian.Uint32(pl) != 0 {
			return nil // ESP in UDP, or a keepalive
		}
		pl = pl[4:]
	}
	if len(pl) < 28 || binary.BigEndian.Uint64(pl) == 0 || int(binary.BigEndian.Uint32(pl[24:])) != len(pl) {
		return nil
	}
	switch ver, ex := pl[17], pl[18]; ver {
	case 0x10: // IKEv1: base, identity protection, auth only, aggressive, informational, quick mode, new group
		if ex < 1 || ex > 5 && ex != 32 && ex != 33 {
			return nil
		}
	case 0x20: // IKEv2: IKE_SA_INIT, IKE_AUTH, CREATE_CHILD_SA, INFORMATIONAL
		if ex < 34 || ex > 37 {
			return nil
		}
	default:
		return nil
	}
	return pl
}

// inspectIKE recognises IKEv1 and IKEv2 on any UDP port, NAT-T included: the
// initiator's message, then the responder's answer with the same initiator SPI and
// a responder SPI of its own. The two hosts are remembered so that their ESP or AH
// traffic is known to follow a key exchange.
func inspectIKE(in *inspection) verdict {
	if in.proto() != decode.ProtoUDP {
		return rejected
	}
	natt := in.f.Server.Port() == 4500 || in.f.Client.Port() == 4500
	m := ikeHeader(in.pl, natt)
	st := &in.st.ike
	if m == nil {
		if in.n == 1 && !st.init {
			return rejected
		}
		return undecided // ESP-in-UDP or keepalives after the exchange
	}
	if in.fromClient() {
		if !st.init {
			copy(st.spi[:], m[:8])
			st.version, st.init = m[17], true
		}
		return undecided
	}
	if !st.init || [8]byte(m[:8]) != st.spi || binary.BigEndian.Uint64(m[8:]) == 0 {
		return rejected
	}
	in.s.peers.add(peerIKE, in.f.Client.Addr(), in.f.Server.Addr())
	if st.version == 0x20 {
		return matched(confHigh, "IKEv2 exchange: the responder answers the initiator's SPI with its own")
	}
	return matched(confHigh, "IKEv1 exchange: the responder answers the initiator's cookie with its own")
}
