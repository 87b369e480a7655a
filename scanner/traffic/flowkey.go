package traffic

import (
	"encoding/binary"
	"net/netip"
	"strconv"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// FlowKey identifies a flow whichever way its packets go: the IP protocol and the two
// endpoints in a canonical order, the lower address (then port) first. It is
// comparable, and laid out as 40 bytes with no padding so that a map hashes and
// compares it as plain memory.
type FlowKey struct {
	lo, hi         [16]byte // addresses, IPv4 in its IPv4-mapped form
	loPort, hiPort uint16
	proto          uint8
	v6             uint8 // 1 for IPv6: keeps ::ffff:a.b.c.d apart from a.b.c.d
	//lint:ignore U1000 never read: a named (not blank) field keeps the struct hashable as memory
	pad [2]byte // always zero; named, so the struct hashes as memory
}

// FlowKeyOf returns the key of p's flow.
func FlowKeyOf(p *decode.Packet) FlowKey {
	k, _ := flowKey(p)
	return k
}

// flowKey returns the key of p's flow and whether p's source is the key's low side.
func flowKey(p *decode.Packet) (FlowKey, bool) {
	a, b := p.Src.As16(), p.Dst.As16()
	srcLo := lessEndpoint(&a, p.SrcPort, &b, p.DstPort)
	k := FlowKey{proto: p.Proto}
	if p.Src.Is6() {
		k.v6 = 1
	}
	if srcLo {
		k.lo, k.hi, k.loPort, k.hiPort = a, b, p.SrcPort, p.DstPort
	} else {
		k.lo, k.hi, k.loPort, k.hiPort = b, a, p.DstPort, p.SrcPort
	}
	return k, srcLo
}

// lessEndpoint orders endpoints by address, then port; equal endpoints count as
// ordered, so a packet from an endpoint to itself is always from the low side.
func lessEndpoint(a *[16]byte, ap uint16, b *[16]byte, bp uint16) bool {
	a0, b0 := binary.BigEndian.Uint64(a[:8]), binary.BigEndian.Uint64(b[:8])
	if a0 != b0 {
		return a0 < b0
	}
	a1, b1 := binary.BigEndian.Uint64(a[8:]), binary.BigEndian.Uint64(b[8:])
	if a1 != b1 {
		return a1 < b1
	}
	return ap <= bp
}

// Proto returns the flow's IP protocol.
func (k FlowKey) Proto() uint8 { return k.proto }

// Endpoints returns the two endpoints, the low one first.
func (k FlowKey) Endpoints() (lo, hi netip.AddrPort) {
	return netip.AddrPortFrom(k.addr(k.lo), k.loPort), netip.AddrPortFrom(k.addr(k.hi), k.hiPort)
}

func (k FlowKey) addr(b [16]byte) netip.Addr {
	a := netip.AddrFrom16(b)
	if k.v6 == 0 {
		return a.Unmap()
	}
	return a
}

// String writes the key as "PROTO LO <-> HI", for logs and tests.
func (k FlowKey) String() string {
	lo, hi := k.Endpoints()
	return strconv.Itoa(int(k.proto)) + " " + lo.String() + " <-> " + hi.String()
}
