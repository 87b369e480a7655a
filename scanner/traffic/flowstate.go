package traffic

// FlowState is where the detection layer keeps its own state of a flow (parser
// progress, partial handshakes, what matched). It lives inside Flow by value, so a
// flow costs no allocation of its own; the flow table zeroes it when it recycles the
// flow. What does not fit in a few bytes (the matched conditions, reassembly buffers)
// sits in a flowExtra that the Scanner lends the flow while it is inspected and
// takes back when the flow ends, so the steady state allocates nothing.
//
// The detection code fills in this struct; the packet layer never reads it.
type FlowState struct {
	started bool
	// turns counts, per Dir, the runs of payloads one side sent before the other
	// spoke: a TCP flow's inspection window (last is the side of the latest).
	turns [2]uint32
	last  Dir
	// decided and matched are bit sets over the engine's fingerprints: a fingerprint
	// whose bit is in decided has given its verdict and is not asked again.
	decided, matched uint64
	// tlsDone, httpDone and dnsDone say the parsers have seen what they look for.
	tlsDone, httpDone, dnsDone bool
	// tls is the TLS handshake seen so far.
	tls tlsState
	// http is the HTTP/1 exchange seen so far.
	http httpState

	x *flowExtra

	ovpn  openVPNState
	wg    wireGuardState
	ike   ikeState
	esp   espState
	socks socksState
	rfb   vncState
	tv    teamViewerState
	tinc  tincState
	icmp  icmpTunnelState
	dnst  dnsTunnelFlow
	vless vlessState
	grpc  grpcTunnelState
	rdp   rdpState

	local localState // the monitored host's side (local.go)
	fps   fpStates   // fpstates.go
}

// flowExtra is the part of a flow's state the Scanner lends from a free list: the
// conditions that hold, notes saying how they matched, the rules reported, and a
// bounded buffer per direction for TCP streams a parser reads across segments.
type flowExtra struct {
	facts   []uint64 // one bit per engine condition
	notes   []note
	emitted []int32      // rule indexes reported on this flow
	stream  [2]streamBuf // the TLS parser's handshake bytes, per Dir
	tcp     [2]tcpStream // the reassembly of each direction (tcp.go); its buffers are lent
	tun     tunnel       // a stream this flow carries (tunnel.go)
	// depth and via say, for the flow inside a tunnel, how deep it is and how
	// findings name the tunnel ("inside HTTP CONNECT to 10.0.0.5:443").
	depth uint8
	via   string
	outer *flowExtra // the flow whose tunnel this one is inside
}

// note says how one condition matched, for evidence and confidence.
type note struct {
	cond   int32
	conf   int8 // a confidence rank, or -1 when the condition sets none
	detail string
}

func (x *flowExtra) reset(words int) {
	if cap(x.facts) < words {
		x.facts = make([]uint64, words)
	}
	x.facts = x.facts[:words]
	clear(x.facts)
	x.notes = x.notes[:0]
	x.emitted = x.emitted[:0]
	x.stream[0].reset()
	x.stream[1].reset()
	x.depth, x.via, x.outer = 0, "", nil
}

func (x *flowExtra) has(c int32) bool { return x.facts[c>>6]&(1<<(c&63)) != 0 }

func (x *flowExtra) set(c int32) bool {
	if x.has(c) {
		return false
	}
	x.facts[c>>6] |= 1 << (c & 63)
	return true
}
