package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// inspectStratum recognises the Stratum mining protocol: the client's first message
// is a JSON-RPC call of mining.subscribe or mining.authorize (Stratum v1), or a
// login with a miner's agent string (the Monero variant XMRig speaks).
func inspectStratum(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP || !in.fromClient() || in.n != 1 {
		return rejected
	}
	pl := in.pl
	if len(pl) < 20 || pl[0] != '{' || !bytes.Contains(pl, []byte(`"method"`)) {
		return rejected
	}
	switch {
	case bytes.Contains(pl, []byte(`"mining.subscribe"`)), bytes.Contains(pl, []byte(`"mining.authorize"`)):
		return matched(confHigh, "JSON-RPC call of mining.subscribe or mining.authorize")
	case bytes.Contains(pl, []byte(`"login"`)) && bytes.Contains(pl, []byte(`"agent"`)):
		return matched(confHigh, "JSON-RPC login with a miner agent")
	}
	return rejected
}
