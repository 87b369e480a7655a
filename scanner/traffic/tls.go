package traffic

import "bytes"

// TLS record and handshake types the parser reads.
const (
	tlsHandshake        = 22
	tlsChangeCipher     = 20
	tlsClientHello      = 1
	tlsServerHello      = 2
	tlsCertificate      = 11
	tlsExtSNI           = 0x0000
	tlsExtGroups        = 0x000a
	tlsExtPointFormats  = 0x000b
	tlsExtSigAlgs       = 0x000d
	tlsExtALPN          = 0x0010
	tlsExtSupportedVers = 0x002b
)

// tlsState is what a flow keeps of its TLS handshake: where each direction stands,
// and the few facts the fingerprints read once the messages have gone by.
type tlsState struct {
	not   [2]bool // this direction does not start with a TLS handshake record
	done  [2]bool // this direction has said all the parser reads
	hello bool    // the ClientHello was read
	sh    bool    // the ServerHello was read
	tls13 bool    // the server chose TLS 1.3: the certificate is encrypted
	cert  bool    // the server's certificate was read

	hasSNI, hasALPN, alpnH2 bool
	grease                  bool // the ClientHello offers GREASE values
	torSNI                  bool // the server name is www.<random base32>.com or .net
	torCertIssuer           bool // the issuer's common name is Tor-shaped (www.<random>.com)
	torCertSubject          bool // the subject's common name is Tor-shaped (www.<random>.net)
	cdnCert                 bool // a CDN's shared certificate (a front without a name)
	anyDeskCert             bool
}

// clientHello is a parsed ClientHello: views into the handshake bytes and lists
// kept in the Scanner's scratch, so parsing allocates nothing.
type clientHello struct {
	version   uint16
	ciphers   []uint16
	exts      []uint16
	groups    []uint16
	points    []byte
	sigAlgs   []uint16
	versions  []uint16
	sni       []byte
	alpnFirst []byte
	alpnH2    bool
	hasALPN   bool
	sniExt    bool // the server_name extension is there, even if empty
	grease    bool // GREASE values offered: a browser's TLS stack (BoringSSL, or one mimicking it)
}

// tlsScratch is the Scanner's reusable space for TLS parsing.
type tlsScratch struct {
	hs    []byte // handshake bytes gathered from records
	hello clientHello
	sort  []uint16
	text  []byte // JA3 and JA4 input
}

func (ch *clientHello) reset() {
	*ch = clientHello{ciphers: ch.ciphers[:0], exts: ch.exts[:0], groups: ch.groups[:0],
		sigAlgs: ch.sigAlgs[:0], versions: ch.versions[:0]}
}

// isGREASE reports whether v is a GREASE value (RFC 8701), left out of fingerprints.
func isGREASE(v uint16) bool { return v&0x0f0f == 0x0a0a && v>>8 == v&0xff }

func be16(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }

func be24(b []byte) int { return int(b[0])<<16 | int(b[1])<<8 | int(b[2]) }

// gatherHandshake collects the handshake bytes of the TLS records at the start of
// stream into hs, including a record cut short at the end (a certificate may not
// fit the stream bound). It stops at the first record that is not a handshake and
// reports whether one was seen.
func gatherHandshake(stream, hs []byte) (out []byte, other bool, ok bool) {
	out = hs[:0]
	for len(stream) >= 5 {
		typ := stream[0]
		if stream[1] != 3 {
			return out, false, false
		}
		if typ != tlsHandshake {
			return out, true, true
		}
		n := int(be16(stream[3:5]))
		body := stream[5:]
		if n < len(body) {
			body = body[:n]
		}
		out = append(out, body...)
		if n > len(stream)-5 {
			break
		}
		stream = stream[5+n:]
	}
	return out, false, true
}

