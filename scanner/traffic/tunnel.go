package traffic

import (
	"net/netip"
	"strconv"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// maxTunnelDepth bounds tunnels inside tunnels: a CONNECT inside a SOCKS tunnel is
// looked into, a third level is not.
const maxTunnelDepth = 2

// Kinds of tunnel a flow can carry.
const (
	tunNone uint8 = iota
	tunConnect
	tunSOCKS4
	tunSOCKS5
	tunWebSocket
)

var tunnelNames = [...]string{"", "HTTP CONNECT", "SOCKS4", "SOCKS5", "WebSocket"}

// tunnel is a stream a flow carries once a proxy handshake has opened it: an HTTP
// CONNECT answered 2xx, a SOCKS request answered with success, or an HTTP upgrade
// to WebSocket answered 101. From then on what each side sends belongs to the inner
// stream, which is inspected as a flow of its own (inner) from its first byte, by
// the same parsers, fingerprints and rules; its findings name the tunnel in their
// evidence ("inside HTTP CONNECT to 10.0.0.5:443").
type tunnel struct {
	kind   uint8
	open   bool
	target string         // what the client asked to reach, "host:port"
	addr   netip.AddrPort // the target when it is an address
	inner  *Flow
	socks  socksSession
	ws     [2]wsReader
	// early holds what the client sent past its request before the proxy answered
	// (a pipelined first message), given to the inner stream once it opens.
	early []byte
}

func (t *tunnel) reset(p *bufPool) {
	if t.early != nil {
		p.put(t.early)
	}
	*t = tunnel{}
}

// carries reports whether a payload of the flow belongs to the inner stream.
func (t *tunnel) carries() bool { return t.open && t.inner != nil }

// awaitsAnswer reports whether the client asked for a tunnel the proxy has not
// answered yet: what the client sends meanwhile is the inner stream's start.
func (t *tunnel) awaitsAnswer() bool {
	return t.kind != tunNone && !t.open && (t.kind == tunConnect || t.kind == tunWebSocket || t.socks.stage == socksReply)
}

// following reports whether a tunnel is on its way: a SOCKS session past its
// greeting, or a request not answered yet. The flow stays under inspection.
func (t *tunnel) following() bool {
	return !t.open && (t.kind != tunNone || t.socks.stage > socksStart && t.socks.stage < socksDone)
}

// pending starts a tunnel whose request was seen; it opens when the answer comes.
func (s *Scanner) pendingTunnel(f *Flow, kind uint8, host []byte, port uint16) {
	x := f.State.x
	if x.depth >= maxTunnelDepth || x.tun.kind != tunNone {
		return
	}
	t := &x.tun
	t.kind = kind
	if port == 0 { // "host:port" in one piece (a CONNECT target)
		t.target = string(host)
		if ap, err := netip.ParseAddrPort(t.target); err == nil {
			t.addr = ap
		}
		return
	}
	h := string(host)
	if a, err := netip.ParseAddr(h); err == nil {
		t.addr = netip.AddrPortFrom(a, port)
		t.target = t.addr.String()
		return
	}
	t.target = h + ":" + strconv.Itoa(int(port))
}

// early keeps client bytes sent past a tunnel request before the answer.
func (s *Scanner) keepEarly(f *Flow, b []byte) {
	t := &f.State.x.tun
	if len(b) == 0 || t.kind == tunNone || t.open {
		return
	}
	n := min(len(b), s.streamBytes-len(t.early))
	if n <= 0 {
		return
	}
	if cap(t.early)-len(t.early) < n {
		nb, ok := s.pool.get(len(t.early) + n)
		if !ok {
			return
		}
		nb = append(nb, t.early...)
		s.pool.put(t.early)
		t.early = nb
	}
	t.early = append(t.early, b[:n]...)
}

// openTunnel opens a flow's pending tunnel: the inner flow starts with the outer
// flow's endpoints (the flow on the wire, as findings name it) and the target's
// address for the rules' address conditions.
func (s *Scanner) openTunnel(f *Flow, p *decode.Packet) {
	x := f.State.x
	t := &x.tun
	if t.kind == tunNone || t.open {
		return
	}
	t.open = true
	in := s.newInnerFlow()
	// The flow on the wire: its endpoints, its packets so far and the monitored
	// host's side in it, which the inner findings' role describes.
	*in = Flow{Key: f.Key, Proto: f.Proto, Client: f.Client, Server: f.Server, First: f.First, Last: f.Last, Packets: f.Packets}
	s.startFlow(in, t.addr.Addr())
	in.State.local = f.State.local
	ix := in.State.x
	ix.depth = x.depth + 1
	ix.outer = x
	ix.via = "inside " + tunnelNames[t.kind] + " to " + t.target
	if x.via != "" {
		ix.via += " " + x.via // the tunnels from the inside out
	}
	t.inner = in
	if len(t.early) > 0 {
		s.deliverInner(f, FromClient, p, t.early)
		s.pool.put(t.early)
		t.early = nil
	}
}

// deliverInner gives a payload of the outer flow to the inner stream: as it is for
// CONNECT and SOCKS, unframed and unmasked for WebSocket.
func (s *Scanner) deliverInner(f *Flow, dir Dir, p *decode.Packet, pl []byte) {
	t := &f.State.x.tun
	in := t.inner
	if in.Done {
		return
	}
	in.Last = p.Time
	if t.kind != tunWebSocket {
		s.deliver(in, dir, p, pl, false)
		return
	}
	t.ws[dir].frames(pl, dir == FromClient, func(data []byte) bool {
		s.deliver(in, dir, p, data, false)
		return !in.Done
	})
}

// endTunnel ends the inner flow with the outer one.
func (s *Scanner) endTunnel(x *flowExtra) {
	t := &x.tun
	if in := t.inner; in != nil {
		s.end(in)
		s.innerFree = append(s.innerFree, in)
	}
	t.reset(&s.pool)
}

func (s *Scanner) newInnerFlow() *Flow {
	if n := len(s.innerFree); n > 0 {
		f := s.innerFree[n-1]
		s.innerFree = s.innerFree[:n-1]
		return f
	}
	return &Flow{}
}
