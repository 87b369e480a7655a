package traffic

import (
	"cmp"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
	"github.com/aupscan/aupscan/signatures"
)

// DefaultMaxPayloads is how many payload packets each way a flow is inspected for
// when ScannerConfig leaves it 0: enough for every handshake the fingerprints read.
const DefaultMaxPayloads = 10

// ScannerConfig says where findings come from and how much of each flow is read.
type ScannerConfig struct {
	Source string // the capture file or interface, as findings name it
	Host   string // the host findings are about, for their id; may be empty
	// MaxPayloads is how many payloads of each direction are inspected before the
	// flow is given up on: datagrams, and for TCP the messages the reassembly
	// delivers (a handshake message cut into many segments counts once); 0 takes
	// DefaultMaxPayloads.
	MaxPayloads int
	// StreamBytes is how many bytes of each direction of a TCP stream are put in
	// order and inspected; 0 takes DefaultStreamBytes.
	StreamBytes int
	// ReassemblyMemory bounds the buffers that hold TCP bytes out of order or short
	// of a whole message, and IP fragments, over all flows; 0 takes
	// DefaultReassemblyMemory. Past it, flows are inspected without reassembly
	// (counted in ScanStats.Reassembly.Refused).
	ReassemblyMemory int
	Flows            FlowTableConfig
	// Local marks the monitored hosts (addresses, ranges, MACs): a finding on a
	// flow whose client or server bears a mark gets a role. Nil: roles unknown.
	Local *Local
}

// ScanStats counts what a Scanner saw.
type ScanStats struct {
	Packets    uint64 // packets given to Packet
	Findings   uint64
	Flows      FlowStats
	Reassembly ReassemblyStats
}

// Scanner runs packets through a flow table and the engine: it inspects the first
// packets of each flow with the fingerprints and the rules' conditions and emits one
// Finding per flow and rule. Findings go to the emit function given to NewScanner,
// which must not block for long. A Scanner is not safe for concurrent use; it
// allocates nothing per packet once its flow table and free lists have grown,
// except for what a match itself costs (names, evidence, the finding).
type Scanner struct {
	e       *Engine
	cfg     ScannerConfig
	flows   *FlowTable
	emit    func(scanner.Finding)
	free    []*flowExtra
	in      [maxTunnelDepth + 1]inspection // by tunnel depth
	probe   inspection                     // what the framers see (tcp.go)
	none    decode.Packet                  // what final inspections see
	pkt     decode.Packet
	expired time.Time // packet time of the last Expire
	dec     *decode.Decoder
	tls     tlsScratch
	dns     dnsScratch
	tun     dnsDomains
	peers   peerSet
	stats   ScanStats
	endFn   func(*Flow)
	maxPay  uint32
	// streamBytes is the byte budget of a TCP direction; pool lends the buffers of
	// held bytes.
	streamBytes int
	pool        bufPool
	defrag      *decode.Defragmenter
	innerFree   []*Flow // flows that were inside tunnels, for the next
}

// NewScanner returns a Scanner of engine e that hands findings to emit.
func NewScanner(e *Engine, cfg ScannerConfig, emit func(scanner.Finding)) *Scanner {
	s := &Scanner{e: e, cfg: cfg, emit: emit}
	if cfg.MaxPayloads <= 0 {
		cfg.MaxPayloads = DefaultMaxPayloads
	}
	s.maxPay = uint32(cfg.MaxPayloads)
	s.streamBytes = cmp.Or(cfg.StreamBytes, DefaultStreamBytes)
	s.pool.limit = cmp.Or(cfg.ReassemblyMemory, DefaultReassemblyMemory)
	s.endFn = s.end
	ft := cfg.Flows
	prev := ft.OnEvict
	ft.OnEvict = func(f *Flow) {
		if prev != nil {
			prev(f)
		}
		s.end(f)
	}
	s.flows = NewFlowTable(ft)
	s.tun.init()
	s.peers.init()
	return s
}

