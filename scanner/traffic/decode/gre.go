package decode

import (
	"errors"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

var (
	errGREShort   = errors.New("gre header cut short")
	errGRERouting = errors.New("gre source routing (RFC 1701) is not supported")
)

// greLayer checks that a GRE header fits before gopacket's GRE decodes it: gopacket
// reads the optional fields without bounds checks, and allocates for source routing,
// which RFC 2784 removed and nothing sends any more.
type greLayer struct {
	layers.GRE
}

// DecodeFromBytes decodes a GRE version 0 or 1 (PPTP) header.
func (g *greLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if len(data) < 4 {
		df.SetTruncated()
		return errGREShort
	}
	if data[0]&0x40 != 0 {
		return errGRERouting
	}
	need := 4
	for _, present := range [...]bool{
		data[0]&0x80 != 0, // checksum and reserved
		data[0]&0x20 != 0, // key (PPTP: payload length and call id)
		data[0]&0x10 != 0, // sequence number
		data[1]&0x80 != 0, // acknowledgment (PPTP)
	} {
		if present {
			need += 4
		}
	}
	if len(data) < need {
		df.SetTruncated()
		return errGREShort
	}
	return g.GRE.DecodeFromBytes(data, df)
}
