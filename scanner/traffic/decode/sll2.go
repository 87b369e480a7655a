package decode

import (
	"encoding/binary"
	"errors"
	"net"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// LayerTypeLinuxSLL2 is the gopacket layer type of LinuxSLL2. Numbers below 1000 are
// gopacket's own; 1276 is 1000 plus the link type, which keeps it clear of them.
var LayerTypeLinuxSLL2 = gopacket.RegisterLayerType(1276, gopacket.LayerTypeMetadata{
	Name:    "LinuxSLL2",
	Decoder: gopacket.DecodeFunc(decodeLinuxSLL2),
})

// sll2HeaderLen is the fixed size of a cooked v2 header.
const sll2HeaderLen = 20

// ARPHRD types that change the meaning of the protocol field (linux/if_arp.h).
const (
	arphrdNetlink = 824 // the protocol field is a netlink family, not an EtherType
)

// Protocol values below 0x0600 that the cooked headers use for non-Ethernet-II frames.
const (
	sllProto8022 = 0x0004 // an 802.2 LLC frame follows
)

var errSLL2Short = errors.New("linux sll2 header shorter than 20 bytes")

// LinuxSLL2 is a Linux cooked capture v2 header, laid out as
// https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html says:
//
//	offset size field
//	     0    2 protocol type (an EtherType, big-endian)
//	     2    2 reserved, must be zero
//	     4    4 interface index
//	     8    2 ARPHRD type of the interface
//	    10    1 packet type (to us, broadcast, multicast, to someone else, outgoing)
//	    11    1 link-layer address length
//	    12    8 link-layer address, zero-padded
//
// It is a gopacket DecodingLayer: DecodeFromBytes reuses the value and allocates
// nothing.
type LinuxSLL2 struct {
	layers.BaseLayer
	ProtocolType   layers.EthernetType
	Reserved       uint16
	InterfaceIndex uint32
	ARPHRDType     uint16
	PacketType     layers.LinuxSLLPacketType
	AddrLen        uint8
	// Addr is the link-layer address, AddrLen bytes of it but never more than the 8
	// the header has room for.
	Addr net.HardwareAddr
}

// LayerType returns LayerTypeLinuxSLL2.
func (s *LinuxSLL2) LayerType() gopacket.LayerType { return LayerTypeLinuxSLL2 }

// CanDecode returns LayerTypeLinuxSLL2.
func (s *LinuxSLL2) CanDecode() gopacket.LayerClass { return LayerTypeLinuxSLL2 }

// NextLayerType returns the layer the protocol field names: an EtherType in general,
// but a netlink family on netlink interfaces and 802.2 LLC for the value 4.
func (s *LinuxSLL2) NextLayerType() gopacket.LayerType {
	switch {
	case s.ARPHRDType == arphrdNetlink:
		return gopacket.LayerTypePayload
	case s.ProtocolType == sllProto8022:
		return layers.LayerTypeLLC
	}
	return s.ProtocolType.LayerType()
}

// DecodeFromBytes decodes a cooked v2 header from data.
func (s *LinuxSLL2) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if len(data) < sll2HeaderLen {
		df.SetTruncated()
		return errSLL2Short
	}
	s.ProtocolType = layers.EthernetType(binary.BigEndian.Uint16(data[0:2]))
	s.Reserved = binary.BigEndian.Uint16(data[2:4])
	s.InterfaceIndex = binary.BigEndian.Uint32(data[4:8])
	s.ARPHRDType = binary.BigEndian.Uint16(data[8:10])
	s.PacketType = layers.LinuxSLLPacketType(data[10])
	s.AddrLen = data[11]
	s.Addr = net.HardwareAddr(data[12 : 12+min(int(s.AddrLen), 8)])
	s.BaseLayer = layers.BaseLayer{Contents: data[:sll2HeaderLen], Payload: data[sll2HeaderLen:]}
	return nil
}

// SerializeTo writes the header in front of the payload already in b, which is how
// tests build cooked v2 frames with gopacket.SerializeLayers.
func (s *LinuxSLL2) SerializeTo(b gopacket.SerializeBuffer, _ gopacket.SerializeOptions) error {
	h, err := b.PrependBytes(sll2HeaderLen)
	if err != nil {
		return err
	}
	binary.BigEndian.PutUint16(h[0:2], uint16(s.ProtocolType))
	binary.BigEndian.PutUint16(h[2:4], s.Reserved)
	binary.BigEndian.PutUint32(h[4:8], s.InterfaceIndex)
	binary.BigEndian.PutUint16(h[8:10], s.ARPHRDType)
	h[10] = byte(s.PacketType)
	h[11] = s.AddrLen
	clear(h[12:20])
	copy(h[12:20], s.Addr)
	return nil
}

// decodeLinuxSLL2 lets gopacket.NewPacket decode cooked v2 frames too.
func decodeLinuxSLL2(data []byte, p gopacket.PacketBuilder) error {
	s := &LinuxSLL2{}
	if err := s.DecodeFromBytes(data, p); err != nil {
		return err
	}
	p.AddLayer(s)
	p.SetLinkLayer(s)
	return p.NextDecoder(s.NextLayerType())
}

// LinkFlow returns the link-layer address as the flow's source; the header has no
// destination.
func (s *LinuxSLL2) LinkFlow() gopacket.Flow {
	return gopacket.NewFlow(layers.EndpointMAC, s.Addr, nil)
}
