package traffic

// der reads the DER encoding of an X.509 certificate just far enough to find its
// names, without allocating: each call returns views into the input.

// derNext splits the first DER element off b: its tag, its content and what follows.
// ok is false when b does not start with a complete element of definite length.
func derNext(b []byte) (tag byte, content, rest []byte, ok bool) {
	if len(b) < 2 {
		return 0, nil, nil, false
	}
	tag = b[0]
	if tag&0x1f == 0x1f {
		return 0, nil, nil, false // high tag numbers do not occur in certificates
	}
	n, off := int(b[1]), 2
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 3 || len(b) < 2+k {
			return 0, nil, nil, false
		}
		n = 0
		for _, c := range b[2 : 2+k] {
			n = n<<8 | int(c)
		}
		off += k
	}
	if n > len(b)-off {
		return 0, nil, nil, false
	}
	return tag, b[off : off+n], b[off+n:], true
}

// DER tags and object identifiers the certificate reader needs.
const (
	derSequence = 0x30
	derSet      = 0x31
	derOID      = 0x06
	derInteger  = 0x02
)

var (
	oidCommonName = []byte{0x55, 0x04, 0x03}
	oidOrg        = []byte{0x55, 0x04, 0x0a}
	oidSAN        = []byte{0x55, 0x1d, 0x11}
)

// certNames calls fn with the names of a DER certificate: the subject's common
// name and SAN DNS names as certificate names, the issuer's common name and
// organization as issuer names. It reports whether the certificate was read.
func certNames(der []byte, fn func(issuer bool, name []byte)) bool {
	_, cert, _, ok := derNext(der)
	if !ok {
		return false
	}
	tag, tbs, _, ok := derNext(cert)
	if !ok || tag != derSequence {
		return false
	}
	if len(tbs) > 0 && tbs[0] == 0xa0 { // explicit version
		if _, _, tbs, ok = derNext(tbs); !ok {
			return false
		}
	}
	var issuer, subject []byte
	for i := 0; i < 5; i++ { // serial, signature, issuer, validity, subject
		var el []byte
		if _, el, tbs, ok = derNext(tbs); !ok {
			return false
		}
		switch i {
		case 2:
			issuer = el
		case 4:
			subject = el
		}
	}
	nameAttrs(issuer, func(oid, v []byte) {
		if string(oid) == string(oidCommonName) || string(oid) == string(oidOrg) {
			fn(true, v)
		}
	})
	nameAttrs(subject, func(oid, v []byte) {
		if string(oid) == string(oidCommonName) {
			fn(false, v)
		}
	})
	// The rest: public key, then optional [1], [2] and [3] extensions.
	for len(tbs) > 0 {
		var el []byte
		if tag, el, tbs, ok = derNext(tbs); !ok {
			return true
		}
		if tag == 0xa3 {
			sanNames(el, func(n []byte) { fn(false, n) })
		}
	}
	return true
}

// nameAttrs calls fn with each attribute of an X.501 Name.
func nameAttrs(name []byte, fn func(oid, value []byte)) {
	for len(name) > 0 {
		_, set, rest, ok := derNext(name)
		if !ok {
			return
		}
		name = rest
		for len(set) > 0 {
			_, atv, r, ok := derNext(set)
			if !ok {
				break
			}
			set = r
			tag, oid, v, ok := derNext(atv)
			if !ok || tag != derOID {
				continue
			}
			if _, val, _, ok := derNext(v); ok {
				fn(oid, val)
			}
		}
	}
}

// sanNames calls fn with the dNSName entries of the subjectAltName extension.
func sanNames(ext []byte, fn func([]byte)) {
	_, list, _, ok := derNext(ext)
	if !ok {
		return
	}
	for len(list) > 0 {
		_, e, rest, ok := derNext(list)
		if !ok {
			return
		}
		list = rest
		tag, oid, v, ok := derNext(e)
		if !ok || tag != derOID || string(oid) != string(oidSAN) {
			continue
		}
		if len(v) > 0 && v[0] == 0x01 { // critical flag
			if _, _, v, ok = derNext(v); !ok {
				continue
			}
		}
		_, octets, _, ok := derNext(v)
		if !ok {
			continue
		}
		_, gns, _, ok := derNext(octets)
		for ok && len(gns) > 0 {
			var tag byte
			var n []byte
			if tag, n, gns, ok = derNext(gns); ok && tag == 0x82 {
				fn(n)
			}
		}
	}
}
