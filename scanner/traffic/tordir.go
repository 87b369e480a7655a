package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// Tor relays and authorities serve the directory protocol (dir-spec.txt, section
// "Directory cache operation") over HTTP/1.0 on their DirPort, in clear: GET
// /tor/server/..., /tor/extra/..., /tor/status-vote/current/consensus...,
// /tor/micro/d/..., /tor/keys/..., and descriptor uploads by POST to /tor/. A
// Tor directory answers in HTTP/1.0 whatever the request's version, and to a
// client on a public address adds X-Your-Address-Is.
var torDirPaths = []string{"/tor/server/", "/tor/extra/", "/tor/status-vote/", "/tor/micro/d/", "/tor/keys/", "/tor/hs/", "/tor/rendezvous2/"}

// torDirRequest reports whether pl is a request for a Tor directory resource.
func torDirRequest(pl []byte) bool {
	method, target, ok := requestLine(pl)
	if !ok {
		return false
	}
	switch string(method) {
	case "GET", "HEAD":
		for _, p := range torDirPaths {
			if bytes.HasPrefix(target, []byte(p)) && len(target) > len(p) {
				return true
			}
		}
	case "POST":
		return string(target) == "/tor/" || bytes.HasPrefix(target, []byte("/tor/post/")) || string(target) == "/tor/hs/3/publish"
	}
	return false
}

// inspectTorDir recognises the Tor directory protocol: a request for a directory
// resource answered the way a Tor directory answers, in HTTP/1.0: with
// X-Your-Address-Is (high), or 200 without it (medium). A request alone, or one
// answered otherwise, is not enough: anyone can type such a path.
func inspectTorDir(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	if in.fromClient() {
		if in.n == 1 && !torDirRequest(in.pl) {
			return rejected
		}
		return undecided
	}
	if in.f.Inspected[FromClient] == 0 || in.n != 1 || !bytes.HasPrefix(in.pl, []byte("HTTP/1.0 ")) {
		return rejected
	}
	if _, ok := headerOf(in.pl, "x-your-address-is"); ok {
		return matched(confHigh, "Tor directory request answered in HTTP/1.0 with X-Your-Address-Is")
	}
	if statusCode(in.pl) == 200 {
		return matched(confMedium, "Tor directory request (/tor/...) answered 200 in HTTP/1.0")
	}
	return rejected
}
