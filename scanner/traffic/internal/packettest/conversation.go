package packettest

import (
	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	cr "github.com/aupscan/aupscan/scanner/traffic/internal/craft"
)

// Conversation is a TCP connection over Ethernet from a client on an ephemeral port
// to a server on 443: handshake, a request, an answer, and the close.
func Conversation() []Case {
	type seg struct {
		fromClient bool
		flags      uint8
		payload    string
	}
	var out []Case
	for _, s := range []seg{
		{true, cr.SYN, ""}, {false, cr.SYN | cr.ACK, ""}, {true, cr.ACK, ""},
		{true, cr.PSH | cr.ACK, "GET / HTTP/1.1\r\n\r\n"}, {false, cr.PSH | cr.ACK, "HTTP/1.1 204 No Content\r\n\r\n"},
		{true, cr.FIN | cr.ACK, ""}, {false, cr.FIN | cr.ACK, ""}, {true, cr.ACK, ""},
	} {
		src, dst, sport, dport := V4A, V4B, uint16(50000), uint16(443)
		if !s.fromClient {
			src, dst, sport, dport = dst, src, dport, sport
		}
		frame := cr.Frame(cr.Eth(layers.EthernetTypeIPv4), cr.IPv4(src, dst, layers.IPProtocolTCP),
			cr.TCP(sport, dport, s.flags), cr.Raw([]byte(s.payload)))
		out = append(out, Case{Link: decode.LinkEthernet, Frame: frame, Want: Want{Proto: decode.ProtoTCP,
			Src: src, Dst: dst, SrcPort: sport, DstPort: dport, TCPFlags: s.flags, Payload: s.payload}})
	}
	return out
}
