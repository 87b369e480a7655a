package traffic

import (
	"crypto/ed25519"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"time"
)

// Builders of TLS handshake messages for tests, written from RFC 8446 and 5246.

func u16(v int) []byte { return []byte{byte(v >> 8), byte(v)} }
func u24(v int) []byte { return []byte{byte(v >> 16), byte(v >> 8), byte(v)} }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func tlsExt(typ int, data []byte) []byte { return cat(u16(typ), u16(len(data)), data) }

// tlsRecord wraps a body in a TLS 1.2 record.
func tlsRecord(typ byte, body []byte) []byte { return cat([]byte{typ, 3, 3}, u16(len(body)), body) }

// handshakeMsg wraps a body in a handshake header.
func handshakeMsg(typ byte, body []byte) []byte { return cat([]byte{typ}, u24(len(body)), body) }

// testClientHello is a ClientHello with a server name (none if empty), ALPN
// protocols (no extension if none) and, when tls13, supported_versions.
func testClientHello(sni string, alpn []string, tls13 bool) []byte {
	random := make([]byte, 32)
	for i := range random {
		random[i] = byte(i * 7)
	}
	ciphers := cat(u16(0x0a0a), u16(0x1301), u16(0x1302), u16(0xc02b), u16(0xc02f), u16(0x009c))
	var ext []byte
	if sni != "" {
		name := cat([]byte{0}, u16(len(sni)), []byte(sni))
		ext = append(ext, tlsExt(0, cat(u16(len(name)), name))...)
	}
	ext = append(ext, tlsExt(0x000a, cat(u16(4), u16(0x001d), u16(0x0017)))...)
	ext = append(ext, tlsExt(0x000b, []byte{1, 0})...)
	ext = append(ext, tlsExt(0x000d, cat(u16(4), u16(0x0403), u16(0x0804)))...)
	if len(alpn) > 0 {
		var l []byte
		for _, p := range alpn {
			l = append(l, byte(len(p)))
			l = append(l, p...)
		}
		ext = append(ext, tlsExt(0x0010, cat(u16(len(l)), l))...)
	}
	if tls13 {
		ext = append(ext, tlsExt(0x002b, []byte{4, 0x03, 0x04, 0x03, 0x03})...)
	}
	body := cat([]byte{3, 3}, random, []byte{0}, u16(len(ciphers)), ciphers, []byte{1, 0}, u16(len(ext)), ext)
	return tlsRecord(tlsHandshake, handshakeMsg(tlsClientHello, body))
}

// testServerHello is a ServerHello, choosing TLS 1.3 through supported_versions
// when tls13.
func testServerHello(tls13 bool) []byte {
	random := make([]byte, 32)
	var ext []byte
	if tls13 {
		ext = tlsExt(0x002b, u16(0x0304))
	}
	body := cat([]byte{3, 3}, random, []byte{0}, u16(0xc02f), []byte{0}, u16(len(ext)), ext)
	return handshakeMsg(tlsServerHello, body)
}

// testCertificateMsg is a Certificate message holding one certificate.
func testCertificateMsg(der []byte) []byte {
	list := cat(u24(len(der)), der)
	return handshakeMsg(tlsCertificate, cat(u24(len(list)), list))
}

// testCert makes a self-signed-looking certificate (signed by a fixed Ed25519 key,
// so the bytes are the same every run) with the given names.
func testCert(subjectCN string, subjectOrg []string, issuerCN string, issuerOrg []string, san []string) []byte {
	key := ed25519.NewKeyFromSeed(make([]byte, 32))
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7),
		Subject:      pkix.Name{CommonName: subjectCN, Organization: subjectOrg},
		Issuer:       pkix.Name{CommonName: issuerCN, Organization: issuerOrg},
		NotBefore:    time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2034, 1, 1, 0, 0, 0, 0, time.UTC),
		DNSNames:     san,
	}
	parent := &x509.Certificate{Subject: tmpl.Issuer, PublicKey: key.Public()}
	der, err := x509.CreateCertificate(nil, tmpl, parent, key.Public(), key)
	if err != nil {
		panic(err)
	}
	return der
}

// tls12Server is what a TLS 1.2 server sends first: ServerHello and Certificate in
// one record.
func tls12Server(der []byte) []byte {
	return tlsRecord(tlsHandshake, cat(testServerHello(false), testCertificateMsg(der)))
}
