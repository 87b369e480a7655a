// Package traffic is the traffic scanner: capture sources, packet decoding, the flow
// table and, on top of them, the protocol fingerprints.
//
// The packet layer works in three steps, each allocation-free in steady state:
//
//   - A FileSource reads a classic pcap or pcapng file, recognised by its magic number
//     (extensions lie), and yields packets numbered from 1. A truncated or garbled file
//     ends with an error that names the file and the packet; what was read is kept.
//   - A Decoder turns the bytes of one frame into a Packet: the innermost IP flow's
//     5-tuple, TCP flags, the transport header and payload. It decodes through IP-in-IP,
//     GRE, VXLAN and GTP-U so that the inner flow is the one judged.
//   - A FlowTable keeps both directions of a flow together, says which side is the
//     client, counts packets, bytes and inspected payloads per direction, and evicts
//     idle flows by packet time so that a replayed capture behaves like live traffic.
//
// Errors name what failed (file, packet number, layer); bad bytes are errors, never
// panics.
package traffic
