package traffic

import (
	"encoding/binary"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// Nebula's packets start with a 16-byte header in clear (nebula's header package):
// version (4 bits, 1) and message type (4 bits, 0 for a handshake), a subtype (0:
// the ix_psk0 handshake), two reserved zero bytes, the remote index (32 bits) and
// a message counter (64 bits). A handshake's first message goes out with remote
// index 0 and counter 1; the responder's answer carries the initiator's index and
// counter 2. Both carry Noise IX messages (an ephemeral key first), so neither is
// short.
const (
	nebulaHeader       = 16
	nebulaMinHandshake = nebulaHeader + 32 + 16
)

// nebulaHandshake reads a Nebula handshake header: remote index and counter.
func nebulaHandshake(pl []byte) (remote uint32, counter uint64, ok bool) {
	if len(pl) < nebulaMinHandshake || pl[0] != 0x10 || pl[1] != 0 || pl[2] != 0 || pl[3] != 0 {
		return 0, 0, false
	}
	return binary.BigEndian.Uint32(pl[4:]), binary.BigEndian.Uint64(pl[8:]), true
}

// inspectNebula recognises Nebula's handshake: the initiator's first message
// (remote index 0, counter 1), answered by the responder's (the initiator's index,
// counter 2).
func inspectNebula(in *inspection) verdict {
	if in.proto() != decode.ProtoUDP {
		return rejected
	}
	remote, counter, ok := nebulaHandshake(in.pl)
	if !ok {
		return rejected
	}
	if in.fromClient() {
		// A lost first message is sent again, alike.
		if remote != 0 || counter != 1 || in.n > 3 {
			return rejected
		}
		return undecided
	}
	if in.f.Inspected[FromClient] == 0 || remote == 0 || counter != 2 {
		return rejected
	}
	return matched(confHigh, "Nebula handshake (stage 1, remote index 0) answered by stage 2 with the initiator's index")
}