// Packet tracks one decoded packet and inspects it when its flow is still under
// inspection. Packet times drive flow expiry.
func (s *Scanner) Packet(p *decode.Packet) {
	s.stats.Packets++
	if p.Fragment == decode.LaterFragment || p.Fragment == decode.HeldFragment {
		return // no transport header: nothing to inspect, and no flow of its own
	}
	f, dir := s.flows.Track(p)
	// Expiry looks at the least recently seen flows only, but once a packet-time
	// millisecond is plenty: timeouts are minutes.
	if d := p.Time.Sub(s.expired); d >= time.Millisecond || d < 0 {
		s.expired = p.Time
		s.flows.Expire(p.Time, s.endFn)
	}
	if f == nil || f.Done {
		return
	}
	st := &f.State
	if !st.started {
		s.start(f)
		s.locate(f, p, dir)
	}
	if f.Proto == decode.ProtoTCP {
		s.tcpSegment(f, dir, p)
	} else if len(p.Payload) > 0 || isIPSec(f.Proto) {
		s.deliver(f, dir, p, p.Payload, false)
	}
	if f.Done && f.State.x != nil {
		s.releaseStreams(f.State.x)
	}
}

// deliver inspects one payload of a flow: a datagram, or a message the TCP
// reassembly put together (gap says bytes were skipped before it).
func (s *Scanner) deliver(f *Flow, dir Dir, p *decode.Packet, pl []byte, gap bool) {
	x := f.State.x
	if x.tun.carries() {
		s.deliverInner(f, dir, p, pl)
		s.maybeDone(f)
		return
	}
	if x.tun.awaitsAnswer() && dir == FromClient {
		s.keepEarly(f, pl) // sent before the proxy answered: the inner stream's start
		return
	}
	f.Inspected[dir]++
	if st := &f.State; st.turns[dir] == 0 || st.last != dir {
		st.turns[dir]++
		st.last = dir
	}
	// One inspection a tunnel level: an inner flow is inspected while its outer
	// flow's inspection is still under way.
	in := &s.in[x.depth]
	*in = inspection{s: s, f: f, st: &f.State, dir: dir, p: p, pl: pl, n: f.Inspected[dir], gap: gap}
	s.parse(in)
	s.runFingerprints(in)
	if len(s.e.contents) > 0 && len(pl) > 0 {
		s.matchContent(in)
	}
	if f.Proto == decode.ProtoTCP && len(pl) > 0 && !x.tun.open && x.depth < maxTunnelDepth &&
		(x.tun.socks.stage != socksStart || in.n == 1 && in.fromClient() && (pl[0] == 4 || pl[0] == 5)) {
		s.followSOCKS(in)
	}
	s.maybeDone(f)
}

// releaseStreams gives a flow's held TCP bytes back to the pool.
func (s *Scanner) releaseStreams(x *flowExtra) {
	x.tcp[0].reset(&s.pool)
	x.tcp[1].reset(&s.pool)
}

// Reset ends every flow still in the table (as Flush) and clears the counters and
// the state kept across flows, for a new capture whose findings name source. The
// memory grown so far is kept.
func (s *Scanner) Reset(source string) {
	s.flows.Reset(s.endFn)
	s.stats = ScanStats{}
	s.pool.refuse = 0
	if s.defrag != nil {
		s.defrag.Reset()
	}
	s.expired = time.Time{}
	s.cfg.Source = source
	clear(s.tun.m)
	clear(s.peers.m)
}

func (s *Scanner) decoder() *decode.Decoder {
	if s.dec == nil {
		s.dec = decode.NewDecoder(decode.LinkEthernet)
		// Fragments get their own share of the reassembly memory: they are rare, and
		// a flood of them must not starve the TCP streams.
		s.defrag = decode.NewDefragmenter(decode.DefragConfig{Memory: s.pool.limit / 8})
		s.dec.SetDefrag(s.defrag)
	}
	return s.dec
}

// Tick expires the flows idle at now, for a live capture whose link is quiet (a
// packet does it otherwise).
func (s *Scanner) Tick(now time.Time) { s.flows.Expire(now, s.endFn) }

// Flush ends every flow still in the table, at the end of a capture.
func (s *Scanner) Flush() { s.flows.Flush(s.endFn) }

// Stats returns the counters.
func (s *Scanner) Stats() ScanStats {
	st := s.stats
	st.Flows = s.flows.Stats()
	st.Reassembly.Refused += s.pool.refuse
	if s.defrag != nil {
		ds := s.defrag.Stats()
		st.Reassembly.Fragments, st.Reassembly.Datagrams, st.Reassembly.FragDropped = ds.Fragments, ds.Datagrams, ds.Dropped
	}
	return st
}

func isIPSec(proto uint8) bool { return proto == decode.ProtoESP || proto == decode.ProtoAH }

// start gives a new flow its state, matching the rules' address conditions against
// its server.
func (s *Scanner) start(f *Flow) { s.startFlow(f, f.Server.Addr()) }

