package capture

import (
	"encoding/binary"
	"fmt"
	"net/netip"

	"golang.org/x/net/bpf"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// CompileFilter turns a capture filter into a classic BPF program for the kernel to
// run before a packet is copied to the reader: it keeps snap bytes of each packet it
// accepts and drops what the filter surely rejects. It is looser than the filter,
// never stricter, because the filter judges the decoded inner flow: IP-in-IP, GRE,
// VXLAN and GTP-U packets, fragments, VLAN-tagged and PPPoE frames and IPv6 packets
// with extension headers all pass, and the filter decides in user space on what
// they carry. Frames without IP (ARP) are dropped. A nil filter keeps every packet.
func CompileFilter(f *decode.Filter, link decode.LinkType, snap int) ([]bpf.RawInstruction, error) {
	var b progBuilder
	b.accept = uint32(snap)
	l3 := uint32(0)
	switch link {
	case decode.LinkEthernet:
		l3 = 14
	case decode.LinkRaw, decode.LinkIPv4, decode.LinkIPv6:
	default:
		return bpf.Assemble([]bpf.Instruction{bpf.RetConstant{Val: b.accept}})
	}
	if f == nil || f.Empty() {
		return bpf.Assemble([]bpf.Instruction{bpf.RetConstant{Val: b.accept}})
	}
	b.l3 = l3
	b.filter = f
	if link == decode.LinkEthernet {
		b.ethernet()
	} else {
		b.rawIP()
	}
	return b.assemble()
}

// progBuilder writes the program as labelled blocks; jumps name labels and are
// resolved when it is assembled.
type progBuilder struct {
	ins    []bpf.Instruction
	jumps  []jump // conditional jumps to resolve
	labels map[string]int
	accept uint32
	l3     uint32
	filter *decode.Filter
}

type jump struct {
	at          int
	true, false string // labels; "" falls through
}

func (b *progBuilder) label(name string) {
	if b.labels == nil {
		b.labels = map[string]int{}
	}
	b.labels[name] = len(b.ins)
}

func (b *progBuilder) emit(i ...bpf.Instruction) { b.ins = append(b.ins, i...) }

// jeq jumps to t when A == v, else to f ("" for the next instruction).
func (b *progBuilder) jeq(v uint32, t, f string) {
	b.jumps = append(b.jumps, jump{len(b.ins), t, f})
	b.emit(bpf.JumpIf{Cond: bpf.JumpEqual, Val: v})
}

// jset jumps to t when A & v != 0.
func (b *progBuilder) jset(v uint32, t, f string) {
	b.jumps = append(b.jumps, jump{len(b.ins), t, f})
	b.emit(bpf.JumpIf{Cond: bpf.JumpBitsSet, Val: v})
}

func (b *progBuilder) ret(ok bool) {
	if ok {
		b.emit(bpf.RetConstant{Val: b.accept})
	} else {
		b.emit(bpf.RetConstant{Val: 0})
	}
}

// ethernet dispatches on the EtherType.
func (b *progBuilder) ethernet() {
	b.emit(bpf.LoadAbsolute{Off: 12, Size: 2})
	b.jeq(0x0800, "ip4", "")
	b.jeq(0x86dd, "ip6", "")
	b.jeq(0x8100, "accept", "")
	b.jeq(0x88a8, "accept", "")
	b.jeq(0x8864, "accept", "")
	b.ret(false) // no IP: ARP, LLDP
	b.ipv4()
	b.ipv6()
}

// rawIP dispatches on the IP version of a raw IP link.
func (b *progBuilder) rawIP() {
	b.emit(bpf.LoadAbsolute{Off: 0, Size: 1}, bpf.ALUOpConstant{Op: bpf.ALUOpShiftRight, Val: 4})
	b.jeq(4, "ip4", "")
	b.jeq(6, "ip6", "")
	b.ret(false)
	b.ipv4()
	b.ipv6()
}

// ipv4: tunnels and fragments pass; then the host and port conditions.
func (b *progBuilder) ipv4() {
	l := b.l3
	b.label("ip4")
	b.emit(bpf.LoadAbsolute{Off: l + 6, Size: 2})
	b.jset(0x3fff, "accept", "") // a fragment: reassembled in user space
	b.emit(bpf.LoadAbsolute{Off: l + 9, Size: 1})
	for _, p := range []uint32{4, 41, 47} { // IP in IP, IPv6 in IP, GRE
		b.jeq(p, "accept", "")
	}
	b.emit(bpf.StoreScratch{Src: bpf.RegA, N: 0}) // the protocol, for the port conditions
	b.jeq(17, "", "ip4hosts")
	b.emit(bpf.LoadMemShift{Off: l}, bpf.LoadIndirect{Off: l + 2, Size: 2})
	b.jeq(4789, "accept", "")
	b.jeq(2152, "accept", "")
	b.label("ip4hosts")
	for i, h := range b.filter.Hosts() {
		next := fmt.Sprintf("ip4h%d", i)
		if !h.Addr().Is4() {
			b.ret(false) // an IPv6 range holds no IPv4 address
			b.label(next)
			continue
		}
		net, mask := v4Word(h)
		for _, off := range []uint32{l + 12, l + 16} {
			b.emit(bpf.LoadAbsolute{Off: off, Size: 4}, bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: mask})
			b.jeq(net, next, "")
		}
		b.ret(false)
		b.label(next)
	}
	b.ports("ip4", func() { b.emit(bpf.LoadMemShift{Off: l}) })
}

