package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// A ZeroTier packet (node/Packet.hpp) starts with an 8-byte packet id, the
// destination and source addresses (5 bytes each), a flags/cipher/hops byte
// (FFCCCHHH), an 8-byte MAC and the verb. Only HELLO travels in clear: cipher
// suite 0 (Poly1305 without encryption), verb 1, then the protocol version, the
// software's major, minor and revision, a timestamp and the sender's identity,
// whose first 5 bytes are its address (the header's source again) followed by the
// key type 0 (Curve25519/Ed25519) and 64 bytes of public keys.
const (
	ztIdxDest     = 8
	ztIdxSource   = 13
	ztIdxFlags    = 18
	ztIdxVerb     = 27
	ztIdxIdentity = 41
	ztHelloMin    = ztIdxIdentity + 5 + 1 + 64 + 1
	ztVerbHello   = 1
	ztHeaderLen   = 28
)

// zeroTierState keeps the addresses of the client's HELLO, which an answer turns
// around.
type zeroTierState struct {
	hello    bool
	src, dst [5]byte
}

// zeroTierHello reports whether pl is a ZeroTier HELLO in clear.
func zeroTierHello(pl []byte) bool {
	if len(pl) < ztHelloMin || pl[ztIdxFlags]&0x78 != 0 || pl[ztIdxVerb] != ztVerbHello {
		return false
	}
	dst, src := pl[ztIdxDest:ztIdxDest+5], pl[ztIdxSource:ztIdxSource+5]
	if !ztAddress(dst) || !ztAddress(src) || bytes.Equal(dst, src) {
		return false
	}
	// Protocol versions run from 4 (ZeroTier 1.0) to the low teens today.
	if v := pl[ztIdxVerb+1]; v < 4 || v > 63 {
		return false
	}
	return bytes.Equal(pl[ztIdxIdentity:ztIdxIdentity+5], src) && pl[ztIdxIdentity+5] == 0
}

// ztAddress reports whether a is a usable ZeroTier address: not zero and not in
// the reserved 0xff prefix.
func ztAddress(a []byte) bool {
	return a[0] != 0xff && !bytes.Equal(a, []byte{0, 0, 0, 0, 0})
}

// inspectZeroTier recognises ZeroTier by its HELLO, whose identity's address is
// the header's source address (medium), answered by a packet addressed back to
// that address from the HELLO's destination (high).
func inspectZeroTier(in *inspection) verdict {
	st := &in.st.fps.zt
	if in.final {
		if st.hello {
			return matched(confMedium, "ZeroTier HELLO whose identity is its source address")
		}
		return rejected
	}
	if in.proto() != decode.ProtoUDP {
		return rejected
	}
	pl := in.pl
	if in.fromClient() {
		if !st.hello && zeroTierHello(pl) {
			st.hello = true
			copy(st.src[:], pl[ztIdxSource:])
			copy(st.dst[:], pl[ztIdxDest:])
		}
		if !st.hello && in.n >= 3 {
			return rejected
		}
		return undecided
	}
	if st.hello && len(pl) >= ztHeaderLen && bytes.Equal(pl[ztIdxDest:ztIdxDest+5], st.src[:]) &&
		bytes.Equal(pl[ztIdxSource:ztIdxSource+5], st.dst[:]) {
		return matched(confHigh, "ZeroTier HELLO whose identity is its source address, answered by that address's peer")
	}
	if !st.hello && in.f.Inspected[FromClient] == 0 && in.n >= 3 {
		return rejected
	}
	return undecided
}