// startFlow gives a new flow its state: the lent extra part and the address facts
// about srv, the server the rules' address conditions are matched against (for the
// flow inside a tunnel, its target; invalid when the target is a name).
func (s *Scanner) startFlow(f *Flow, srv netip.Addr) {
	st := &f.State
	st.started = true
	// Fingerprints no rule names are decided from the start.
	st.decided = ^s.e.fpUsed
	var x *flowExtra
	if n := len(s.free); n > 0 {
		x, s.free = s.free[n-1], s.free[:n-1]
	} else {
		x = &flowExtra{}
	}
	x.reset(s.e.words())
	st.x = x
	s.startParsers(f)
	for _, c := range s.e.addrConds {
		cond := s.e.conds[c]
		if srv.IsValid() && cond.addrs.Contains(srv) {
			s.fact(f, c, -1, "server address "+srv.String()+" is listed")
		}
	}
}

// end gives the fingerprints that asked for it a last word on a flow, then takes
// back the flow's lent state before the table recycles the flow.
func (s *Scanner) end(f *Flow) {
	if x := f.State.x; x != nil {
		if f.Proto == decode.ProtoTCP && !f.Done {
			s.flushStreams(f)
		}
		s.final(f)
		s.endTunnel(x)
		s.releaseStreams(x)
		f.State.x = nil
		s.free = append(s.free, x)
	}
}

// final asks the undecided fingerprints that want it about a flow that ended.
func (s *Scanner) final(f *Flow) {
	st := &f.State
	for id := range numFingerprints {
		if st.decided&(1<<id) != 0 || !fingerprints[id].final {
			continue
		}
		in := &s.in[st.x.depth]
		*in = inspection{s: s, f: f, st: st, p: &s.none, final: true}
		if v := fingerprints[id].inspect(in); v.state == stateMatched {
			st.decided |= 1 << id
			for _, c := range s.e.fpConds[id] {
				s.fact(f, c, v.conf, "fingerprint "+fingerprints[id].name+": "+v.detail)
			}
		}
	}
}

// runFingerprints asks each undecided fingerprint about the packet.
func (s *Scanner) runFingerprints(in *inspection) {
	st := in.st
	for id := range numFingerprints {
		bit := uint64(1) << id
		if st.decided&bit != 0 {
			continue
		}
		v := fingerprints[id].inspect(in)
		switch v.state {
		case stateRejected:
			st.decided |= bit
		case stateMatched:
			st.decided |= bit
			st.matched |= bit
			for _, c := range s.e.fpConds[id] {
				s.fact(in.f, c, v.conf, "fingerprint "+fingerprints[id].name+": "+v.detail)
			}
		}
	}
}

// maybeDone ends the inspection of f once its window is used up, or once every
// fingerprint and parser has decided and no content condition needs more packets.
func (s *Scanner) maybeDone(f *Flow) {
	st := &f.State
	n := s.maxPay
	if t := &st.x.tun; t.inner != nil && !t.inner.Done || t.following() {
		return // a tunnel is opening, or the stream inside it is still inspected
	}
	c, sv := f.Inspected[FromClient], f.Inspected[FromServer]
	if f.Proto == decode.ProtoTCP {
		// A TCP stream's window is its turns, not its segments: a sender that cuts its
		// bytes small must not use it up (the byte budget bounds the rest).
		c, sv = st.turns[FromClient], st.turns[FromServer]
	}
	if (c >= n && sv >= n) || c >= 2*n || sv >= 2*n {
		f.Done = true
	} else if st.decided == ^uint64(0) && st.tlsDone && st.httpDone && st.dnsDone && !s.e.needContent {
		f.Done = true
	}
}

// matchContent checks the content conditions not yet met against the payload.
func (s *Scanner) matchContent(in *inspection) {
	x := in.st.x
	for _, c := range s.e.contents {
		if x.has(c) {
			continue
		}
		cond := s.e.conds[c]
		if cond.dir >= 0 && Dir(cond.dir) != in.dir || !cond.sec.fits(in.f) {
			continue
		}
		if at, ok := findContent(cond.content, in.pl); ok {
			s.fact(in.f, c, -1, "content "+cond.content.Display()+" at byte "+strconv.Itoa(at)+" of a "+dirWord(in.dir)+" payload")
		}
	}
}

func dirWord(d Dir) string {
	if d == FromServer {
		return "server"
	}
	return "client"
}

