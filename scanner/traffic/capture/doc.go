// Package capture reads packets from capture sources: classic pcap and pcapng
// files, gzipped or not, told apart by their magic number (FileSource), and one
// interface through an AF_PACKET socket, without libpcap or cgo (LiveSource, Linux
// only). A source yields frames numbered from 1 with their capture info and link
// type, allocating nothing in steady state; a truncated or garbled file ends in an
// error that names the file and the packet. The pcapng reader sits behind a guard
// that checks each block's lengths before gopacket's pcapgo trusts them.
//
// Imports run one way, capture to decode, as gopacket's pcapgo imports layers for
// its link type: a link type says how a frame decodes, which is the decoder's
// vocabulary (decode.LinkType), and a source only reports it. The decoder takes
// bytes and a link type from any source, a file, a socket or a test, and needs
// nothing of this package.
package capture
