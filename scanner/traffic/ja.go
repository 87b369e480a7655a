package traffic

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
)

// ja3 computes the JA3 fingerprint of a ClientHello (version, ciphers, extensions,
// groups and point formats, GREASE left out) as 32 hex digits in out.
func (sc *tlsScratch) ja3(ch *clientHello, out *[32]byte) {
	t := sc.text[:0]
	t = strconv.AppendUint(t, uint64(ch.version), 10)
	t = append(t, ',')
	t = appendDec(t, ch.ciphers)
	t = append(t, ',')
	t = appendDec(t, ch.exts)
	t = append(t, ',')
	t = appendDec(t, ch.groups)
	t = append(t, ',')
	for i, p := range ch.points {
		if i > 0 {
			t = append(t, '-')
		}
		t = strconv.AppendUint(t, uint64(p), 10)
	}
	sc.text = t
	sum := md5.Sum(t)
	hex.Encode(out[:], sum[:])
}

func appendDec(t []byte, vs []uint16) []byte {
	for i, v := range vs {
		if i > 0 {
			t = append(t, '-')
		}
		t = strconv.AppendUint(t, uint64(v), 10)
	}
	return t
}

// ja4 computes the JA4 fingerprint of a ClientHello over TCP, as its specification
// writes it: t13d1516h2_8daaf6152771_02713d6af862. The ALPN part is the first and
// last character of the first protocol ("h1" for http/1.1, as the specification
// says; nDPI 4.2 writes "ht").
func (sc *tlsScratch) ja4(ch *clientHello, out *[36]byte) {
	o := out[:0]
	o = append(o, 't')
	v := ch.version
	if len(ch.versions) > 0 {
		v = slices.Max(ch.versions)
	}
	switch v {
	case 0x0304:
		o = append(o, "13"...)
	case 0x0303:
		o = append(o, "12"...)
	case 0x0302:
		o = append(o, "11"...)
	case 0x0301:
		o = append(o, "10"...)
	case 0x0300:
		o = append(o, "s3"...)
	default:
		o = append(o, "00"...)
	}
	if ch.sniExt {
		o = append(o, 'd')
	} else {
		o = append(o, 'i')
	}
	o = append2(o, len(ch.ciphers))
	o = append2(o, len(ch.exts))
	switch a := ch.alpnFirst; {
	case len(a) == 0:
		o = append(o, "00"...)
	case isAlnum(a[0]) && isAlnum(a[len(a)-1]):
		o = append(o, a[0], a[len(a)-1])
	default:
		h := hex.EncodeToString([]byte{a[0], a[len(a)-1]})
		o = append(o, h[0], h[3])
	}
	o = append(o, '_')
	s := append(sc.sort[:0], ch.ciphers...)
	slices.Sort(s)
	o = sc.hash12(o, s, nil)
	o = append(o, '_')
	s = s[:0]
	for _, e := range ch.exts {
		if e != tlsExtSNI && e != tlsExtALPN {
			s = append(s, e)
		}
	}
	slices.Sort(s)
	o = sc.hash12(o, s, ch.sigAlgs)
	sc.sort = s
	copy(out[:], o)
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func append2(o []byte, n int) []byte {
	n = min(n, 99)
	return append(o, byte('0'+n/10), byte('0'+n%10))
}

// hash12 appends the first 12 hex digits of the SHA-256 of the values written as
// 4-digit hex joined by commas, then "_" and the second list when there is one;
// twelve zeros when the first list is empty.
func (sc *tlsScratch) hash12(o []byte, vs, then []uint16) []byte {
	if len(vs) == 0 {
		return append(o, "000000000000"...)
	}
	t := appendHexList(sc.text[:0], vs)
	if len(then) > 0 {
		t = append(t, '_')
		t = appendHexList(t, then)
	}
	sc.text = t
	sum := sha256.Sum256(t)
	var h [12]byte
	hex.Encode(h[:], sum[:6])
	return append(o, h[:]...)
}

func appendHexList(t []byte, vs []uint16) []byte {
	const digits = "0123456789abcdef"
	for i, v := range vs {
		if i > 0 {
			t = append(t, ',')
		}
		t = append(t, digits[v>>12], digits[v>>8&15], digits[v>>4&15], digits[v&15])
	}
	return t
}
