package decode

import "encoding/binary"

// arphrdEther is the ARPHRD type of Ethernet interfaces, as Linux cooked captures
// name an interface's link.
const arphrdEther = 1

// linkAddrs copies the outermost link-layer addresses of a frame into p: both MACs
// of an Ethernet frame, the sender's of a Linux cooked capture on an Ethernet
// interface (cooked headers keep only the sender's address). They are read from
// the frame's first bytes, not from the decoder's Ethernet layer, which holds the
// innermost header of its type (GRE and VXLAN carry Ethernet too). A hypervisor's
// tap carries no address of its own: its VM's MAC is what tells the VM's side of
// a flow.
func linkAddrs(s start, data []byte, p *Packet) {
	switch s {
	case startEthernet:
		if len(data) >= 14 {
			copy(p.DstMAC[:], data[0:6])
			copy(p.SrcMAC[:], data[6:12])
		}
	case startSLL: // packet type, ARPHRD type, address length, address (8)
		if len(data) >= 16 && binary.BigEndian.Uint16(data[2:]) == arphrdEther && binary.BigEndian.Uint16(data[4:]) == 6 {
			copy(p.SrcMAC[:], data[6:12])
		}
	case startSLL2: // see LinuxSLL2
		if len(data) >= 20 && binary.BigEndian.Uint16(data[8:]) == arphrdEther && data[11] == 6 {
			copy(p.SrcMAC[:], data[12:18])
		}
	}
}
