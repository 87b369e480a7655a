// Package packettest holds the traffic scanner's test packets and their known
// answers: crafted frames of every link type, encapsulation and transport, each
// with the packet the decoder must make of it (Case, Want, Check), a TCP
// conversation, and the addresses and start time they use. The tests of decode,
// capture and traffic share them (the capture files of testdata/pcap are written
// from them and decoded back), so they live here rather than in one package's
// _test files. It is test support, as craft is: nothing else imports it.
package packettest

import "time"

// Addresses of the crafted packets: A and B are the ends of the flow judged, C and
// D those of the tunnel around it.
const (
	V4A, V4B = "192.0.2.1", "198.51.100.2"
	V4C, V4D = "10.0.0.1", "10.0.0.2"
	V6A, V6B = "2001:db8::1", "2001:db8::2"
	V6C, V6D = "fd00::c", "fd00::d"
)

// Epoch is the time of the first packet of a crafted capture.
var Epoch = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
