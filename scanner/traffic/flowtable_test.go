package traffic

import (
	"net/netip"
	"testing"
	"time"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// pkt makes a decoded packet by hand, as the flow table sees it.
func pkt(proto uint8, src string, sport uint16, dst string, dport uint16, flags uint8, payload string) *decode.Packet {
	return &decode.Packet{Proto: proto, Src: netip.MustParseAddr(src), Dst: netip.MustParseAddr(dst),
		SrcPort: sport, DstPort: dport, TCPFlags: flags, Payload: []byte(payload),
		Header: []byte{0}, Length: 60 + len(payload), Time: pt.Epoch}
}

func at(p *decode.Packet, d time.Duration) *decode.Packet {
	p.Time = pt.Epoch.Add(d)
	return p
}

func TestFlowKeyBothWays(t *testing.T) {
	a := pkt(decode.ProtoTCP, pt.V4A, 50000, pt.V4B, 443, 0, "")
	b := pkt(decode.ProtoTCP, pt.V4B, 443, pt.V4A, 50000, 0, "")
	if FlowKeyOf(a) != FlowKeyOf(b) {
		t.Errorf("directions differ: %v, %v", FlowKeyOf(a), FlowKeyOf(b))
	}
	mapped := pkt(decode.ProtoTCP, "::ffff:"+pt.V4A, 50000, "::ffff:"+pt.V4B, 443, 0, "")
	if FlowKeyOf(a) == FlowKeyOf(mapped) {
		t.Error("IPv4 and IPv4-mapped IPv6 share a key")
	}
	udp := pkt(decode.ProtoUDP, pt.V4A, 50000, pt.V4B, 443, 0, "")
	if FlowKeyOf(a) == FlowKeyOf(udp) {
		t.Error("TCP and UDP share a key")
	}
	lo, hi := FlowKeyOf(b).Endpoints()
	if lo.String() != pt.V4A+":50000" || hi.String() != pt.V4B+":443" {
		t.Errorf("endpoints %v %v", lo, hi)
	}
}

// TestFlowClientServer checks who is taken for the client from the first packet.
func TestFlowClientServer(t *testing.T) {
	cases := []struct {
		name   string
		first  *decode.Packet
		client string
	}{
		{"syn", pkt(decode.ProtoTCP, pt.V4A, 50000, pt.V4B, 443, decode.TCPFlagSYN, ""), pt.V4A + ":50000"},
		{"syn to a high port", pkt(decode.ProtoTCP, pt.V4A, 443, pt.V4B, 50000, decode.TCPFlagSYN, ""), pt.V4A + ":443"},
		{"syn-ack first", pkt(decode.ProtoTCP, pt.V4B, 443, pt.V4A, 50000, decode.TCPFlagSYN|decode.TCPFlagACK, ""), pt.V4A + ":50000"},
		{"mid-stream from the well-known port", pkt(decode.ProtoTCP, pt.V4B, 443, pt.V4A, 50000, decode.TCPFlagACK, "x"), pt.V4A + ":50000"},
		{"mid-stream to the well-known port", pkt(decode.ProtoTCP, pt.V4A, 50000, pt.V4B, 443, decode.TCPFlagACK, "x"), pt.V4A + ":50000"},
		{"mid-stream between high ports", pkt(decode.ProtoTCP, pt.V4B, 1194, pt.V4A, 50000, decode.TCPFlagACK, "x"), pt.V4B + ":1194"},
		{"udp answer first", pkt(decode.ProtoUDP, pt.V4B, 53, pt.V4A, 40000, 0, "x"), pt.V4A + ":40000"},
		{"udp between low ports", pkt(decode.ProtoUDP, pt.V4B, 500, pt.V4A, 500, 0, "x"), pt.V4B + ":500"},
		{"icmp echo reply first", &decode.Packet{Proto: decode.ProtoICMP, Src: netip.MustParseAddr(pt.V4B), Dst: netip.MustParseAddr(pt.V4A), Header: []byte{0, 0, 0, 0}}, pt.V4A + ":0"},
		{"icmpv6 echo request", &decode.Packet{Proto: decode.ProtoICMPv6, Src: netip.MustParseAddr(pt.V6A), Dst: netip.MustParseAddr(pt.V6B), Header: []byte{128, 0, 0, 0}}, "[" + pt.V6A + "]:0"},
		{"esp", &decode.Packet{Proto: decode.ProtoESP, Src: netip.MustParseAddr(pt.V4B), Dst: netip.MustParseAddr(pt.V4A)}, pt.V4B + ":0"},
	}
	for _, c := range cases {
		f, dir := NewFlowTable(FlowTableConfig{}).Track(c.first)
		if f.Client.String() != c.client {
			t.Errorf("%s: client %v, want %s", c.name, f.Client, c.client)
		}
		wantDir := FromClient
		if f.Client != netip.AddrPortFrom(c.first.Src, c.first.SrcPort) {
			wantDir = FromServer
		}
		if dir != wantDir || f.Dir(c.first) != wantDir {
			t.Errorf("%s: direction %v, want %v", c.name, dir, wantDir)
		}
	}
}

// TestFlowCounters replays the crafted conversation through decoder and table.
func TestFlowCounters(t *testing.T) {
	ft := NewFlowTable(FlowTableConfig{})
	d := decode.NewDecoder(decode.LinkEthernet)
	var f *Flow
	for i, cp := range pt.Conversation() {
		var p decode.Packet
		if err := d.Decode(cp.Frame, &p); err != nil {
			t.Fatal(err)
		}
		p.Time, p.Length = pt.Epoch.Add(time.Duration(i)*time.Second), len(cp.Frame)
		var dir Dir
		f, dir = ft.Track(&p)
		if i == 3 {
			f.Done = true // classified on the request: the answer is not inspected
		}
		if (dir == FromClient) != (p.SrcPort == 50000) {
			t.Errorf("packet %d: direction %v", i+1, dir)
		}
	}
	if ft.Len() != 1 {
		t.Fatalf("%d flows, want 1", ft.Len())
	}
	// The table counts packets and bytes; payloads inspected are the Scanner's to count.
	if f.Packets != [2]uint64{5, 3} || f.Inspected != [2]uint32{} || f.Bytes[0] == 0 || f.Bytes[1] == 0 {
		t.Errorf("packets %v inspected %v bytes %v", f.Packets, f.Inspected, f.Bytes)
	}
	if !f.First.Equal(pt.Epoch) || !f.Last.Equal(pt.Epoch.Add(7*time.Second)) {
		t.Errorf("first %v last %v", f.First, f.Last)
	}
	if f.Client.String() != pt.V4A+":50000" || f.Server.String() != pt.V4B+":443" {
		t.Errorf("client %v server %v", f.Client, f.Server)
	}
}

func TestFlowExpire(t *testing.T) {
	ft := NewFlowTable(FlowTableConfig{UDPTimeout: 2 * time.Minute, TCPTimeout: 5 * time.Minute})
	ft.Track(at(pkt(decode.ProtoTCP, pt.V4A, 50000, pt.V4B, 443, decode.TCPFlagSYN, ""), 0))
	ft.Track(at(pkt(decode.ProtoUDP, pt.V4A, 40000, pt.V4B, 53, 0, "q"), 0))
	ft.Track(at(pkt(decode.ProtoUDP, pt.V4A, 40001, pt.V4B, 53, 0, "q"), 90*time.Second))
	var gone []string
	collect := func(f *Flow) { gone = append(gone, f.Client.String()) }
	if n := ft.Expire(pt.Epoch.Add(150*time.Second), collect); n != 1 || gone[0] != pt.V4A+":40000" {
		t.Errorf("at 150s: expired %d %v, want the first UDP flow", n, gone)
	}
	if n := ft.Expire(pt.Epoch.Add(4*time.Minute), collect); n != 1 {
		t.Errorf("at 4m: expired %d, want the second UDP flow", n)
	}
	if n := ft.Expire(pt.Epoch.Add(6*time.Minute), collect); n != 1 || ft.Len() != 0 {
		t.Errorf("at 6m: expired %d, %d left", n, ft.Len())
	}
	if s := ft.Stats(); s.Created != 3 || s.EvictedIdle != 3 || s.Active != 0 {
		t.Errorf("stats %+v", s)
	}
}

// TestFlowTableFull fills a table of two flows: a third flow takes the place of one
// that is done or unanswered, and is dropped while both are live.
func TestFlowTableFull(t *testing.T) {
	var evicted []string
	ft := NewFlowTable(FlowTableConfig{MaxFlows: 2, OnEvict: func(f *Flow) { evicted = append(evicted, f.Client.String()) }})
	talk := func(sport uint16) *Flow {
		f, _ := ft.Track(pkt(decode.ProtoUDP, pt.V4A, sport, pt.V4B, 53, 0, "q"))
		ft.Track(pkt(decode.ProtoUDP, pt.V4B, 53, pt.V4A, sport, 0, "a"))
		return f
	}
	first := talk(40001)
	talk(40002)
	if f, _ := ft.Track(pkt(decode.ProtoUDP, pt.V4A, 40003, pt.V4B, 53, 0, "q")); f != nil {
		t.Fatal("a third flow got in while both were live")
	}
	first.Done = true
	if f, _ := ft.Track(pkt(decode.ProtoUDP, pt.V4A, 40003, pt.V4B, 53, 0, "q")); f == nil {
		t.Fatal("a done flow was not evicted for a new one")
	}
	// 40003 is unanswered: the next new flow takes its place.
	if f, _ := ft.Track(pkt(decode.ProtoUDP, pt.V4A, 40004, pt.V4B, 53, 0, "q")); f == nil {
		t.Fatal("an unanswered flow was not evicted")
	}
	s := ft.Stats()
	if s.DroppedFull != 1 || s.EvictedFull != 2 || s.Active != 2 || len(evicted) != 2 || evicted[0] != pt.V4A+":40001" {
		t.Errorf("stats %+v evicted %v", s, evicted)
	}
}

// TestFlowTableFullIdle: in a full table of answered flows under inspection, one
// quiet for longer than FullIdle gives way to a new flow; one quiet for less does not.
func TestFlowTableFullIdle(t *testing.T) {
	ft := NewFlowTable(FlowTableConfig{MaxFlows: 2, FullIdle: 10 * time.Second})
	for _, sport := range []uint16{40001, 40002} {
		ft.Track(at(pkt(decode.ProtoUDP, pt.V4A, sport, pt.V4B, 53, 0, "q"), 0))
		ft.Track(at(pkt(decode.ProtoUDP, pt.V4B, 53, pt.V4A, sport, 0, "a"), 0))
	}
	ft.Track(at(pkt(decode.ProtoUDP, pt.V4A, 40002, pt.V4B, 53, 0, "q"), 8*time.Second)) // 40002 speaks again
	if f, _ := ft.Track(at(pkt(decode.ProtoUDP, pt.V4A, 40003, pt.V4B, 53, 0, "q"), 9*time.Second)); f != nil {
		t.Fatal("a flow quiet for 9s gave way, FullIdle is 10s")
	}
	if f, _ := ft.Track(at(pkt(decode.ProtoUDP, pt.V4A, 40004, pt.V4B, 53, 0, "q"), 11*time.Second)); f == nil {
		t.Fatal("a flow quiet for 11s did not give way to a new one in a full table")
	}
	if _, ok := ft.flows[FlowKeyOf(pkt(decode.ProtoUDP, pt.V4A, 40002, pt.V4B, 53, 0, ""))]; !ok {
		t.Error("the flow heard 3s ago was evicted instead of the quiet one")
	}
	if s := ft.Stats(); s.DroppedFull != 1 || s.EvictedFull != 1 || s.Active != 2 {
		t.Errorf("stats %+v", s)
	}
}

func TestFlowFlushRecycles(t *testing.T) {
	ft := NewFlowTable(FlowTableConfig{})
	ft.Track(pkt(decode.ProtoTCP, pt.V4A, 50000, pt.V4B, 443, decode.TCPFlagSYN, ""))
	ft.Track(pkt(decode.ProtoUDP, pt.V4A, 40000, pt.V4B, 53, 0, "q"))
	ft.Track(pkt(decode.ProtoICMP, pt.V4A, 0, pt.V4B, 0, 0, "ping"))
	var order []uint8
	ft.Range(func(f *Flow) bool { order = append(order, f.Proto); return true })
	if len(order) != 3 || order[0] != decode.ProtoTCP || order[1] != decode.ProtoUDP || order[2] != decode.ProtoICMP {
		t.Errorf("range order %v", order)
	}
	var flushed []*Flow
	ft.Flush(func(f *Flow) { flushed = append(flushed, f) })
	if len(flushed) != 3 || ft.Len() != 0 {
		t.Fatalf("flushed %d, %d left", len(flushed), ft.Len())
	}
	f, _ := ft.Track(pkt(decode.ProtoUDP, pt.V4A, 40009, pt.V4B, 53, 0, ""))
	if f.Packets != [2]uint64{1, 0} || f.Done || f.Inspected != [2]uint32{} {
		t.Errorf("recycled flow kept old state: %+v", f)
	}
}

// TestFlowTrackAllocs shows that tracking packets of known flows, and churning
// flows through a table at its working size, allocate nothing.
func TestFlowTrackAllocs(t *testing.T) {
	ft := NewFlowTable(FlowTableConfig{MaxFlows: 1000})
	pkts := make([]*decode.Packet, 500)
	for i := range pkts {
		pkts[i] = pkt(decode.ProtoUDP, pt.V4A, uint16(20000+i), pt.V4B, 53, 0, "q")
		ft.Track(pkts[i])
	}
	if n := testing.AllocsPerRun(100, func() {
		for _, p := range pkts {
			ft.Track(p)
		}
	}); n != 0 {
		t.Errorf("lookups: %v allocations per run", n)
	}
	now := pt.Epoch
	churn := func() {
		now = now.Add(time.Hour)
		for _, p := range pkts {
			p.Time = now
			ft.Track(p)
		}
		ft.Expire(now.Add(time.Hour), nil)
	}
	churn()
	if n := testing.AllocsPerRun(20, churn); n != 0 {
		t.Errorf("churn: %v allocations per run", n)
	}
}
