package decode

import (
	"errors"
	"net/netip"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// Errors of Decode. An Error is ErrMalformed for errors.Is.
var (
	// ErrNotIP says the frame carries no IP packet (ARP, LLDP, spanning tree): nothing
	// for the scanner, but nothing wrong either.
	ErrNotIP = errors.New("no IP packet in frame")
	// ErrUnsupportedLink says the decoder has no decoder for the link type.
	ErrUnsupportedLink = errors.New("unsupported link type")
	// ErrMalformed is what every Error is: bytes that do not decode.
	ErrMalformed = errors.New("malformed packet")
)

// Error is a packet that does not decode: the layer that failed and why.
type Error struct {
	Layer gopacket.LayerType
	Err   error
}

// Error names the layer and the reason.
func (e *Error) Error() string { return "decoding " + e.Layer.String() + ": " + e.Err.Error() }

// Unwrap returns the layer's own error.
func (e *Error) Unwrap() error { return e.Err }

// Is makes every Error match ErrMalformed.
func (e *Error) Is(target error) bool { return target == ErrMalformed }

// Bounds that keep a hostile packet from costing memory: how many layers one parser
// run may record before its list is given back, and how many UDP encapsulations
// (VXLAN, GTP-U) are decoded through, one inside the other.
const (
	maxDecoded   = 64
	maxEncapHops = 4
)

// start is where a parser run begins: a link layer, or IP for raw links and GTP-U.
type start int

const (
	startEthernet start = iota
	startSLL
	startSLL2
	startLoopback
	startIPv4
	startIPv6
	numStarts
)

var startLayer = [numStarts]gopacket.LayerType{
	startEthernet: layers.LayerTypeEthernet,
	startSLL:      layers.LayerTypeLinuxSLL,
	startSLL2:     LayerTypeLinuxSLL2,
	startLoopback: layers.LayerTypeLoopback,
	startIPv4:     layers.LayerTypeIPv4,
	startIPv6:     layers.LayerTypeIPv6,
}

// Decoder turns frames into Packets. It is built on gopacket's DecodingLayerParser,
// one parser per starting layer, all sharing one set of layers allocated with the
// Decoder, so decoding allocates nothing. Each layer value holds the last header of
// its type that was decoded, which is the innermost one: that is why the flow it
// reports is the innermost flow. A Decoder is not safe for concurrent use.
type Decoder struct {
	link LinkType

	eth   layers.Ethernet
	dot1q layers.Dot1Q
	sll   linuxSLL
	sll2  LinuxSLL2
	loop  layers.Loopback
	ip4   ipv4Layer
	ip6   ipv6Layer
	ext   ipv6ExtLayer
	frag  ipv6FragLayer
	gre   greLayer
	ppp   pppLayer
	pppoe pppoeLayer
	tcp   layers.TCP
	udp   layers.UDP
	icmp4 layers.ICMPv4
	icmp6 layers.ICMPv6

	dlc     gopacket.DecodingLayerContainer
	parsers [numStarts]*gopacket.DecodingLayerParser
	decoded []gopacket.LayerType

	// defrag, when set, holds IP fragments until their datagram is whole (SetDefrag);
	// fr is the fragment the last run stopped at.
	defrag *Defragmenter
	fr     fragment
}

// SetDefrag makes the Decoder put IP fragments back together with df: a fragment
// that does not complete its datagram decodes to a Packet with Fragment HeldFragment
// and no transport, and the one that completes it to the whole datagram. Nil turns
// reassembly off: fragments are reported as they come (FirstFragment, LaterFragment).
func (d *Decoder) SetDefrag(df *Defragmenter) {
	d.defrag = df
	d.ip4.hold = df != nil
	d.frag.hold = df != nil
}

// NewDecoder returns a Decoder for frames of the given link type; DecodeLink decodes
// frames of other link types with the same Decoder.
func NewDecoder(link LinkType) *Decoder {
	d := &Decoder{link: link, decoded: make([]gopacket.LayerType, 0, maxDecoded)}
	var dlc gopacket.DecodingLayerContainer = gopacket.DecodingLayerSparse(nil)
	for _, l := range []gopacket.DecodingLayer{
		&d.eth, &d.dot1q, &d.pppoe, &d.sll, &d.sll2, &d.loop, &d.ip4, &d.ip6, &d.ext,
		&d.frag, &d.gre, &d.ppp, &d.tcp, &d.udp, &d.icmp4, &d.icmp6,
	} {
		dlc = dlc.Put(l)
	}
	d.dlc = dlc
	for s := range numStarts {
		p := gopacket.NewDecodingLayerParser(startLayer[s])
		p.SetDecodingLayerContainer(dlc)
		// A layer with no decoder here (DNS, PPP, ARP...) ends the run; what was
		// decoded so far is the packet.
		p.IgnoreUnsupported = true
		d.parsers[s] = p
	}
	return d
}

// LinkType returns the link type Decode assumes.
func (d *Decoder) LinkType() LinkType { return d.link }

// Decode decodes one frame of the Decoder's link type into p. See DecodeLink.
func (d *Decoder) Decode(data []byte, p *Packet) error {
	return d.DecodeLink(d.link, data, p)
}

// DecodeLink decodes one frame of link type lt into p: every field but Num, Time and
// Length, which are the capture source's. The error is ErrNotIP, ErrUnsupportedLink
// or an *Error; bad bytes never panic. p's slices point into data.
func (d *Decoder) DecodeLink(lt LinkType, data []byte, p *Packet) error {
	p.reset()
	s, ok := linkStart(lt, data)
	if !ok {
		return ErrUnsupportedLink
	}
	if err := d.runWhole(s, data, p); err != nil || p.Fragment == HeldFragment {
		return err
	}
	linkAddrs(s, data, p)
	for range maxEncapHops {
		s, inner, tun, ok := d.encapsulated()
		if !ok {
			break
		}
		outer := *p
		p.Src, p.Dst = netip.Addr{}, netip.Addr{}
		p.resetTransport()
		p.Tunnel |= tun
		if err := d.runWhole(s, inner, p); err != nil || p.Fragment == HeldFragment {
			return err
		}
		if !p.Src.IsValid() {
			// No IP inside (ARP over VXLAN, say): the carrier is the flow.
			outer.Tunnel |= tun
			*p = outer
			break
		}
	}
	if !p.Src.IsValid() {
		return ErrNotIP
	}
	return nil
}

// runWhole runs the parser from s, and when it stopped at an IP fragment that
// completes a datagram, runs it again over the whole datagram.
func (d *Decoder) runWhole(s start, data []byte, p *Packet) error {
	if err := d.run(s, data, p); err != nil {
		return err
	}
	if d.defrag == nil || p.Fragment == NotFragment {
		return nil
	}
	whole, ok := d.defrag.add(&d.fr, p.Time)
	if !ok {
		p.Fragment = HeldFragment
		p.resetTransport()
		return nil
	}
	p.Fragment = NotFragment
	s = startIPv4
	if d.fr.v6 {
		s = startIPv6
	}
	// The whole datagram is decoded from its IP header on; what was outside it (link
	// layer, outer tunnels) was collected already.
	return d.run(s, whole, p)
}

// run decodes data from layer s on and collects what it found into p.
func (d *Decoder) run(s start, data []byte, p *Packet) error {
	if cap(d.decoded) > maxDecoded {
		// A hostile frame of thousands of VLAN tags grew the list: give it back.
		d.decoded = make([]gopacket.LayerType, 0, maxDecoded)
	}
	parser := d.parsers[s]
	if err := parser.DecodeLayers(data, &d.decoded); err != nil {
		return d.decodeError(s, err)
	}
	if parser.Truncated {
		p.Truncated = true
	}
	d.collect(p)
	return nil
}

// decodeError names the layer that failed: the one after the last that decoded.
func (d *Decoder) decodeError(s start, err error) error {
	failed := startLayer[s]
	if n := len(d.decoded); n > 0 {
		if l, ok := d.dlc.Decoder(d.decoded[n-1]); ok {
			failed = l.NextLayerType()
		}
	}
	return &Error{Layer: failed, Err: err}
}

// encapsulated returns the inner packet when the last layer decoded is UDP to the
// VXLAN or GTP-U port and its payload is one.
func (d *Decoder) encapsulated() (start, []byte, Tunnel, bool) {
	n := len(d.decoded)
	if n == 0 || d.decoded[n-1] != layers.LayerTypeUDP {
		return 0, nil, 0, false
	}
	switch d.udp.DstPort {
	case portVXLAN:
		if inner, ok := vxlanInner(d.udp.Payload); ok {
			return startEthernet, inner, TunnelVXLAN, true
		}
	case portGTPU:
		if inner, ok := gtpInner(d.udp.Payload); ok {
			if inner[0]>>4 == 6 {
				return startIPv6, inner, TunnelGTP, true
			}
			return startIPv4, inner, TunnelGTP, true
		}
	}
	return 0, nil, 0, false
}
