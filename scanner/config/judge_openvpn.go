package config

import (
	"fmt"
	"strings"
)

// judgeOpenVPN reads an OpenVPN configuration: server mode ("server", "server-ipv6",
// "server-bridge", "mode server") on an address beyond loopback ("local", all
// addresses when absent) makes a VPN server. A client ("client", "tls-client",
// "remote" without server mode) is no finding. Inline files (<ca> ... </ca>) are
// skipped.
func judgeOpenVPN(ds []Directive) (Verdict, bool) {
	var mode string
	local := Listen{Reach: ReachBeyond}
	port, proto := "1194", "udp"
	for _, d := range ds {
		switch key(d) {
		case "server", "server-ipv6", "server-bridge":
			if mode == "" {
				mode = fmt.Sprintf("%s %s (%s)", d.Key, shown(d.Value), at(d))
			}
		case "mode":
			if strings.EqualFold(arg(d, 0), "server") && mode == "" {
				mode = fmt.Sprintf("mode server (%s)", at(d))
			}
		case "local":
			local = ParseListen(arg(d, 0))
			local.Port = ""
		case "port", "lport":
			port = arg(d, 0)
		case "proto":
			proto = strings.ToLower(arg(d, 0))
		}
	}
	if mode == "" || local.Reach != ReachBeyond || strings.HasSuffix(proto, "-client") {
		return Verdict{}, false
	}
	return server(mode, fmt.Sprintf("%s port %s on %s", proto, port, describe(local))), true
}
