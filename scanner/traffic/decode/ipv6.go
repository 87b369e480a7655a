package decode

import (
	"encoding/binary"
	"errors"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

var (
	errIPv6Short    = errors.New("ipv6 header shorter than 40 bytes")
	errIPv6Version  = errors.New("ipv6 header with another version")
	errIPv6ExtShort = errors.New("ipv6 extension header cut short")
)

// ipv6Layer decodes the fixed IPv6 header into gopacket's IPv6 and leaves every
// extension header, hop-by-hop included, to ipv6ExtLayer and ipv6FragLayer.
//
// Why not gopacket's own: it parses hop-by-hop options into freshly allocated values,
// and it rejects a payload length of 0 unless a jumbo option says otherwise, while
// BIG TCP captures carry 0 and no option. Here 0 means "as long as the capture".
type ipv6Layer struct {
	layers.IPv6
}

// DecodeFromBytes decodes the 40-byte header; Payload starts at the first extension
// header or the transport.
func (ip *ipv6Layer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if len(data) < 40 {
		df.SetTruncated()
		return errIPv6Short
	}
	if data[0]>>4 != 6 {
		return errIPv6Version
	}
	ip.Version = 6
	ip.TrafficClass = uint8(binary.BigEndian.Uint16(data[0:2]) >> 4)
	ip.FlowLabel = binary.BigEndian.Uint32(data[0:4]) & 0x000fffff
	ip.Length = binary.BigEndian.Uint16(data[4:6])
	ip.NextHeader = layers.IPProtocol(data[6])
	ip.HopLimit = data[7]
	ip.SrcIP = data[8:24]
	ip.DstIP = data[24:40]
	ip.HopByHop = nil
	end := len(data)
	if n := 40 + int(ip.Length); ip.Length != 0 && n <= end {
		end = n
	} else if n > end {
		df.SetTruncated()
	}
	ip.Contents = data[:40]
	ip.Payload = data[40:end]
	return nil
}

// NextLayerType returns the first extension header or the transport.
func (ip *ipv6Layer) NextLayerType() gopacket.LayerType {
	return ip.NextHeader.LayerType()
}

// ipv6ExtLayer skips a hop-by-hop, routing or destination options header.
type ipv6ExtLayer struct {
	layers.BaseLayer
	NextHeader layers.IPProtocol
}

// CanDecode returns the extension headers this layer skips.
func (e *ipv6ExtLayer) CanDecode() gopacket.LayerClass { return ipv6Skipped }

var ipv6Skipped = gopacket.NewLayerClass([]gopacket.LayerType{
	layers.LayerTypeIPv6HopByHop,
	layers.LayerTypeIPv6Routing,
	layers.LayerTypeIPv6Destination,
})

// NextLayerType returns the header that follows.
func (e *ipv6ExtLayer) NextLayerType() gopacket.LayerType { return e.NextHeader.LayerType() }

// DecodeFromBytes reads the next-header and length fields and skips the rest.
func (e *ipv6ExtLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if len(data) < 2 {
		df.SetTruncated()
		return errIPv6ExtShort
	}
	n := (int(data[1]) + 1) * 8
	if n > len(data) {
		df.SetTruncated()
		return errIPv6ExtShort
	}
	e.NextHeader = layers.IPProtocol(data[0])
	e.BaseLayer = layers.BaseLayer{Contents: data[:n], Payload: data[n:]}
	return nil
}

// ipv6FragLayer reads an IPv6 fragment header: a first fragment goes on to its
// transport header, a later one stops there, as for IPv4.
type ipv6FragLayer struct {
	layers.BaseLayer
	NextHeader layers.IPProtocol
	Offset     uint16 // in 8-byte units
	More       bool
	ID         uint32
	// hold stops at every fragment, the first one too, for a Defragmenter.
	hold bool
}

// CanDecode returns LayerTypeIPv6Fragment.
func (f *ipv6FragLayer) CanDecode() gopacket.LayerClass { return layers.LayerTypeIPv6Fragment }

// NextLayerType returns the transport for a first fragment, nothing for a later one.
func (f *ipv6FragLayer) NextLayerType() gopacket.LayerType {
	if f.Offset != 0 || f.hold && f.More {
		return gopacket.LayerTypeFragment
	}
	return f.NextHeader.LayerType()
}

// DecodeFromBytes decodes the 8-byte fragment header.
func (f *ipv6FragLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if len(data) < 8 {
		df.SetTruncated()
		return errIPv6ExtShort
	}
	f.NextHeader = layers.IPProtocol(data[0])
	f.Offset = binary.BigEndian.Uint16(data[2:4]) >> 3
	f.More = data[3]&1 != 0
	f.ID = binary.BigEndian.Uint32(data[4:8])
	f.BaseLayer = layers.BaseLayer{Contents: data[:8], Payload: data[8:]}
	return nil
}

// fragment says which kind of fragment the header makes of its packet.
func (f *ipv6FragLayer) fragment() Fragment {
	switch {
	case f.Offset != 0:
		return LaterFragment
	case f.More:
		return FirstFragment
	}
	return NotFragment // an atomic fragment (RFC 6946)
}
