package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// tincState follows a tinc meta connection.
type tincState struct {
	client bool // the client's ID line was seen
}

// tincID reports whether pl starts with a tinc ID request of protocol 17: "0 NAME
// 17" or "0 NAME 17.MINOR", then a newline.
func tincID(pl []byte) bool {
	line, _, ok := bytes.Cut(pl, []byte("\n"))
	if !ok || len(line) < 6 || line[0] != '0' || line[1] != ' ' {
		return false
	}
	f := bytes.Fields(line[2:])
	if len(f) != 2 || len(f[0]) > 64 {
		return false
	}
	for _, c := range f[0] {
		if !isAlnum(c) && c != '_' {
			return false
		}
	}
	v := f[1]
	if !bytes.HasPrefix(v, []byte("17")) {
		return false
	}
	if v = v[2:]; len(v) > 0 && v[0] == '.' {
		v = v[1:]
		if len(v) == 0 {
			return false
		}
		for _, c := range v {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return len(v) == 0
}

// inspectTinc recognises the tinc VPN: over TCP, both ends of the meta connection
// send their ID line; a UDP flow between two hosts that did so is their tunnel.
func inspectTinc(in *inspection) verdict {
	st := &in.st.tinc
	switch in.proto() {
	case decode.ProtoUDP:
		if in.s.peers.has(peerTinc, in.f.Client.Addr(), in.f.Server.Addr()) {
			return in.matchedUndirected(fpTinc, confMedium, "UDP between two hosts that opened a tinc meta connection")
		}
		return rejected
	case decode.ProtoTCP:
	default:
		return rejected
	}
	if in.n != 1 || !tincID(in.pl) {
		return rejected
	}
	if in.fromClient() {
		st.client = true
		return undecided
	}
	if !st.client {
		return rejected
	}
	in.s.peers.add(peerTinc, in.f.Client.Addr(), in.f.Server.Addr())
	return matched(confHigh, "both ends send a tinc ID line of protocol 17")
}
