package decode

import (
	"encoding/binary"
	"errors"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

var (
	errIPv4Short   = errors.New("ipv4 header shorter than 20 bytes")
	errIPv4Version = errors.New("ipv4 header with another version")
	errIPv4IHL     = errors.New("ipv4 header length below 20")
	errIPv4Cut     = errors.New("ipv4 header cut short by the capture")
	errIPv4Length  = errors.New("ipv4 total length below the header length")
)

// ipv4Layer decodes an IPv4 header into gopacket's IPv4 without parsing options.
//
// Why not gopacket's own: a segment built by TCP segmentation offload or BIG TCP can
// be longer than 65535 bytes, and the kernel then writes 0 in the total length field;
// gopacket replaces 0 by the capture length cut to 16 bits, which truncates the
// payload or rejects the packet. Here 0 means "as long as the capture". It also
// checks the version nibble, and stops before the transport of a non-first fragment.
type ipv4Layer struct {
	layers.IPv4
	// hold stops at every fragment, the first one too, for a Defragmenter.
	hold bool
}

// DecodeFromBytes decodes the header and sets Payload to the IP payload as captured.
func (ip *ipv4Layer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if len(data) < 20 {
		df.SetTruncated()
		return errIPv4Short
	}
	if data[0]>>4 != 4 {
		return errIPv4Version
	}
	hlen := int(data[0]&0x0f) * 4
	if hlen < 20 {
		return errIPv4IHL
	}
	if hlen > len(data) {
		df.SetTruncated()
		return errIPv4Cut
	}
	total := int(binary.BigEndian.Uint16(data[2:4]))
	switch {
	case total == 0: // offload: the length did not fit the field
		total = len(data)
	case total < hlen:
		return errIPv4Length
	case total > len(data):
		df.SetTruncated()
		total = len(data)
	}
	ip.setHeader(data)
	ip.Contents = data[:hlen]
	ip.Payload = data[hlen:total]
	return nil
}

// setHeader copies the fixed header fields; addresses point into data.
func (ip *ipv4Layer) setHeader(data []byte) {
	flags := binary.BigEndian.Uint16(data[6:8])
	ip.Version = 4
	ip.IHL = data[0] & 0x0f
	ip.TOS = data[1]
	ip.Length = binary.BigEndian.Uint16(data[2:4])
	ip.Id = binary.BigEndian.Uint16(data[4:6])
	ip.Flags = layers.IPv4Flag(flags >> 13)
	ip.FragOffset = flags & 0x1fff
	ip.TTL = data[8]
	ip.Protocol = layers.IPProtocol(data[9])
	ip.Checksum = binary.BigEndian.Uint16(data[10:12])
	ip.SrcIP = data[12:16]
	ip.DstIP = data[16:20]
	ip.Options = ip.Options[:0]
	ip.Padding = nil
}

// NextLayerType is the transport, except for a non-first fragment whose payload is
// the middle of one: decoding it as a header would invent ports.
func (ip *ipv4Layer) NextLayerType() gopacket.LayerType {
	if ip.FragOffset != 0 || ip.hold && ip.Flags&layers.IPv4MoreFragments != 0 {
		return gopacket.LayerTypeFragment
	}
	return ip.Protocol.LayerType()
}

// fragment says which kind of fragment the packet is.
func (ip *ipv4Layer) fragment() Fragment {
	switch {
	case ip.FragOffset != 0:
		return LaterFragment
	case ip.Flags&layers.IPv4MoreFragments != 0:
		return FirstFragment
	}
	return NotFragment
}
