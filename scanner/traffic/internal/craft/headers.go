package craft

import (
	"encoding/binary"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// SLL is a Linux cooked capture v1 header (LINKTYPE_LINUX_SLL, 16 bytes):
// packet type 2, ARPHRD type 2, address length 2, address 8, protocol 2.
func SLL(proto layers.EthernetType) gopacket.SerializableLayer {
	h := make([]byte, 16)
	binary.BigEndian.PutUint16(h[0:], 0) // to us
	binary.BigEndian.PutUint16(h[2:], 1) // ARPHRD_ETHER
	binary.BigEndian.PutUint16(h[4:], 6) // address length
	copy(h[6:14], MAC1)                  // address, zero-padded to 8
	binary.BigEndian.PutUint16(h[14:], uint16(proto))
	return Raw(h)
}

// SLL2 is a Linux cooked capture v2 header (LINKTYPE_LINUX_SLL2, 20 bytes), laid
// out as tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html says: protocol type 2,
// reserved 2, interface index 4, ARPHRD type 2, packet type 1, address length 1,
// address 8.
func SLL2(proto layers.EthernetType, ifindex uint32) gopacket.SerializableLayer {
	h := make([]byte, 20)
	binary.BigEndian.PutUint16(h[0:], uint16(proto))
	binary.BigEndian.PutUint32(h[4:], ifindex)
	binary.BigEndian.PutUint16(h[8:], 1) // ARPHRD_ETHER
	h[10] = 4                            // outgoing
	h[11] = 6
	copy(h[12:20], MAC1)
	return Raw(h)
}

// Null is a BSD loopback header: the address family as a 4-byte integer in the
// given byte order (host order for LINKTYPE_NULL, network order for LINKTYPE_LOOP).
func Null(family uint32, order binary.ByteOrder) gopacket.SerializableLayer {
	h := make([]byte, 4)
	order.PutUint32(h, family)
	return Raw(h)
}

// Address families of the loopback header.
const (
	AFInet        = 2
	AFInet6BSD    = 24 // NetBSD, OpenBSD
	AFInet6Darwin = 30
	AFInet6Linux  = 10
)

// IPv6Opts is an 8-byte IPv6 options header (hop-by-hop or destination options)
// holding one PadN option; next is the header after it.
func IPv6Opts(next layers.IPProtocol) gopacket.SerializableLayer {
	return Raw([]byte{byte(next), 0, 1, 4, 0, 0, 0, 0})
}

// IPv6Frag is an IPv6 fragment header; offset counts 8-byte units.
func IPv6Frag(next layers.IPProtocol, offset uint16, more bool) gopacket.SerializableLayer {
	h := []byte{byte(next), 0, 0, 0, 0, 0, 0x12, 0x34}
	v := offset << 3
	if more {
		v |= 1
	}
	binary.BigEndian.PutUint16(h[2:], v)
	return Raw(h)
}

// ESP is an ESP header (RFC 4303): SPI and sequence number. The encrypted rest
// follows as a Raw payload.
func ESP(spi, seq uint32) gopacket.SerializableLayer {
	h := make([]byte, 8)
	binary.BigEndian.PutUint32(h[0:], spi)
	binary.BigEndian.PutUint32(h[4:], seq)
	return Raw(h)
}

// AH is an AH header (RFC 4302) with a 12-byte ICV: 24 bytes, whose length field
// says 24/4-2 = 4.
func AH(next layers.IPProtocol, spi, seq uint32) gopacket.SerializableLayer {
	h := make([]byte, 24)
	h[0] = byte(next)
	h[1] = 4
	binary.BigEndian.PutUint32(h[4:], spi)
	binary.BigEndian.PutUint32(h[8:], seq)
	for i := 12; i < 24; i++ {
		h[i] = 0xa5 // the ICV
	}
	return Raw(h)
}