// ipv6: tunnels, fragments and extension headers pass; then hosts and ports.
func (b *progBuilder) ipv6() {
	l := b.l3
	b.label("ip6")
	b.emit(bpf.LoadAbsolute{Off: l + 6, Size: 1})
	for _, p := range []uint32{4, 41, 47, 44, 0, 43, 60} { // tunnels, fragment, extension headers
		b.jeq(p, "accept", "")
	}
	b.emit(bpf.StoreScratch{Src: bpf.RegA, N: 0})
	b.jeq(17, "", "ip6hosts")
	b.emit(bpf.LoadAbsolute{Off: l + 40 + 2, Size: 2})
	b.jeq(4789, "accept", "")
	b.jeq(2152, "accept", "")
	b.label("ip6hosts")
	for i, h := range b.filter.Hosts() {
		next := fmt.Sprintf("ip6h%d", i)
		if h.Addr().Is4() {
			continue // an IPv4 range can hold an IPv4-mapped IPv6 address: let it through
		}
		for side, off := range []uint32{l + 8, l + 24} {
			other := fmt.Sprintf("ip6h%ds%d", i, side)
			b.v6Prefix(h, off, next, other)
			b.label(other)
		}
		b.ret(false)
		b.label(next)
	}
	b.ports("ip6", func() { b.emit(bpf.LoadConstant{Dst: bpf.RegX, Val: 40}) })
}

// v6Prefix compares the 16-byte address at off with prefix h word by word: to yes
// when it is in h, to no otherwise.
func (b *progBuilder) v6Prefix(h netip.Prefix, off uint32, yes, no string) {
	a := h.Addr().As16()
	bits := h.Bits()
	for w := 0; w < 4 && bits > 0; w++ {
		n := min(bits, 32)
		mask := uint32(0xffffffff) << (32 - n)
		net := binary.BigEndian.Uint32(a[4*w:]) & mask
		b.emit(bpf.LoadAbsolute{Off: off + uint32(4*w), Size: 4}, bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: mask})
		b.jeq(net, "", no)
		bits -= n
	}
	b.emit(bpf.Jump{Skip: 0}) // placeholder: resolved to yes
	b.jumps = append(b.jumps, jump{len(b.ins) - 1, yes, ""})
}

// ports checks the port conditions on TCP and UDP (scratch 0 holds the protocol;
// loadX puts the transport header's offset from l3 in X).
func (b *progBuilder) ports(ip string, loadX func()) {
	ports := b.filter.Ports()
	if len(ports) == 0 {
		b.ret(true)
		return
	}
	b.emit(bpf.LoadScratch{Dst: bpf.RegA, N: 0})
	b.jeq(6, ip+"ports", "")
	b.jeq(17, ip+"ports", "")
	b.ret(false) // ports 0 match no port condition
	b.label(ip + "ports")
	for i, p := range ports {
		next := fmt.Sprintf("%sp%d", ip, i)
		loadX()
		b.emit(bpf.LoadIndirect{Off: b.l3, Size: 2})
		b.jeq(uint32(p), next, "")
		b.emit(bpf.LoadIndirect{Off: b.l3 + 2, Size: 2})
		b.jeq(uint32(p), next, "")
		b.ret(false)
		b.label(next)
	}
	b.ret(true)
}

// assemble resolves the labels and assembles the program.
func (b *progBuilder) assemble() ([]bpf.RawInstruction, error) {
	b.label("accept")
	b.ret(true)
	for _, j := range b.jumps {
		skip := func(name string) (uint8, error) {
			if name == "" {
				return 0, nil
			}
			to, ok := b.labels[name]
			if !ok {
				return 0, fmt.Errorf("bpf: no label %s", name)
			}
			d := to - j.at - 1
			if d < 0 || d > 255 {
				return 0, fmt.Errorf("bpf: jump to %s out of reach (%d)", name, d)
			}
			return uint8(d), nil
		}
		t, err := skip(j.true)
		if err != nil {
			return nil, err
		}
		f, err := skip(j.false)
		if err != nil {
			return nil, err
		}
		switch ins := b.ins[j.at].(type) {
		case bpf.JumpIf:
			ins.SkipTrue, ins.SkipFalse = t, f
			b.ins[j.at] = ins
		case bpf.Jump:
			b.ins[j.at] = bpf.Jump{Skip: uint32(t)}
		}
	}
	return bpf.Assemble(b.ins)
}

// v4Word returns an IPv4 prefix as a network word and its mask.
func v4Word(p netip.Prefix) (net, mask uint32) {
	a := p.Addr().As4()
	mask = ^uint32(0) << (32 - p.Bits())
	if p.Bits() == 0 {
		mask = 0
	}
	return binary.BigEndian.Uint32(a[:]) & mask, mask
}
