package decode

import "strconv"

// LinkType is a pcap link type (LINKTYPE_* of tcpdump.org/linktypes.html), 16 bits
// as both file formats store it. gopacket 1.1.19's layers.LinkType is a uint8, too
// narrow for Linux cooked capture v2 (276): pcapgo reports such a file as link type
// 20, so the capture source reads link types from the file itself.
type LinkType uint16

// Link types the Decoder decodes.
const (
	LinkNull      LinkType = 0   // BSD loopback, host byte order family
	LinkEthernet  LinkType = 1   // Ethernet, with 802.1Q and QinQ tags
	LinkRaw12     LinkType = 12  // raw IP, as DLT_RAW is numbered on most systems
	LinkRaw14     LinkType = 14  // raw IP, as DLT_RAW is numbered on OpenBSD
	LinkRaw       LinkType = 101 // raw IPv4 or IPv6
	LinkLoop      LinkType = 108 // OpenBSD loopback, network byte order family
	LinkLinuxSLL  LinkType = 113 // Linux cooked capture v1
	LinkIPv4      LinkType = 228 // raw IPv4
	LinkIPv6      LinkType = 229 // raw IPv6
	LinkLinuxSLL2 LinkType = 276 // Linux cooked capture v2
)

var linkNames = map[LinkType]string{
	LinkNull: "null", LinkEthernet: "ethernet", LinkRaw12: "raw", LinkRaw14: "raw",
	LinkRaw: "raw", LinkLoop: "loop", LinkLinuxSLL: "linux-sll", LinkIPv4: "ipv4",
	LinkIPv6: "ipv6", LinkLinuxSLL2: "linux-sll2",
}

// String names the link type, or gives its number.
func (l LinkType) String() string {
	if name, ok := linkNames[l]; ok {
		return name
	}
	return "linktype-" + strconv.Itoa(int(l))
}

// SupportedLinkType reports whether the Decoder decodes frames of link type lt.
func SupportedLinkType(lt LinkType) bool {
	_, ok := linkStart(lt, nil)
	return ok
}

// linkStart returns where decoding of a frame of link type lt starts.
func linkStart(lt LinkType, data []byte) (start, bool) {
	switch lt {
	case LinkEthernet:
		return startEthernet, true
	case LinkLinuxSLL:
		return startSLL, true
	case LinkLinuxSLL2:
		return startSLL2, true
	case LinkNull, LinkLoop:
		return startLoopback, true
	case LinkIPv4:
		return startIPv4, true
	case LinkIPv6:
		return startIPv6, true
	case LinkRaw, LinkRaw12, LinkRaw14:
		if len(data) > 0 && data[0]>>4 == 6 {
			return startIPv6, true
		}
		return startIPv4, true
	}
	return 0, false
}
