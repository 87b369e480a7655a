package decode_test

import (
	"bytes"
	"net"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// sll2IPv4 is a cooked v2 header laid out by hand from
// tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html, followed by a 20-byte IPv4 header
// (protocol 59, no next header) from 10.0.0.1 to 10.0.0.2:
//
//	00000000  08 00 00 00 00 00 00 07  00 01 04 06 02 00 00 00  |................|
//	00000010  00 01 00 00 45 00 00 14  00 00 00 00 40 3b 00 00  |....E.......@;..|
//	00000020  0a 00 00 01 0a 00 00 02                           |........|
var sll2IPv4 = []byte{
	0x08, 0x00, // protocol type: IPv4
	0x00, 0x00, // reserved
	0x00, 0x00, 0x00, 0x07, // interface index 7
	0x00, 0x01, // ARPHRD_ETHER
	0x04,                                           // packet type: outgoing
	0x06,                                           // address length
	0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, // address, zero-padded to 8
	0x45, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00, 0x40, 0x3b, 0x00, 0x00,
	0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
}

func TestLinuxSLL2Decode(t *testing.T) {
	var s decode.LinuxSLL2
	if err := s.DecodeFromBytes(sll2IPv4, gopacket.NilDecodeFeedback); err != nil {
		t.Fatal(err)
	}
	want := decode.LinuxSLL2{ProtocolType: layers.EthernetTypeIPv4, InterfaceIndex: 7, ARPHRDType: 1,
		PacketType: layers.LinuxSLLPacketTypeOutgoing, AddrLen: 6,
		Addr: net.HardwareAddr{0x02, 0, 0, 0, 0, 0x01}}
	if s.ProtocolType != want.ProtocolType || s.InterfaceIndex != want.InterfaceIndex ||
		s.ARPHRDType != want.ARPHRDType || s.PacketType != want.PacketType ||
		s.AddrLen != want.AddrLen || !bytes.Equal(s.Addr, want.Addr) {
		t.Errorf("decoded %+v, want %+v", s, want)
	}
	if len(s.Contents) != 20 || !bytes.Equal(s.Payload, sll2IPv4[20:]) {
		t.Errorf("contents %d bytes, payload %x", len(s.Contents), s.Payload)
	}
	if s.NextLayerType() != layers.LayerTypeIPv4 {
		t.Errorf("next layer %v, want IPv4", s.NextLayerType())
	}
}

func TestLinuxSLL2Quirks(t *testing.T) {
	long := bytes.Clone(sll2IPv4)
	long[11] = 200 // an address length beyond the 8 bytes of room
	var s decode.LinuxSLL2
	if err := s.DecodeFromBytes(long, gopacket.NilDecodeFeedback); err != nil || len(s.Addr) != 8 {
		t.Errorf("long address length: err %v, address %d bytes; want 8", err, len(s.Addr))
	}
	netlink := bytes.Clone(sll2IPv4)
	netlink[8], netlink[9] = 0x03, 0x38 // ARPHRD_NETLINK: the protocol is a netlink family
	s.DecodeFromBytes(netlink, gopacket.NilDecodeFeedback)
	if s.NextLayerType() != gopacket.LayerTypePayload {
		t.Errorf("netlink: next layer %v, want Payload", s.NextLayerType())
	}
	for n := range 20 {
		if err := s.DecodeFromBytes(sll2IPv4[:n], gopacket.NilDecodeFeedback); err == nil {
			t.Errorf("%d bytes decoded without error", n)
		}
	}
}

// TestLinuxSLL2Serialize checks that SerializeTo writes the bytes the spec lays out,
// and that gopacket.NewPacket decodes through the registered layer type.
func TestLinuxSLL2Serialize(t *testing.T) {
	s := &decode.LinuxSLL2{ProtocolType: layers.EthernetTypeIPv4, InterfaceIndex: 7, ARPHRDType: 1,
		PacketType: layers.LinuxSLLPacketTypeOutgoing, AddrLen: 6,
		Addr: net.HardwareAddr{0x02, 0, 0, 0, 0, 0x01}}
	buf := gopacket.NewSerializeBuffer()
	if err := gopacket.SerializeLayers(buf, gopacket.SerializeOptions{}, s, gopacket.Payload(sll2IPv4[20:])); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), sll2IPv4) {
		t.Errorf("serialized\n%x\nwant\n%x", buf.Bytes(), sll2IPv4)
	}
	pkt := gopacket.NewPacket(sll2IPv4, decode.LayerTypeLinuxSLL2, gopacket.Default)
	if pkt.Layer(decode.LayerTypeLinuxSLL2) == nil || pkt.Layer(layers.LayerTypeIPv4) == nil {
		t.Errorf("NewPacket layers: %v", pkt.Layers())
	}
}

func TestLinuxSLL2InDecoder(t *testing.T) {
	var p decode.Packet
	if err := decode.NewDecoder(decode.LinkLinuxSLL2).Decode(sll2IPv4, &p); err != nil {
		t.Fatal(err)
	}
	if p.Src.String() != "10.0.0.1" || p.Dst.String() != "10.0.0.2" || p.Proto != 59 {
		t.Errorf("decoded %v -> %v proto %d", p.Src, p.Dst, p.Proto)
	}
}
