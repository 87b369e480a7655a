// Package decode turns captured frames into Packets: the innermost IP flow's
// addresses, protocol, ports and TCP flags, its transport header and payload,
// decoded through VLAN tags, PPPoE, IP-in-IP, GRE (PPTP's enhanced GRE and PPP
// included), VXLAN and GTP-U, so that the flow judged is the inner one.
//
// It holds the link types (LinkType, 16 bits as capture files store them), the
// layers written here as gopacket DecodingLayers where gopacket's own would
// allocate, panic on bad bytes or misread offloaded segments (Linux cooked v1 and
// v2, GRE, PPP, PPPoE, IPv4, IPv6 and its extension headers), the Decoder that runs
// them, the Packet it fills, and the built-in capture Filter, which judges decoded
// packets (the inner flow of a tunnel) rather than raw bytes.
//
// Decoding allocates nothing in steady state, and bad bytes are errors (ErrNotIP,
// ErrUnsupportedLink, *Error), never panics. The package knows nothing of where
// frames come from (package capture reads them) nor of flows (package traffic
// tracks them): both import it, and it imports neither.
package decode
