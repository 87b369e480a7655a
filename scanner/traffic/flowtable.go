package traffic

import (
	"net/netip"
	"time"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// FlowTableConfig bounds a FlowTable. Zero fields take the defaults.
type FlowTableConfig struct {
	MaxFlows     int           // flows held at once; default 262144
	TCPTimeout   time.Duration // idle time after which a TCP flow expires; default 5m
	UDPTimeout   time.Duration // the same for UDP; default 2m
	OtherTimeout time.Duration // ICMP, ESP, GRE and the rest; default 1m
	// FullIdle is how long a flow must have been quiet before a full table may evict
	// it for a new one even though it is answered and still under inspection;
	// default 10s. A verdict comes from a flow's first packets, so a conversation
	// quiet that long has had its chance, and a flood of new flows cannot keep the
	// table full of stale ones until their idle timeouts (minutes) run out.
	FullIdle time.Duration
	// OnEvict, if set, is given each flow that Track evicts to make room, before the
	// table recycles it. Idle flows go to Expire's callback instead.
	OnEvict func(*Flow)
}

// Defaults of FlowTableConfig.
const (
	DefaultMaxFlows     = 1 << 18
	DefaultTCPTimeout   = 5 * time.Minute
	DefaultUDPTimeout   = 2 * time.Minute
	DefaultOtherTimeout = time.Minute
	DefaultFullIdle     = 10 * time.Second
)

// FlowStats counts what a FlowTable did.
type FlowStats struct {
	Active      int    // flows in the table now
	Created     uint64 // flows created
	EvictedIdle uint64 // flows Expire removed after their idle timeout
	EvictedFull uint64 // flows evicted to make room for a new one in a full table
	DroppedFull uint64 // packets of new flows not tracked: the table was full of live flows
}

// since returns the counters' growth from an earlier snapshot; Active stays the
// current count.
func (st FlowStats) since(earlier FlowStats) FlowStats {
	st.Created -= earlier.Created
	st.EvictedIdle -= earlier.EvictedIdle
	st.EvictedFull -= earlier.EvictedFull
	st.DroppedFull -= earlier.DroppedFull
	return st
}

// Timeout classes: one list each, least recently seen first.
const (
	classTCP = iota
	classUDP
	classOther
	numClasses
)

// evictScan is how many of the least recently seen flows of each class a full table
// looks at for one it can evict.
const evictScan = 8

// flowChunk is how many flows the table allocates at once when none is free.
const flowChunk = 64

// FlowTable holds the flows of one capture, both directions of each under one key.
// Time is packet time: a replayed capture expires flows as live traffic would.
// Looking up and updating a flow allocates nothing once the table has grown to its
// working size. A FlowTable is not safe for concurrent use.
type FlowTable struct {
	cfg     FlowTableConfig
	timeout [numClasses]time.Duration
	full    time.Duration // FullIdle
	flows   map[FlowKey]*Flow
	lists   [numClasses]flowList
	free    *Flow     // recycled flows, linked by next
	now     time.Time // latest packet time seen
	stats   FlowStats
}

// NewFlowTable returns an empty table.
func NewFlowTable(cfg FlowTableConfig) *FlowTable {
	if cfg.MaxFlows <= 0 {
		cfg.MaxFlows = DefaultMaxFlows
	}
	t := &FlowTable{cfg: cfg, flows: make(map[FlowKey]*Flow)}
	t.timeout[classTCP] = orDefault(cfg.TCPTimeout, DefaultTCPTimeout)
	t.timeout[classUDP] = orDefault(cfg.UDPTimeout, DefaultUDPTimeout)
	t.timeout[classOther] = orDefault(cfg.OtherTimeout, DefaultOtherTimeout)
	t.full = orDefault(cfg.FullIdle, DefaultFullIdle)
	return t
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Track finds p's flow, creating it for a first packet, counts p in it and returns
// it with p's direction. It returns nil when the table is full and no flow can be
// evicted: all are live, answered and unfinished (the packet is counted as dropped).
func (t *FlowTable) Track(p *decode.Packet) (*Flow, Dir) {
	k, srcLo := flowKey(p)
	if p.Time.After(t.now) {
		t.now = p.Time // before a full table judges its flows' idleness
	}
	f := t.flows[k]
	if f == nil {
		if f = t.create(k, p, srcLo); f == nil {
			t.stats.DroppedFull++
			return nil, FromClient
		}
	}
	dir := f.dirOf(srcLo)
	f.Packets[dir]++
	f.Bytes[dir] += uint64(p.Length)
	if p.Time.After(f.Last) {
		f.Last = p.Time
	}
	t.lists[f.class].moveToBack(f)
	return f, dir
}

// Lookup returns the flow of key k, or nil; it changes nothing.
func (t *FlowTable) Lookup(k FlowKey) *Flow { return t.flows[k] }

// create makes the flow of p's key, evicting another first if the table is full.
func (t *FlowTable) create(k FlowKey, p *decode.Packet, srcLo bool) *Flow {
	if len(t.flows) >= t.cfg.MaxFlows && !t.makeRoom() {
		return nil
	}
	f := t.alloc()
	f.Key, f.Proto, f.First, f.Last = k, p.Proto, p.Time, p.Time
	src, dst := netip.AddrPortFrom(p.Src, p.SrcPort), netip.AddrPortFrom(p.Dst, p.DstPort)
	f.Client, f.Server, f.clientLo = src, dst, srcLo
	if senderIsServer(p) {
		f.Client, f.Server, f.clientLo = dst, src, !srcLo
	}
	f.class = classOf(p.Proto)
	t.flows[k] = f
	t.lists[f.class].pushBack(f)
	t.stats.Created++
	return f
}

func classOf(proto uint8) uint8 {
	switch proto {
	case decode.ProtoTCP:
		return classTCP
	case decode.ProtoUDP:
		return classUDP
	}
	return classOther
}

// makeRoom evicts, from the least recently seen flows, one that costs nothing to
// lose: Done, never answered (a scan's probe), quiet for FullIdle, or idle past its
// timeout. Live conversations under inspection are kept, so a flood of new flows
// cannot push out the ones being judged.
func (t *FlowTable) makeRoom() bool {
	for c := range t.lists {
		n := 0
		for f := t.lists[c].head; f != nil && n < evictScan; f, n = f.next, n+1 {
			if idle := t.now.Sub(f.Last); f.Done || f.Packets[FromServer] == 0 || idle > t.full || idle > t.timeout[c] {
				t.unlink(f)
				if t.cfg.OnEvict != nil {
					t.cfg.OnEvict(f)
				}
				t.release(f)
				t.stats.EvictedFull++
				return true
			}
		}
	}
	return false
}

// Expire evicts the flows idle for longer than their timeout at time now, a packet
// time, handing each to fn (which may be nil, and must not use the table) before it
// is recycled. It returns how many it evicted. It looks only at the least recently seen flows, so calling it for
// every packet is cheap.
func (t *FlowTable) Expire(now time.Time, fn func(*Flow)) int {
	if now.After(t.now) {
		t.now = now
	}
	n := 0
	for c := range t.lists {
		for f := t.lists[c].head; f != nil && now.Sub(f.Last) > t.timeout[c]; f = t.lists[c].head {
			t.unlink(f)
			if fn != nil {
				fn(f)
			}
			t.release(f)
			n++
		}
	}
	t.stats.EvictedIdle += uint64(n)
	return n
}

// Range calls fn for each flow, least recently seen first within TCP, then UDP,
// then the rest, until fn returns false. fn must not Track, Expire or Flush.
func (t *FlowTable) Range(fn func(*Flow) bool) {
	for c := range t.lists {
		for f := t.lists[c].head; f != nil; f = f.next {
			if !fn(f) {
				return
			}
		}
	}
}

// Flush empties the table at the end of input, handing every flow to fn (which may
// be nil, and must not use the table) in Range's order.
func (t *FlowTable) Flush(fn func(*Flow)) {
	for c := range t.lists {
		for f := t.lists[c].head; f != nil; f = t.lists[c].head {
			t.unlink(f)
			if fn != nil {
				fn(f)
			}
			t.release(f)
		}
	}
}

// Len returns the number of flows in the table.
func (t *FlowTable) Len() int { return len(t.flows) }

// Stats returns the table's counters.
func (t *FlowTable) Stats() FlowStats {
	s := t.stats
	s.Active = len(t.flows)
	return s
}

// unlink takes f out of the map and its list.
func (t *FlowTable) unlink(f *Flow) {
	delete(t.flows, f.Key)
	t.lists[f.class].remove(f)
}

// alloc returns a zeroed flow, from the free list or a new chunk of them.
func (t *FlowTable) alloc() *Flow {
	if t.free == nil {
		// make zeroes the chunk: linking it is enough (release would zero every
		// flow a second time, a tenth of a bulk capture's time while the table grows).
		chunk := make([]Flow, flowChunk)
		for i := range chunk {
			chunk[i].next = t.free
			t.free = &chunk[i]
		}
	}
	f := t.free
	t.free = f.next
	f.next = nil
	return f
}

// release zeroes f, its State included, and puts it on the free list.
func (t *FlowTable) release(f *Flow) {
	*f = Flow{next: t.free}
	t.free = f
}

// Reset empties the table for a new capture, handing every flow to fn as Flush
// does, and clears the counters and the clock. The flows already allocated and the
// map's room are kept, so a reader of many captures allocates once.
func (t *FlowTable) Reset(fn func(*Flow)) {
	t.Flush(fn)
	t.stats = FlowStats{}
	t.now = time.Time{}
}
