package traffic

import (
	"strings"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// start of the parsers' part of a flow: which of them have nothing to read.
func (s *Scanner) startParsers(f *Flow) {
	st := &f.State
	tcp := f.Proto == decode.ProtoTCP
	st.tlsDone, st.httpDone = !tcp, !tcp
	st.dnsDone = !(f.Proto == decode.ProtoUDP || tcp) || (f.Server.Port() != 53 && f.Client.Port() != 53)
}

// parse runs the application parsers (TLS, HTTP, DNS) on a packet, matching the
// names they find against the rules as they go.
func (s *Scanner) parse(in *inspection) {
	st := in.st
	if !st.dnsDone {
		s.parseDNS(in)
	}
	if len(in.pl) == 0 {
		return
	}
	if !st.httpDone {
		s.parseHTTP(in)
	}
	if !st.tlsDone {
		s.parseTLS(in)
	}
}

// parseTLS gathers the start of each direction of a TCP flow that opens with a TLS
// handshake record (the reassembly delivers it in order) and reads the ClientHello, the ServerHello and the server's
// certificate from it.
func (s *Scanner) parseTLS(in *inspection) {
	st, d := in.st, in.dir
	ts := &st.tls
	if ts.not[d] || ts.done[d] {
		return
	}
	buf := &st.x.stream[d]
	if len(buf.buf) == 0 && !(len(in.pl) >= 3 && in.pl[0] == tlsHandshake && in.pl[1] == 3) {
		ts.not[d] = true
		st.tlsDone = ts.not[FromClient] || ts.done[FromClient] && (ts.not[FromServer] || ts.done[FromServer])
		return
	}
	if in.gap && len(buf.buf) > 0 {
		buf.stop = true // bytes are missing: what follows is out of place
	}
	if !buf.add(in.pl) {
		if buf.stop {
			ts.done[d] = true
		}
		st.tlsDone = ts.done[0] && ts.done[1]
		return
	}
	hs, other, ok := gatherHandshake(buf.buf, s.tls.hs)
	s.tls.hs = hs
	if !ok {
		ts.not[d] = true
	}
	for len(hs) >= 4 && ok {
		typ, n := hs[0], be24(hs[1:])
		body := hs[4:]
		complete := n <= len(body)
		if complete {
			body = body[:n]
		}
		switch {
		case d == FromClient && typ == tlsClientHello && complete && !ts.hello:
			ts.hello = true
			ts.done[d] = true
			s.clientHello(in, body)
		case d == FromServer && typ == tlsServerHello && complete && !ts.sh:
			ts.sh = true
			ts.tls13 = serverHelloTLS13(body)
			if ts.tls13 {
				ts.done[d] = true
			}
		case d == FromServer && typ == tlsCertificate && !ts.cert:
			if s.certificate(in, body) {
				ts.cert, ts.done[d] = true, true
			}
		}
		if !complete {
			break
		}
		hs = hs[4+n:]
	}
	if other || buf.stop {
		ts.done[d] = true
	}
	if d == FromClient && !ts.hello && len(buf.buf) >= maxStream {
		ts.done[d] = true
	}
	st.tlsDone = ts.done[0] && ts.done[1] || ts.not[0] || ts.not[1]
}

// clientHello records what a ClientHello says and matches it against the rules.
func (s *Scanner) clientHello(in *inspection, body []byte) {
	ch := &s.tls.hello
	if !parseClientHello(body, ch) {
		return
	}
	ts := &in.st.tls
	ts.hasSNI, ts.hasALPN, ts.alpnH2, ts.grease = ch.sni != nil, ch.hasALPN, ch.alpnH2, ch.grease
	ts.torSNI = torName(ch.sni, ".com") || torName(ch.sni, ".net")
	e := s.e
	if len(ch.sni) > 0 && len(e.nameConds) > 0 {
		s.matchName(in.f, fieldSNI, "TLS server name", ch.sni)
	}
	if len(e.ja3Conds) > 0 {
		var h [32]byte
		s.tls.ja3(ch, &h)
		s.matchHash(in.f, e.ja3Conds, "JA3", h[:])
	}
	if len(e.ja4Conds) > 0 {
		var h [36]byte
		s.tls.ja4(ch, &h)
		s.matchHash(in.f, e.ja4Conds, "JA4", h[:])
	}
}

func (s *Scanner) matchHash(f *Flow, conds []int32, what string, h []byte) {
	for _, c := range conds {
		for _, want := range s.e.conds[c].hashes {
			if want == string(h) {
				s.fact(f, c, -1, what+" "+want)
				break
			}
		}
	}
}

// certificate reads the leaf certificate of a TLS 1.2 Certificate message (which
// may be cut short after the leaf), and reports whether the leaf was complete.
func (s *Scanner) certificate(in *inspection, body []byte) bool {
	if len(body) < 6 {
		return false
	}
	n := be24(body[3:])
	if 6+n > len(body) {
		return false
	}
	ts := &in.st.tls
	names := len(s.e.nameConds) > 0
	certNames(body[6:6+n], func(issuer bool, name []byte) {
		if issuer {
			if torName(name, ".com") {
				ts.torCertIssuer = true
			}
			if names {
				s.matchName(in.f, fieldCertIssuer, "certificate issuer", name)
			}
			return
		}
		if torName(name, ".net") {
			ts.torCertSubject = true
		}
		if cdnFront(name) {
			ts.cdnCert = true
		}
		if string(name) == "AnyDesk Client" {
			ts.anyDeskCert = true
		}
		if names {
			s.matchName(in.f, fieldCertName, "certificate name", name)
		}
	})
	return true
}

// cdnFront reports whether a certificate name is a CDN's shared default, served to
// a client that names no site: what a domain-fronting tunnel sees.
func cdnFront(name []byte) bool {
	n := string(name)
	return n == "sni.cloudflaressl.com" || strings.HasSuffix(n, ".cloudfront.net") && strings.HasPrefix(n, "*.")
}
