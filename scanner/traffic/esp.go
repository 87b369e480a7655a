package traffic

import (
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// espState follows the security associations of an ESP or AH flow, one each way.
type espState struct {
	spi [2]uint32
	seq [2]uint32
	n   [2]uint8
}

// inspectESP recognises IPsec ESP (IP protocol 50) and AH (51). The protocol number
// says what the packets are; what the fingerprint checks is that they behave as
// IPsec does: a steady SPI (not one of the reserved values below 256) and a rising
// sequence number over three packets one way, or any packet of a valid SPI after an
// IKE exchange between the same two hosts.
//
// On its own an ESP flow is reported with low confidence: IPsec carries
// site-to-site links as often as remote-access VPNs, and nothing in ESP says which.
// After an IKE exchange between the same two hosts it is medium: the key exchange
// was seen, so the tunnel is a negotiated VPN.
func inspectESP(in *inspection) verdict {
	h := in.p.Header
	var spi, seq uint32
	switch in.proto() {
	case decode.ProtoESP:
		if len(h) < 8 {
			return rejected
		}
		spi, seq = binary.BigEndian.Uint32(h), binary.BigEndian.Uint32(h[4:])
	case decode.ProtoAH:
		if len(h) < 12 || h[2] != 0 || h[3] != 0 {
			return rejected
		}
		spi, seq = binary.BigEndian.Uint32(h[4:]), binary.BigEndian.Uint32(h[8:])
	default:
		return rejected
	}
	st := &in.st.esp
	d := in.dir
	switch {
	case spi < 256:
		return rejected
	case st.n[d] == 0:
		st.spi[d] = spi
	case spi != st.spi[d] || seq <= st.seq[d] || seq-st.seq[d] > 1<<16:
		return rejected
	}
	st.seq[d] = seq
	st.n[d]++
	ike := in.s.peers.has(peerIKE, in.f.Client.Addr(), in.f.Server.Addr())
	switch {
	case ike && in.proto() == decode.ProtoAH:
		return in.matchedUndirected(fpESP, confMedium, "AH after an IKE exchange between the same hosts")
	case ike:
		return in.matchedUndirected(fpESP, confMedium, "ESP after an IKE exchange between the same hosts")
	case st.n[d] < 3:
		return undecided
	case in.proto() == decode.ProtoAH:
		return in.matchedUndirected(fpESP, confLow, "AH with a steady SPI and rising sequence numbers (no IKE exchange seen)")
	}
	return in.matchedUndirected(fpESP, confLow, "ESP with a steady SPI and rising sequence numbers (no IKE exchange seen)")
}
