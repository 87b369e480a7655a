package decode_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/gopacket"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// fuzzLinks are the link types FuzzDecode tries; its first argument picks one.
var fuzzLinks = []decode.LinkType{decode.LinkEthernet, decode.LinkLinuxSLL, decode.LinkLinuxSLL2,
	decode.LinkNull, decode.LinkLoop, decode.LinkRaw, decode.LinkIPv4, decode.LinkIPv6}

// FuzzDecode decodes arbitrary bytes as frames of every supported link type, with
// one Decoder throughout as a capture loop would: no panic, an error or a packet
// with addresses, and slices that stay inside the frame.
func FuzzDecode(f *testing.F) {
	for _, set := range [][]pt.Case{pt.LinkCases, pt.TunnelCases, pt.TransportCases} {
		for _, c := range set {
			for i, lt := range fuzzLinks {
				if lt == c.Link {
					f.Add(uint8(i), c.Frame)
				}
			}
		}
	}
	decoders := make([]*decode.Decoder, len(fuzzLinks))
	for i, lt := range fuzzLinks {
		decoders[i] = decode.NewDecoder(lt)
	}
	f.Fuzz(func(t *testing.T, link uint8, frame []byte) {
		i := int(link) % len(fuzzLinks)
		var p decode.Packet
		err := decoders[i].Decode(frame, &p)
		if err != nil {
			if !errors.Is(err, decode.ErrMalformed) && !errors.Is(err, decode.ErrNotIP) {
				t.Fatalf("error of no known kind: %v", err)
			}
			return
		}
		if !p.Src.IsValid() || !p.Dst.IsValid() {
			t.Fatalf("decoded without addresses: %+v", p)
		}
		if len(p.Header)+len(p.Payload) > len(frame) {
			t.Fatalf("header and payload (%d bytes) exceed the frame (%d)", len(p.Header)+len(p.Payload), len(frame))
		}
		if p.Fragment == decode.LaterFragment && (p.SrcPort != 0 || p.Payload != nil) {
			t.Fatalf("later fragment with ports or payload: %+v", p)
		}
	})
}

// FuzzSLL2 decodes arbitrary bytes as a cooked v2 header: no panic, and what
// decodes serializes back to a header that decodes the same.
func FuzzSLL2(f *testing.F) {
	f.Add(sll2IPv4)
	f.Add(sll2IPv4[:20])
	f.Add(make([]byte, 19))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s decode.LinuxSLL2
		if err := s.DecodeFromBytes(data, gopacket.NilDecodeFeedback); err != nil {
			return
		}
		if len(s.Addr) > 8 || len(s.Contents) != 20 || len(s.Payload) != len(data)-20 {
			t.Fatalf("address %d bytes, contents %d, payload %d", len(s.Addr), len(s.Contents), len(s.Payload))
		}
		s.NextLayerType()
		buf := gopacket.NewSerializeBuffer()
		if err := s.SerializeTo(buf, gopacket.SerializeOptions{}); err != nil {
			t.Fatal(err)
		}
		var again decode.LinuxSLL2
		if err := again.DecodeFromBytes(buf.Bytes(), gopacket.NilDecodeFeedback); err != nil {
			t.Fatal(err)
		}
		if again.ProtocolType != s.ProtocolType || again.InterfaceIndex != s.InterfaceIndex ||
			again.ARPHRDType != s.ARPHRDType || again.PacketType != s.PacketType ||
			again.AddrLen != s.AddrLen || !bytes.Equal(again.Addr, s.Addr) {
			t.Fatalf("round trip changed %+v into %+v", s, again)
		}
	})
}
