package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// inspectHTTPProxy recognises requests made to an HTTP forward proxy: a CONNECT
// request, or a request whose target is an absolute URI (RFC 9112, 3.2.2 and 3.2.3),
// which only a proxy is sent. The proxy's answer (200 to a CONNECT, a Via or
// Proxy-Agent header) makes it high confidence; a Via header on its own, which CDNs
// send too, is never enough.
func inspectHTTPProxy(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	h := &in.st.http
	switch h.request {
	case httpNone:
		if in.st.httpDone {
			return rejected
		}
		return undecided
	case httpOrigin:
		return rejected
	}
	if !h.response && !in.final && in.f.Inspected[FromServer] == 0 {
		return undecided
	}
	if h.request == httpConnect {
		switch {
		case h.response && h.status == 200:
			return matched(confHigh, "CONNECT request answered 200")
		case h.response && h.proxyResp:
			return matched(confHigh, "CONNECT request answered with a Via or Proxy-Agent header")
		}
		return matched(confMedium, "CONNECT request")
	}
	if h.response && h.proxyResp || h.proxyHdr {
		return matched(confHigh, "request with an absolute URI and proxy headers")
	}
	return matched(confMedium, "request with an absolute URI, as sent to a forward proxy")
}
