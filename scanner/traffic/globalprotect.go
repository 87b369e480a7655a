package traffic

import (
	"bytes"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// GlobalProtect (Palo Alto Networks) clients talk HTTP to the portal and gateway:
// /global-protect/prelogin.esp and getconfig.esp, /ssl-vpn/prelogin.esp,
// login.esp, getconfig.esp and hipreport.esp, and /ssl-tunnel-connect.sslvpn,
// which the gateway answers with START_TUNNEL before the tunnel's own frames
// (openconnect's gpst.c and auth-globalprotect.c). All of it is inside TLS in
// practice, so it shows only where TLS is offloaded before the capture point.
// The tunnel over UDP 4501 is ESP in UDP whose keepalives are ESP-encrypted ICMP:
// nothing in clear to read there.
var gpPaths = []string{
	"/global-protect/prelogin.esp", "/global-protect/getconfig.esp",
	"/ssl-vpn/prelogin.esp", "/ssl-vpn/login.esp", "/ssl-vpn/getconfig.esp",
	"/ssl-vpn/hipreportcheck.esp", "/ssl-vpn/hipreport.esp", "/ssl-tunnel-connect.sslvpn",
}

// inspectGlobalProtect recognises a GlobalProtect client's request to one of the
// portal's or gateway's own resources, answered by the gateway. A request alone is
// never enough: internet scanners probe these paths on every web server, and
// some servers answer 200 to any path, so the answer must be the gateway's own:
// START_TUNNEL, or the prelogin or getconfig XML response.
func inspectGlobalProtect(in *inspection) verdict {
	if in.proto() != decode.ProtoTCP {
		return rejected
	}
	if in.fromClient() {
		if in.n == 1 && !vendorRequest(in.pl, gpPaths) {
			return rejected
		}
		return undecided
	}
	if in.f.Inspected[FromClient] == 0 || in.n != 1 {
		return rejected
	}
	pl := in.pl
	if bytes.HasPrefix(pl, []byte("START_TUNNEL")) {
		return matched(confHigh, "GlobalProtect tunnel request answered START_TUNNEL")
	}
	if code := statusCode(pl); code < 200 || code > 299 {
		return rejected
	}
	if body, _ := bodyOf(pl); bytes.Contains(body, []byte("<prelogin-response>")) || bytes.Contains(body, []byte("<policy>")) {
		return matched(confHigh, "GlobalProtect portal or gateway request answered with its XML response")
	}
	return rejected
}

// vendorRequest reports whether pl is an HTTP GET or POST of one of paths.
func vendorRequest(pl []byte, paths []string) bool {
	method, target, ok := requestLine(pl)
	if !ok || string(method) != "GET" && string(method) != "POST" {
		return false
	}
	for _, p := range paths {
		if hasPathPrefix(target, p) {
			return true
		}
	}
	return false
}
