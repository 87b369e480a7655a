package traffic

import (
	"bytes"
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// tpkt returns the X.224 TPDU code of a TPKT packet (RFC 1006) whose length is the
// payload's, or 0.
func tpkt(pl []byte) byte {
	if len(pl) < 11 || pl[0] != 3 || pl[1] != 0 || int(binary.BigEndian.Uint16(pl[2:])) != len(pl) {
		return 0
	}
	return pl[5] & 0xf0
}

// inspectRDP recognises the Remote Desktop Protocol's connection start on either of
// its transports: over TCP, an X.224 Connection Request that carries RDP's routing
// cookie or negotiation request, answered by a Connection Confirm (other ISO
// transport users, S7 on port 102, send neither); over UDP, the SYN and SYN+ACK of
// MS-RDPEUDP.
func inspectRDP(in *inspection) verdict {
	switch in.proto() {
	case decode.ProtoTCP:
		return inspectRDPTCP(in)
	case decode.ProtoUDP:
		return inspectRDPUDP(in)
	}
	return rejected
}

func inspectRDPTCP(in *inspection) verdict {
	if in.n != 1 {
		return rejected
	}
	pl := in.pl
	if in.fromClient() {
		if tpkt(pl) != 0xe0 {
			return rejected
		}
		neg := len(pl) >= 19 && pl[len(pl)-8] == 1 && pl[len(pl)-6] == 8 && pl[len(pl)-5] == 0
		if !neg && !bytes.Contains(pl, []byte("Cookie: ")) {
			return rejected
		}
		return undecided
	}
	if tpkt(pl) != 0xd0 {
		return rejected
	}
	return matched(confHigh, "X.224 connection request with an RDP cookie or negotiation request, confirmed")
}

// MS-RDPEUDP (section 2.2.2.1) flags of RDPUDP_FEC_HEADER.uFlags.
const (
	rdpudpFlagSYN = 0x0001
	rdpudpFlagACK = 0x0004
)

// rdpState is what the RDP fingerprint keeps of a UDP flow: the client's SYN and
// the initial sequence number the server's SYN+ACK must acknowledge.
type rdpState struct {
	syn bool
	isn uint32
}

// rdpUDPSyn reads the start of an RDP-UDP SYN or SYN+ACK datagram (MS-RDPEUDP
// 3.1.5.1.1 and 3.1.5.1.3): an RDPUDP_FEC_HEADER (snSourceAck, uReceiveWindowSize,
// uFlags, big-endian) then an RDPUDP_SYNDATA_PAYLOAD (snInitialSequenceNumber,
// uUpStreamMtu, uDownStreamMtu), both MTUs from 1132 to 1232. It returns the
// acknowledged number, the flags and the initial sequence number.
func rdpUDPSyn(pl []byte) (ack uint32, flags uint16, isn uint32, ok bool) {
	if len(pl) < 16 {
		return 0, 0, 0, false
	}
	be := binary.BigEndian
	up, down := be.Uint16(pl[12:]), be.Uint16(pl[14:])
	if up < 1132 || up > 1232 || down < 1132 || down > 1232 {
		return 0, 0, 0, false
	}
	return be.Uint32(pl), be.Uint16(pl[6:]), be.Uint32(pl[8:]), true
}

// inspectRDPUDP recognises RDP's UDP transport: the client's first datagram is a
// SYN (snSourceAck -1, the SYN flag without ACK), the server's first a SYN+ACK
// whose snSourceAck is the client's initial sequence number. Both carry MTUs in
// the narrow range the specification allows.
func inspectRDPUDP(in *inspection) verdict {
	st := &in.st.rdp
	if in.fromClient() {
		if in.n > 1 {
			return undecided // a retransmitted SYN, or data before the answer is seen
		}
		ack, flags, isn, ok := rdpUDPSyn(in.pl)
		if !ok || ack != 0xffffffff || flags&rdpudpFlagSYN == 0 || flags&rdpudpFlagACK != 0 {
			return rejected
		}
		st.syn, st.isn = true, isn
		return undecided
	}
	if !st.syn || in.n != 1 {
		return rejected
	}
	ack, flags, _, ok := rdpUDPSyn(in.pl)
	if !ok || ack != st.isn || flags&(rdpudpFlagSYN|rdpudpFlagACK) != rdpudpFlagSYN|rdpudpFlagACK {
		return rejected
	}
	return matched(confHigh, "RDP-UDP SYN answered by a SYN+ACK that acknowledges its sequence number (MS-RDPEUDP)")
}
