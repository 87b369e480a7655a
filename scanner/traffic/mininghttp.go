package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// Miners and pools that work over HTTP JSON-RPC rather than Stratum call a coin
// node's mining methods: getblocktemplate and submitblock (BIP 22/23, bitcoind
// and its forks), getwork (the older interface cpuminer and cgminer spoke),
// getauxblock and submitauxblock (merged mining), Monero's get_block_template and
// submit_block, and Ethereum's eth_getWork and eth_submitWork. Mining programs
// also name themselves in the User-Agent of their requests (cpuminer/2.5.1,
// cgminer/4.12.1, XMRig/6.21.0 ...).
var miningMethods = []string{
	"getblocktemplate", "submitblock", "getwork", "getauxblock", "createauxblock", "submitauxblock",
	"get_block_template", "submit_block", "eth_getWork", "eth_submitWork", "eth_submitHashrate",
}

// minerAgents are the product names of mining programs, as their User-Agent
// header starts (compared without case).
var minerAgents = []string{
	"cpuminer", "minerd", "cgminer", "bfgminer", "sgminer", "ccminer", "xmrig", "xmr-stak",
	"ethminer", "nbminer", "lolminer", "t-rex", "teamredminer", "srbminer", "nanominer", "gminer", "bminer",
}

// miningHTTPState follows one HTTP exchange: whether the request's body is still
// to come, and whether it called a mining method.
type miningHTTPState struct {
	bodyNext bool
	method   bool
}

// miningMethod reports whether a JSON-RPC body calls a mining method: the first
// "method" member's value (the body of a batch is read the same way).
func miningMethod(body []byte) bool {
	i := bytes.Index(body, []byte(`"method"`))
	if i < 0 {
		return false
	}
	v := bytes.TrimLeft(body[i+len(`"method"`):], " \t\r\n")
	if len(v) == 0 || v[0] != ':' {
		return false
	}
	v = bytes.TrimLeft(v[1:], " \t\r\n")
	if len(v) < 2 || v[0] != '"' {
		return false
	}
	end := bytes.IndexByte(v[1:], '"')
	if end < 0 {
		return false
	}
	name := v[1 : 1+end]
	for _, m := range miningMethods {
		if string(name) == m {
			return true
		}
	}
	return false
}

// minerAgent reports whether a User-Agent value names a mining program: its first
// product token is the name, alone or with a suffix after '-' (cpuminer-multi,
// cpuminer-opt, xmrig-proxy).
func minerAgent(ua []byte) bool {
	end := bytes.IndexAny(ua, "/ ")
	if end < 0 {
		end = len(ua)
	}
	tok := ua[:end]
	for _, a := range minerAgents {
		if len(tok) >= len(a) && hasPrefixFold(tok, a) && (len(tok) == len(a) || tok[len(a)] == '-') {
			return true
		}
	}
	return false
}

// miningTemplate reports whether a response body carries mining work: a block
// template (previousblockhash, coinbasevalue), getwork's midstate, Monero's
// blocktemplate_blob.
func miningTemplate(body []byte) bool {
	return bytes.Contains(body, []byte(`"coinbasevalue"`)) && bytes.Contains(body, []byte(`"previousblockhash"`)) ||
		bytes.Contains(body, []byte(`"midstate"`)) || bytes.Contains(body, []byte(`"blocktemplate_blob"`))
}

// inspectMiningHTTP recognises mining over HTTP: a request whose User-Agent names
// a mining program (high), or a JSON-RPC POST calling a mining method, answered
// with mining work (high) or left unanswered or answered otherwise (medium: pool
// software and block explorers call these too, but ordinary wallets do not).
func inspectMiningHTTP(in *inspection) verdict {
	st := &in.st.fps.mine
	if in.final {
		if st.method {
			return matched(confMedium, "HTTP JSON-RPC call of a mining method (getblocktemplate, getwork, submitblock...)")
		}
		return rejected
	}
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	pl := in.pl
	if !in.fromClient() {
		if !st.method || in.f.Inspected[FromClient] == 0 {
			return rejected
		}
		body := pl
		if in.n == 1 {
			if statusCode(pl) != 200 {
				return matched(confMedium, "HTTP JSON-RPC call of a mining method (getblocktemplate, getwork, submitblock...)")
			}
			body, _ = bodyOf(pl)
		}
		if miningTemplate(body) {
			return matched(confHigh, "HTTP JSON-RPC call of a mining method answered with mining work")
		}
		// A large template comes in several segments: look at the next one too.
		if in.n == 1 && contentLength(pl) > len(body) {
			return undecided
		}
		return matched(confMedium, "HTTP JSON-RPC call of a mining method (getblocktemplate, getwork, submitblock...)")
	}
	switch {
	case in.n == 1:
		method, _, ok := requestLine(pl)
		if !ok {
			return rejected
		}
		if ua, ok := headerOf(pl, "user-agent"); ok && minerAgent(ua) {
			return matched(confHigh, "HTTP request with a mining program's User-Agent")
		}
		if string(method) != "POST" {
			return rejected
		}
		body, ok := bodyOf(pl)
		if !ok {
			return rejected
		}
		if len(body) == 0 {
			st.bodyNext = true
			return undecided
		}
		st.method = miningMethod(body)
	case in.n == 2 && st.bodyNext:
		st.bodyNext = false
		st.method = miningMethod(pl)
	}
	if !st.method && !st.bodyNext {
		return rejected
	}
	return undecided
}
