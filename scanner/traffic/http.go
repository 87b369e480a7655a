package traffic

import (
	"bytes"
	"net/netip"
	"unsafe"
)

// httpState is what a flow keeps of an HTTP/1 exchange.
type httpState struct {
	request   uint8 // httpOrigin, httpConnect or httpAbsolute: the client's request form
	proxyHdr  bool  // the request carries Proxy-Authorization or Proxy-Connection
	response  bool  // the server's first payload was read
	status    int
	via       bool // the response carries Via, which CDNs and reverse proxies add too
	viaSelf   bool // a Via entry names the server's own address: it forwarded the request
	agent     bool // the response carries Proxy-Agent, which only a forward proxy sends
	websocket bool // the request asks to upgrade to WebSocket
}

const (
	httpNone uint8 = iota
	httpOrigin
	httpConnect
	httpAbsolute
)

var httpMethods = [][]byte{[]byte("GET "), []byte("POST "), []byte("HEAD "), []byte("PUT "),
	[]byte("CONNECT "), []byte("OPTIONS "), []byte("DELETE "), []byte("PATCH ")}

// parseHTTP reads the request line and headers of the client's first payload and
// the status line and headers of the server's first payload.
func (s *Scanner) parseHTTP(in *inspection) {
	st := in.st
	h := &st.http
	if in.dir == FromClient {
		if h.request != httpNone || in.n > 1 {
			return
		}
		var target []byte
		if !parseRequest(in.pl, h, func(host []byte) {
			target = host
			if len(s.e.nameConds) > 0 {
				s.matchName(in.f, fieldHTTPHost, "HTTP host", host)
			}
		}) {
			st.httpDone = true
			return
		}
		s.requestTunnel(in, target)
		return
	}
	if h.request == httpNone {
		st.httpDone = true
		return
	}
	h.response = true
	st.httpDone = true
	line, rest := cutLine(in.pl)
	if len(line) >= 12 && bytes.HasPrefix(line, []byte("HTTP/1.")) {
		h.status = int(line[9]-'0')*100 + int(line[10]-'0')*10 + int(line[11]-'0')
	}
	for range 64 {
		var l []byte
		if l, rest = cutLine(rest); len(l) == 0 {
			break
		}
		if hasHeader(l, "via") {
			h.via = true
			h.viaSelf = h.viaSelf || viaNames(headerValue(l), in.f.Server.Addr())
		}
		if hasHeader(l, "proxy-agent") {
			h.agent = true
		}
	}
	s.answerTunnel(in)
}

// requestTunnel notes a request that opens a tunnel once answered: CONNECT, or an
// upgrade to WebSocket; what the client sent past the request head is kept for it.
func (s *Scanner) requestTunnel(in *inspection, target []byte) {
	h := &in.st.http
	switch {
	case h.request == httpConnect:
		s.pendingTunnel(in.f, tunConnect, target, 0)
	case h.websocket:
		s.pendingTunnel(in.f, tunWebSocket, target, 0)
	default:
		return
	}
	if end := headEnd(in.pl); end > 0 {
		s.keepEarly(in.f, in.pl[end:])
	}
}

// answerTunnel opens a pending CONNECT tunnel on a 2xx answer and a WebSocket one on
// 101; what the server sent past the answer's head belongs to the inner stream.
func (s *Scanner) answerTunnel(in *inspection) {
	h := &in.st.http
	t := &in.st.x.tun
	switch {
	case t.kind == tunConnect && h.status >= 200 && h.status < 300:
	case t.kind == tunWebSocket && h.status == 101:
	default:
		return
	}
	s.openTunnel(in.f, in.p)
	if end := headEnd(in.pl); end > 0 && end < len(in.pl) && t.carries() {
		s.deliverInner(in.f, FromServer, in.p, in.pl[end:])
	}
}

// headEnd returns the length of an HTTP head (through its blank line), or 0.
func headEnd(pl []byte) int {
	if i := bytes.Index(pl, []byte("\r\n\r\n")); i >= 0 {
		return i + 4
	}
	return 0
}

// viaNames reports whether a Via header's value (RFC 9110, 7.6.3: entries of
// "protocol received-by [comment]", comma-separated) has an entry received by the
// address a. A forward proxy often names itself so, by the address and port the
// client connected to; a CDN names its node by a pseudonym.
func viaNames(v []byte, a netip.Addr) bool {
	for entry := range bytes.SplitSeq(v, []byte(",")) {
		f := bytes.Fields(entry)
		if len(f) < 2 {
			continue
		}
		host := f[1]
		if ap, err := netip.ParseAddrPort(unsafe.String(&host[0], len(host))); err == nil {
			if ap.Addr().Unmap() == a.Unmap() {
				return true
			}
			continue
		}
		if b, err := netip.ParseAddr(unsafe.String(&host[0], len(host))); err == nil && b.Unmap() == a.Unmap() {
			return true
		}
	}
	return false
}

// parseRequest reads an HTTP/1 request head: its form, its proxy headers, and its
// host (from an absolute URI, a CONNECT target or the Host header), given to host.
func parseRequest(pl []byte, h *httpState, host func([]byte)) bool {
	line, rest := cutLine(pl)
	method := -1
	for i, m := range httpMethods {
		if bytes.HasPrefix(line, m) {
			method = i
			break
		}
	}
	if method < 0 {
		return false
	}
	target := line[len(httpMethods[method]):]
	sp := bytes.IndexByte(target, ' ')
	if sp < 0 || !bytes.HasPrefix(target[sp+1:], []byte("HTTP/1.")) {
		return false
	}
	target = target[:sp]
	h.request = httpOrigin
	switch {
	case method == 4:
		h.request = httpConnect
		host(target)
	case hasPrefixFold(target, "http://") || hasPrefixFold(target, "https://"):
		h.request = httpAbsolute
		u := target[bytes.IndexByte(target, '/')+2:]
		if i := bytes.IndexAny(u, "/?#"); i >= 0 {
			u = u[:i]
		}
		host(u)
	}
	for range 64 {
		var l []byte
		if l, rest = cutLine(rest); len(l) == 0 {
			break
		}
		switch {
		case hasHeader(l, "host"):
			if h.request == httpOrigin {
				host(headerValue(l))
			}
		case hasHeader(l, "proxy-authorization"), hasHeader(l, "proxy-connection"):
			h.proxyHdr = true
		case hasHeader(l, "upgrade"):
			h.websocket = hasPrefixFold(headerValue(l), "websocket")
		}
	}
	return true
}

// cutLine splits off the first CRLF- or LF-terminated line.
func cutLine(b []byte) (line, rest []byte) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil
	}
	return bytes.TrimSuffix(b[:i], []byte("\r")), b[i+1:]
}

// hasHeader reports whether line is the header name (compared without case).
func hasHeader(line []byte, name string) bool {
	return len(line) > len(name) && line[len(name)] == ':' && hasPrefixFold(line, name)
}

func headerValue(line []byte) []byte {
	return bytes.TrimSpace(line[bytes.IndexByte(line, ':')+1:])
}

func hasPrefixFold(b []byte, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for i := range len(p) {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}
