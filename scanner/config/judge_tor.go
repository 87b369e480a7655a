package config

import (
	"fmt"
	"strings"
)

// judgeTor reads a torrc: an ORPort other than 0 on an address beyond loopback
// (listening, or advertised with NoListen for a port forwarded to this machine) makes
// a relay, unless ClientOnly 1 forbids relaying. BridgeRelay and ExitRelay are named
// in the evidence. Debian's default torrc has every ORPort commented out.
func judgeTor(ds []Directive) (Verdict, bool) {
	var ports, extra []string
	for _, d := range ds {
		switch key(d) {
		case "orport":
			if l, ok := torPort(arg(d, 0)); ok && l.Reach == ReachBeyond {
				ports = append(ports, directive(d, l))
			}
		case "clientonly":
			if arg(d, 0) == "1" {
				return Verdict{}, false
			}
		case "bridgerelay", "exitrelay":
			if arg(d, 0) == "1" {
				extra = append(extra, fmt.Sprintf("%s 1 (%s)", d.Key, at(d)))
			}
		}
	}
	if len(ports) == 0 {
		return Verdict{}, false
	}
	return server(append(ports, extra...)...), true
}

// torPort reads an ORPort value: "9001", "auto", "[::]:443", "192.0.2.1:9001"; "0"
// turns the port off.
func torPort(s string) (Listen, bool) {
	switch strings.ToLower(s) {
	case "", "0":
		return Listen{}, false
	case "auto":
		return Listen{Port: "auto", Reach: ReachBeyond}, true
	}
	l := ParseListen(s)
	return l, l.Port != "0"
}