// parseClientHello reads a ClientHello body (after the 4-byte handshake header).
func parseClientHello(b []byte, ch *clientHello) bool {
	ch.reset()
	if len(b) < 38 {
		return false
	}
	ch.version = be16(b)
	b = b[34:]
	sid := int(b[0])
	if len(b) < 1+sid+2 {
		return false
	}
	b = b[1+sid:]
	nc := int(be16(b))
	if nc%2 != 0 || len(b) < 2+nc+1 {
		return false
	}
	for i := 2; i < 2+nc; i += 2 {
		if v := be16(b[i:]); !isGREASE(v) {
			ch.ciphers = append(ch.ciphers, v)
		} else {
			ch.grease = true
		}
	}
	b = b[2+nc:]
	ncomp := int(b[0])
	if len(b) < 1+ncomp {
		return false
	}
	b = b[1+ncomp:]
	if len(b) < 2 {
		return true // no extensions
	}
	ext := b[2:]
	if n := int(be16(b)); n < len(ext) {
		ext = ext[:n]
	}
	for len(ext) >= 4 {
		typ, n := be16(ext), int(be16(ext[2:]))
		if len(ext) < 4+n {
			return false
		}
		data := ext[4 : 4+n]
		ext = ext[4+n:]
		if isGREASE(typ) {
			continue
		}
		ch.exts = append(ch.exts, typ)
		switch typ {
		case tlsExtSNI:
			ch.sniExt = true
			// list length, then type 0 (host name), length, name
			if len(data) >= 5 && data[2] == 0 {
				if l := int(be16(data[3:])); 5+l <= len(data) {
					ch.sni = data[5 : 5+l]
				}
			}
		case tlsExtGroups:
			appendU16List(&ch.groups, data, 2)
		case tlsExtPointFormats:
			if len(data) >= 1 && 1+int(data[0]) <= len(data) {
				ch.points = data[1 : 1+int(data[0])]
			}
		case tlsExtSigAlgs:
			appendU16List(&ch.sigAlgs, data, 2)
		case tlsExtSupportedVers:
			appendU16List(&ch.versions, data, 1)
		case tlsExtALPN:
			ch.hasALPN = true
			if len(data) >= 3 {
				l := data[2:]
				if n := int(be16(data)); n < len(l) {
					l = l[:n]
				}
				for first := true; len(l) > 0; first = false {
					n := int(l[0])
					if 1+n > len(l) {
						break
					}
					p := l[1 : 1+n]
					if first {
						ch.alpnFirst = p
					}
					if string(p) == "h2" {
						ch.alpnH2 = true
					}
					l = l[1+n:]
				}
			}
		}
	}
	return true
}

// appendU16List appends the non-GREASE 16-bit values of a list whose length prefix
// is prefix bytes long.
func appendU16List(dst *[]uint16, data []byte, prefix int) {
	if len(data) < prefix {
		return
	}
	n := int(data[0])
	if prefix == 2 {
		n = int(be16(data))
	}
	l := data[prefix:]
	if n < len(l) {
		l = l[:n]
	}
	for i := 0; i+1 < len(l); i += 2 {
		if v := be16(l[i:]); !isGREASE(v) {
			*dst = append(*dst, v)
		}
	}
}

// serverHelloTLS13 reports whether a ServerHello body selects TLS 1.3 through its
// supported_versions extension.
func serverHelloTLS13(b []byte) bool {
	if len(b) < 38 {
		return false
	}
	b = b[34:]
	sid := int(b[0])
	if len(b) < 1+sid+3+2 {
		return false
	}
	ext := b[1+sid+3+2:]
	for len(ext) >= 4 {
		typ, n := be16(ext), int(be16(ext[2:]))
		if len(ext) < 4+n {
			return false
		}
		if typ == tlsExtSupportedVers && n == 2 && be16(ext[4:]) == 0x0304 {
			return true
		}
		ext = ext[4+n:]
	}
	return false
}

// torName reports whether name is what Tor puts in its link handshake: "www." and
// a random base32 label of 8 or more characters, then ".com" or ".net". A real site
// rarely fits, and fits the digit rule rarer still: the label must mix letters and
// the digits 2-7 of base32.
func torName(name []byte, tld string) bool {
	label, ok := bytes.CutPrefix(name, []byte("www."))
	if !ok {
		return false
	}
	label, ok = bytes.CutSuffix(label, []byte(tld))
	if !ok || len(label) < 8 || len(label) > 32 {
		return false
	}
	digits, letters := 0, 0
	for _, c := range label {
		switch {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= '2' && c <= '7':
			digits++
		default:
			return false
		}
	}
	return digits > 0 && letters > 0
}