// findContent looks for a content pattern within its offset and depth.
func findContent(c *signatures.Content, pl []byte) (int, bool) {
	lit, _ := c.Bytes()
	last := len(pl) - len(lit)
	if c.Depth > 0 {
		last = min(last, c.Offset+c.Depth-len(lit))
	}
	for i := c.Offset; i <= last; i++ {
		if c.MatchAt(pl, i) {
			return i, true
		}
	}
	return 0, false
}

// fact records that condition c holds on flow f, and reports every section it
// completes.
func (s *Scanner) fact(f *Flow, c int32, conf int8, detail string) {
	x := f.State.x
	if x == nil || !x.set(c) {
		return
	}
	x.notes = append(x.notes, note{cond: c, conf: conf, detail: detail})
	sec := s.e.conds[c].sec
	if !sec.fits(f) {
		return
	}
	for _, sc := range sec.conds {
		if !x.has(sc) {
			return
		}
	}
	s.report(f, sec)
}

// report emits the finding of a section's rule on f, once per flow and rule.
func (s *Scanner) report(f *Flow, sec *section) {
	x := f.State.x
	er := sec.rule
	for o := x; o != nil; o = o.outer {
		if slices.Contains(o.emitted, er.index) {
			return // one finding a rule and flow on the wire, whatever the tunnel level
		}
	}
	x.emitted = append(x.emitted, er.index)
	var ev []string
	var c confidence
	for _, n := range x.notes {
		if slices.Contains(sec.conds, n.cond) {
			ev = append(ev, n.detail)
			c.add(n.conf)
		}
	}
	conf := c.of(er.conf)
	r := er.rule
	fl := &scanner.Flow{Proto: protoName(f.Proto), Src: f.Client.Addr(), Sport: f.Client.Port(), Dst: f.Server.Addr(), Dport: f.Server.Port()}
	fd := scanner.Finding{
		Rule: r.ID, Name: r.Name, Category: r.Category, Severity: r.Severity,
		Confidence: confNames[conf], Kind: scanner.KindTraffic, Subject: fl.Subject(),
		Source: s.cfg.Source, Time: f.First, Host: s.cfg.Host, Flow: fl,
	}
	role, seen, host := s.role(f, sec)
	fd.Role = role
	if seen != "" {
		ev = append(ev, seen)
	}
	if host != "" {
		fd.Host = host
	}
	fd.Evidence = evidence(x.via, ev)
	fd.SetID()
	s.stats.Findings++
	if s.emit != nil {
		s.emit(fd)
	}
}

// evidence joins what matched, after the tunnel the flow is inside, if any.
func evidence(via string, ev []string) string {
	if via != "" {
		return via + ": " + strings.Join(ev, "; ")
	}
	return strings.Join(ev, "; ")
}

// protoName names an IP protocol as findings write it: upper case, as docs/contracts.md
// writes a traffic subject ("PROTO SRC:SPORT -> DST:DPORT").
func protoName(p uint8) string {
	switch p {
	case decode.ProtoTCP:
		return "TCP"
	case decode.ProtoUDP:
		return "UDP"
	case decode.ProtoICMP:
		return "ICMP"
	case decode.ProtoICMPv6:
		return "ICMPv6"
	case decode.ProtoESP:
		return "ESP"
	case decode.ProtoAH:
		return "AH"
	case decode.ProtoGRE:
		return "GRE"
	}
	return "IP" + strconv.Itoa(int(p))
}

// matchName matches a host name seen in field against the name conditions. The
// name is looked up without copying it (it points into the packet or a scratch
// buffer); only a match copies it, into the evidence.
func (s *Scanner) matchName(f *Flow, field nameField, what string, b []byte) {
	if len(b) == 0 {
		return
	}
	name := unsafe.String(&b[0], len(b)) // not kept: NameSet.First retains nothing
	x := f.State.x
	s.e.names.Match(name, func(m signatures.NameMatch) bool {
		c := int32(m.Tag)
		if s.e.conds[c].fields&field != 0 && !x.has(c) {
			s.fact(f, c, -1, what+" "+strconv.Quote(name)+" matches "+m.How+" "+m.Entry)
		}
		return true
	})
	for _, c := range s.e.slowNames {
		cond := s.e.conds[c]
		if cond.fields&field == 0 || x.has(c) {
			continue
		}
		if m, ok := cond.names.First(name); ok {
			s.fact(f, c, -1, what+" "+strconv.Quote(name)+" matches "+m.How+" "+m.Entry)
		}
	}
}

// addrPortString writes an address and port as host:port.
func addrPortString(a netip.Addr, p uint16) string { return netip.AddrPortFrom(a, p).String() }
