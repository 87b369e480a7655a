package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// DNS record types the parser and the tunnel fingerprint care about.
const (
	dnsTypeCNAME = 5
	dnsTypeNULL  = 10
	dnsTypeTXT   = 16
	maxDNSName   = 255
	maxDNSRecs   = 16 // questions and answers read per message
)

// dnsScratch is the Scanner's reusable space for DNS names.
type dnsScratch struct {
	name [maxDNSName]byte
}

// parseDNS reads a DNS message (UDP, or TCP with its length prefix) of a flow to or
// from port 53: the query name and the names its answers point to go to the rules;
// the query name also goes to the tunnel fingerprint.
func (s *Scanner) parseDNS(in *inspection) {
	st := in.st
	msg := in.pl
	if in.f.Proto == decode.ProtoTCP {
		if len(msg) < 2 {
			return
		}
		msg = msg[2:]
	}
	if in.n >= 4 {
		st.dnsDone = true
	}
	if len(msg) < 12 {
		return
	}
	qd, an := int(be16(msg[4:])), int(be16(msg[6:]))
	resp := msg[2]&0x80 != 0
	off := 12
	for i := 0; i < qd+an && i < maxDNSRecs; i++ {
		name, next, ok := readDNSName(msg, off, &s.dns.name)
		if !ok {
			return
		}
		off = next
		if off+4 > len(msg) {
			return
		}
		typ := be16(msg[off:])
		if i < qd {
			off += 4
			if !resp {
				s.dnsTunnelQuery(in, name, typ)
			}
			if len(s.e.nameConds) > 0 && len(name) > 0 {
				s.matchName(in.f, fieldDNS, "DNS query", name)
			}
			continue
		}
		if off+10 > len(msg) {
			return
		}
		rdlen := int(be16(msg[off+8:]))
		rdata := off + 10
		off = rdata + rdlen
		if off > len(msg) {
			return
		}
		if typ == dnsTypeCNAME && len(s.e.nameConds) > 0 {
			if target, _, ok := readDNSName(msg, rdata, &s.dns.name); ok && len(target) > 0 {
				s.matchName(in.f, fieldDNS, "DNS answer", target)
			}
		}
	}
}

// readDNSName reads the possibly compressed name at off into buf, in lower case
// and dotted, and returns it with the offset after it in msg.
func readDNSName(msg []byte, off int, buf *[maxDNSName]byte) (name []byte, next int, ok bool) {
	n, next, jumps := 0, -1, 0
	for {
		if off >= len(msg) {
			return nil, 0, false
		}
		l := int(msg[off])
		switch {
		case l == 0:
			if next < 0 {
				next = off + 1
			}
			return buf[:n], next, true
		case l&0xc0 == 0xc0:
			if off+1 >= len(msg) || jumps > 16 {
				return nil, 0, false
			}
			if next < 0 {
				next = off + 2
			}
			off = (l&0x3f)<<8 | int(msg[off+1])
			jumps++
			continue
		case l&0xc0 != 0:
			return nil, 0, false
		}
		if off+1+l > len(msg) || n+l+1 > maxDNSName {
			return nil, 0, false
		}
		if n > 0 {
			buf[n] = '.'
			n++
		}
		for _, c := range msg[off+1 : off+1+l] {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
		}
		off += 1 + l
	}
}
