package decode

import (
	"encoding/binary"
	"errors"
	"net"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

var errSLLShort = errors.New("linux sll header shorter than 16 bytes")

// linuxSLL decodes a Linux cooked capture v1 header into gopacket's LinuxSLL.
// gopacket's own DecodeFromBytes slices the address by the length field, so a length
// above 10 panics; the header has room for 8 address bytes and this never takes more.
type linuxSLL struct {
	layers.LinuxSLL
}

// DecodeFromBytes decodes the 16-byte cooked v1 header.
func (s *linuxSLL) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if len(data) < 16 {
		df.SetTruncated()
		return errSLLShort
	}
	s.PacketType = layers.LinuxSLLPacketType(binary.BigEndian.Uint16(data[0:2]))
	s.AddrType = binary.BigEndian.Uint16(data[2:4])
	s.AddrLen = binary.BigEndian.Uint16(data[4:6])
	s.Addr = net.HardwareAddr(data[6 : 6+min(int(s.AddrLen), 8)])
	s.EthernetType = layers.EthernetType(binary.BigEndian.Uint16(data[14:16]))
	s.BaseLayer = layers.BaseLayer{Contents: data[:16], Payload: data[16:]}
	return nil
}

// NextLayerType reads the protocol field the way cooked v2 does (see LinuxSLL2).
func (s *linuxSLL) NextLayerType() gopacket.LayerType {
	switch {
	case s.AddrType == arphrdNetlink:
		return gopacket.LayerTypePayload
	case s.EthernetType == sllProto8022:
		return layers.LayerTypeLLC
	}
	return s.EthernetType.LayerType()
}
