package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// inspectHTTPProxy recognises requests made to an HTTP forward proxy: a CONNECT
// request, or a request whose target is an absolute URI (RFC 9112, 3.2.2 and 3.2.3).
// Only the proxy's own answer makes it high confidence: 2xx to a CONNECT, a
// Proxy-Agent header, a Via header naming the server's own address, or 407 (Proxy
// Authentication Required). The request alone is
// what the client sent, not what the server is: every web server is sent CONNECT
// and absolute-URI probes by scanners looking for open proxies, and an origin server
// must accept absolute URIs, which some apps (WeChat) send to their own servers. So
// a CONNECT no one answered is medium, one refused with another status low; an
// absolute URI is medium with the request's proxy headers or a Via in the answer
// (which CDNs add too, so never more), and low alone.
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
	switch {
	case h.request == httpConnect && h.response && h.status >= 200 && h.status < 300:
		return matched(confHigh, "CONNECT request answered 2xx (connection established)")
	case h.response && h.status == 407:
		return matched(confHigh, "request answered 407 Proxy Authentication Required")
	case h.response && h.agent:
		return matched(confHigh, "request answered with a Proxy-Agent header")
	case h.response && h.viaSelf:
		return matched(confHigh, "request answered with a Via header naming the server itself")
	case h.request == httpConnect && h.response:
		return matched(confLow, "CONNECT request refused (answered with an error status, as web servers answer proxy probes)")
	case h.request == httpConnect:
		return matched(confMedium, "CONNECT request (no answer seen)")
	case h.proxyHdr:
		return matched(confMedium, "request with an absolute URI and proxy headers")
	case h.response && h.via:
		return matched(confMedium, "request with an absolute URI answered with a Via header")
	}
	return matched(confLow, "request with an absolute URI (origin servers are sent them too)")
}
