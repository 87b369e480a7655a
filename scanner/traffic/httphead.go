package traffic

import "bytes"

// The fingerprints that read HTTP themselves (DERP, SSTP, VPN portals, Tor's
// directory, mining RPC) look at one payload's request or status line, headers and
// the start of the body with these helpers. The HTTP parser (http.go) keeps only
// what the rules match (hosts, proxy headers), not paths or bodies.

// requestLine splits an HTTP/1 request line into its method and target. The method
// is any token of upper-case letters and underscores (SSTP_DUPLEX_POST is one).
func requestLine(pl []byte) (method, target []byte, ok bool) {
	// The method first: most payloads (TLS, binary protocols) fail on its first
	// byte, before the line is looked for.
	sp := 0
	for sp < len(pl) && sp <= 20 && (pl[sp] >= 'A' && pl[sp] <= 'Z' || pl[sp] == '_') {
		sp++
	}
	if sp < 3 || sp > 20 || sp == len(pl) || pl[sp] != ' ' {
		return nil, nil, false
	}
	line, _ := cutLine(pl)
	rest := line[sp+1:]
	sp2 := bytes.IndexByte(rest, ' ')
	if sp2 < 1 || !bytes.HasPrefix(rest[sp2+1:], []byte("HTTP/1.")) {
		return nil, nil, false
	}
	return line[:sp], rest[:sp2], true
}

// statusCode returns the status of an HTTP/1 response's first line, or 0.
func statusCode(pl []byte) int {
	if len(pl) < 12 || !bytes.HasPrefix(pl, []byte("HTTP/1.")) || pl[8] != ' ' {
		return 0
	}
	n := 0
	for _, c := range pl[9:12] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// headerOf returns the value of the first header called name (lower case) in the
// head of an HTTP/1 message, looking at 64 lines at most.
func headerOf(pl []byte, name string) ([]byte, bool) {
	_, rest := cutLine(pl)
	for range 64 {
		var l []byte
		if l, rest = cutLine(rest); len(l) == 0 {
			break
		}
		if hasHeader(l, name) {
			return headerValue(l), true
		}
	}
	return nil, false
}

// anyHeader reports whether a header called name (lower case) in the head of an
// HTTP/1 message has a value ok accepts, looking at 64 lines at most.
func anyHeader(pl []byte, name string, ok func([]byte) bool) bool {
	_, rest := cutLine(pl)
	for range 64 {
		var l []byte
		if l, rest = cutLine(rest); len(l) == 0 {
			break
		}
		if hasHeader(l, name) && ok(headerValue(l)) {
			return true
		}
	}
	return false
}

// contentLength returns the Content-Length of an HTTP/1 message's head, or -1.
func contentLength(pl []byte) int {
	v, ok := headerOf(pl, "content-length")
	if !ok || len(v) == 0 || len(v) > 12 {
		return -1
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// bodyOf returns what follows the head of an HTTP/1 message, and whether the
// head's end was in pl.
func bodyOf(pl []byte) ([]byte, bool) {
	if i := bytes.Index(pl, []byte("\r\n\r\n")); i >= 0 {
		return pl[i+4:], true
	}
	if i := bytes.Index(pl, []byte("\n\n")); i >= 0 {
		return pl[i+2:], true
	}
	return nil, false
}

// hasPathPrefix reports whether an HTTP target is path or starts with path
// followed by '/', '?' or ';' (or ends with '/').
func hasPathPrefix(target []byte, path string) bool {
	if !bytes.HasPrefix(target, []byte(path)) {
		return false
	}
	if len(target) == len(path) || path[len(path)-1] == '/' {
		return true
	}
	switch target[len(path)] {
	case '/', '?', ';':
		return true
	}
	return false
}
