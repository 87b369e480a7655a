package traffic

import (
	"bytes"
	"fmt"
	"net/netip"
	"path"
	"time"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/capture"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
	"github.com/aupscan/aupscan/signatures"
)

// Addresses of the flows examples are run in (documentation ranges).
var (
	exampleClient = netip.MustParseAddr("192.0.2.10")
	exampleServer = netip.MustParseAddr("198.51.100.20")
	exampleTime   = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
)

// RunExample runs a rule's examples through the traffic engine, for `aupscan rules
// check`: a name against the name conditions (every field), an address as the
// server's, a text, hex or file example as the client's first payload (to the
// example's port), and a capture file scanned whole. It implements
// signatures.ExampleRunner.
func (e *Engine) RunExample(r *signatures.Rule, ex *signatures.Example) (handled, matched bool, err error) {
	if err := e.broken[r]; err != nil {
		return true, false, err
	}
	er := e.byRule[r]
	if er == nil {
		return false, false, nil
	}
	switch ex.Kind() {
	case "name":
		if !e.ruleHas(er, condName) {
			return false, false, nil
		}
		return true, e.runFlow(er, ex.Port, func(s *Scanner, f *Flow) {
			s.matchName(f, fieldSNI|fieldDNS|fieldHTTPHost|fieldCertName|fieldCertIssuer, "name", []byte(ex.Name))
		}), nil
	case "address":
		if !e.ruleHas(er, condAddr) {
			return false, false, nil
		}
		a, err := netip.ParseAddr(ex.Address)
		if err != nil {
			return true, false, fmt.Errorf("address example: %w", err)
		}
		return true, e.runAddr(er, ex.Port, a), nil
	case "text", "hex", "file":
		data, err := ex.Bytes(r)
		if err != nil {
			return true, false, err
		}
		return true, e.runPayload(er, ex.Port, data), nil
	case "capture":
		data, err := r.ReadFile(ex.Capture)
		if err != nil {
			return true, false, fmt.Errorf("capture example: %w", err)
		}
		src, err := capture.NewFileSource(path.Base(ex.Capture), bytes.NewReader(data))
		if err != nil {
			return true, false, err
		}
		defer src.Close()
		found := false
		fs := ScanSource(src, e, ScannerConfig{Source: ex.Capture}, func(f scanner.Finding) {
			found = found || f.Rule == r.ID
		})
		if fs.ReadErr != nil {
			return true, false, fs.ReadErr
		}
		return true, found, nil
	}
	return false, false, nil
}

// ruleHas reports whether a rule has a condition of the kind.
func (e *Engine) ruleHas(er *engineRule, kind int) bool {
	for _, s := range e.sections {
		if s.rule != er {
			continue
		}
		for _, c := range s.conds {
			if e.conds[c].kind == kind {
				return true
			}
		}
	}
	return false
}

// exampleFlow returns the transport and server port an example of rule er runs on:
// the first section's transport (TCP by default) and the example's port, or the
// section's first port, or 443.
func (e *Engine) exampleFlow(er *engineRule, port int) (uint8, uint16) {
	proto, p := decode.ProtoTCP, uint16(443)
	for _, s := range e.sections {
		if s.rule != er {
			continue
		}
		if s.transport != 0 {
			proto = s.transport
		}
		if len(s.ports) > 0 {
			p = s.ports[0]
		}
		break
	}
	if port > 0 {
		p = uint16(port)
	}
	return proto, p
}

// runFlow makes one flow of the example's shape, lets fn feed it, and reports
// whether the rule fired.
func (e *Engine) runFlow(er *engineRule, port int, fn func(*Scanner, *Flow)) bool {
	found := false
	s := NewScanner(e, ScannerConfig{Source: "example"}, func(f scanner.Finding) {
		found = found || f.Rule == er.rule.ID
	})
	proto, p := e.exampleFlow(er, port)
	f := &Flow{Proto: proto, Client: netip.AddrPortFrom(exampleClient, 40000),
		Server: netip.AddrPortFrom(exampleServer, p), First: exampleTime, Last: exampleTime}
	s.start(f)
	fn(s, f)
	return found
}

// runAddr runs an address example: a flow to that server address.
func (e *Engine) runAddr(er *engineRule, port int, a netip.Addr) bool {
	found := false
	s := NewScanner(e, ScannerConfig{Source: "example"}, func(f scanner.Finding) {
		found = found || f.Rule == er.rule.ID
	})
	proto, p := e.exampleFlow(er, port)
	f := &Flow{Proto: proto, Client: netip.AddrPortFrom(exampleClient, 40000),
		Server: netip.AddrPortFrom(a, p), First: exampleTime, Last: exampleTime}
	s.start(f)
	return found
}

// runPayload runs a payload example: one packet from client to server.
func (e *Engine) runPayload(er *engineRule, port int, data []byte) bool {
	found := false
	s := NewScanner(e, ScannerConfig{Source: "example"}, func(f scanner.Finding) {
		found = found || f.Rule == er.rule.ID
	})
	proto, p := e.exampleFlow(er, port)
	pk := decode.Packet{Num: 1, Time: exampleTime, Length: len(data), Proto: proto,
		Src: exampleClient, Dst: exampleServer, SrcPort: 40000, DstPort: p, Payload: data}
	if proto == decode.ProtoTCP {
		pk.Header = []byte{0x9c, 0x40, byte(p >> 8), byte(p), 0, 0, 0, 1, 0, 0, 0, 1, 0x50, 0x18, 0xff, 0xff, 0, 0, 0, 0}
		pk.TCPFlags = decode.TCPFlagPSH | decode.TCPFlagACK
	} else {
		pk.Header = []byte{0x9c, 0x40, byte(p >> 8), byte(p), 0, 8, 0, 0}
	}
	s.Packet(&pk)
	s.Flush()
	return found
}
