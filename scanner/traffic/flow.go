package traffic

import (
	"net/netip"
	"time"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// Dir is the direction of a packet in its flow.
type Dir uint8

// Directions, which also index Flow's per-direction counters.
const (
	FromClient Dir = 0
	FromServer Dir = 1
)

// String names the direction.
func (d Dir) String() string {
	if d == FromServer {
		return "from-server"
	}
	return "from-client"
}

// Flow is both directions of one conversation: a TCP connection, a UDP or ICMP
// exchange, an ESP or GRE stream between two hosts. The FlowTable owns it and
// recycles it once evicted: keep no pointer to it past the callback that hands it
// over.
type Flow struct {
	Key   FlowKey
	Proto uint8
	// Client is the side that spoke first, Server the other; see Track for how a
	// capture that starts mid-conversation is read.
	Client, Server netip.AddrPort
	First, Last    time.Time // packet times of the first and the latest packet

	Packets [2]uint64 // per Dir
	Bytes   [2]uint64 // per Dir, original lengths on the wire
	// Inspected counts, per Dir, the payloads the inspection was given while the
	// flow was not Done: datagrams, and the messages TCP reassembly delivered. The
	// Scanner counts a payload before inspecting it, so the first each way sees 1.
	Inspected [2]uint32
	// Done says the inspection is over for this flow, classified or given up on;
	// the detection layer sets it.
	Done bool

	// State is the detection layer's per-flow state (flowstate.go).
	State FlowState

	clientLo   bool  // the client is the key's low endpoint
	class      uint8 // timeout class, and the list the flow is on
	prev, next *Flow
}

// Dir returns the direction of p, a packet of this flow.
func (f *Flow) Dir(p *decode.Packet) Dir {
	_, srcLo := flowKey(p)
	return f.dirOf(srcLo)
}

func (f *Flow) dirOf(srcLo bool) Dir {
	if srcLo == f.clientLo {
		return FromClient
	}
	return FromServer
}

// senderIsServer reads the first packet of a flow: its sender is the server when it
// is a TCP SYN-ACK or an ICMP echo reply, or, without a SYN to go by, when it goes
// from a well-known port (below 1024) to a higher one. Otherwise the sender is the
// client: who speaks first asks.
func senderIsServer(p *decode.Packet) bool {
	switch p.Proto {
	case decode.ProtoTCP:
		if p.TCPFlags&decode.TCPFlagSYN != 0 {
			return p.TCPFlags&decode.TCPFlagACK != 0
		}
	case decode.ProtoUDP:
	case decode.ProtoICMP:
		return len(p.Header) > 0 && p.Header[0] == 0 // echo reply
	case decode.ProtoICMPv6:
		return len(p.Header) > 0 && p.Header[0] == 129 // echo reply
	default:
		return false
	}
	return p.SrcPort < 1024 && p.DstPort >= 1024
}
