package decode

import (
	"encoding/binary"
	"errors"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

var errPPPShort = errors.New("ppp header cut short")

// pppLayer decodes the PPP header that PPTP's enhanced GRE carries, so that the IP
// inside is the flow judged. gopacket's PPP is no DecodingLayer, and its decoder
// reads the first bytes without bounds checks.
type pppLayer struct {
	layers.PPP
}

// CanDecode returns LayerTypePPP.
func (p *pppLayer) CanDecode() gopacket.LayerClass { return layers.LayerTypePPP }

// NextLayerType returns IPv4 or IPv6; anything else (link control, compressed or
// encrypted data) ends decoding with the GRE flow.
func (p *pppLayer) NextLayerType() gopacket.LayerType {
	switch p.PPPType {
	case layers.PPPTypeIPv4:
		return layers.LayerTypeIPv4
	case layers.PPPTypeIPv6:
		return layers.LayerTypeIPv6
	}
	return gopacket.LayerTypePayload
}

// DecodeFromBytes decodes the optional address and control bytes (ff 03) and a
// protocol field of one byte (when compressed: its low bit is set) or two.
func (p *pppLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	off := 0
	p.HasPPTPHeader = len(data) >= 2 && data[0] == 0xff && data[1] == 0x03
	if p.HasPPTPHeader {
		off = 2
	}
	n := 2
	if len(data) > off && data[off]&1 == 1 {
		n = 1
	}
	if len(data) < off+n {
		df.SetTruncated()
		return errPPPShort
	}
	if n == 1 {
		p.PPPType = layers.PPPType(data[off])
	} else {
		p.PPPType = layers.PPPType(binary.BigEndian.Uint16(data[off:]))
	}
	p.BaseLayer = layers.BaseLayer{Contents: data[:off+n], Payload: data[off+n:]}
	return nil
}

var errPPPoEShort = errors.New("pppoe header cut short")

// pppoeLayer decodes a PPPoE header (RFC 2516), what DSL and some provider links
// put between Ethernet and PPP. gopacket's PPPoE is no DecodingLayer, and its
// decoder slices by the length field without bounds checks.
type pppoeLayer struct {
	layers.PPPoE
}

// CanDecode returns LayerTypePPPoE, for both the discovery and session EtherTypes.
func (p *pppoeLayer) CanDecode() gopacket.LayerClass { return layers.LayerTypePPPoE }

// NextLayerType returns PPP for session data; discovery carries no IP.
func (p *pppoeLayer) NextLayerType() gopacket.LayerType {
	if p.Code == layers.PPPoECodeSession {
		return layers.LayerTypePPP
	}
	return gopacket.LayerTypePayload
}

// DecodeFromBytes decodes the 6-byte header; the payload is as long as the length
// field says, or what the capture kept.
func (p *pppoeLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if len(data) < 6 {
		df.SetTruncated()
		return errPPPoEShort
	}
	p.Version, p.Type = data[0]>>4, data[0]&0x0f
	p.Code = layers.PPPoECode(data[1])
	p.SessionId = binary.BigEndian.Uint16(data[2:4])
	p.Length = binary.BigEndian.Uint16(data[4:6])
	end := 6 + int(p.Length)
	if end > len(data) {
		df.SetTruncated()
		end = len(data)
	}
	p.BaseLayer = layers.BaseLayer{Contents: data[:6], Payload: data[6:end]}
	return nil
}
