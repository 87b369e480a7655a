// Package traffic is the traffic scanner: the flow table and, on top of it, the
// protocol parsers, fingerprints and compiled rules that turn the first packets of
// each flow into findings. Capture sources and packet decoding are its packages
// capture and decode, kept apart as gopacket keeps pcapgo and layers; imports run
// traffic -> capture -> decode, and traffic -> decode.
//
// The packet layer works in three steps, each allocation-free in steady state:
//
//   - A capture.FileSource reads a classic pcap or pcapng file, recognised by its
//     magic number (extensions lie), and yields packets numbered from 1. A truncated
//     or garbled file ends with an error that names the file and the packet; what
//     was read is kept. A capture.LiveSource reads an interface through an AF_PACKET
//     socket (Linux).
//   - A decode.Decoder turns the bytes of one frame into a decode.Packet: the
//     innermost IP flow's 5-tuple, TCP flags, the transport header and payload. It
//     decodes through IP-in-IP, GRE, VXLAN and GTP-U so that the inner flow is the
//     one judged.
//   - A FlowTable keeps both directions of a flow together, says which side is the
//     client, counts packets, bytes and inspected payloads per direction, and evicts
//     idle flows by packet time so that a replayed capture behaves like live traffic.
//
// The detection layer: Compile builds an Engine from a rule set's traffic sections;
// a Scanner runs packets through a flow table, inspects only the first packets of
// each flow with the TLS, DNS and HTTP parsers and the built-in fingerprints (one file
// each, named as rules refer to them), and emits a scanner.Finding once per flow and
// rule. The Engine also runs rule examples for `aupscan rules check`.
//
// Errors name what failed (file, packet number, layer, rule); bad bytes are errors,
// never panics.
package traffic
