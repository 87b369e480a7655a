package config

import (
	"net/netip"
	"strconv"
	"strings"
)

// Reach says who can reach an address a program listens on, or who an access rule
// lets in.
type Reach int

// Reaches, from none to anyone.
const (
	ReachNone     Reach = iota // not a network address: a Unix socket, nothing
	ReachLoopback              // 127.0.0.0/8, ::1, localhost: this machine only
	ReachPrivate               // private, shared and link-local ranges only (access rules)
	ReachBeyond                // any other address, all addresses, or a host name
)

// Listen is a listening address read from a configuration.
type Listen struct {
	Host  string // "" for all addresses
	Port  string // "" when the value names none
	Reach Reach
}

// String writes the address for evidence: "0.0.0.0:443", "[::]:443", "all addresses".
func (l Listen) String() string {
	h := l.Host
	if h == "" {
		h = "*"
	}
	if l.Port == "" {
		return h
	}
	if strings.Contains(h, ":") {
		h = "[" + h + "]"
	}
	return h + ":" + l.Port
}

// ParseListen reads a listening address as configurations write it: "0.0.0.0",
// "127.0.0.1:1080", "[::1]:8118", ":443", "8080" (a port: all addresses), "*",
// "localhost", "tcp://0.0.0.0:80", "unix:/run/x.sock", "/run/x.sock". An empty
// value means all addresses, as it does for the Go programs that write ":443".
func ParseListen(s string) Listen {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "://"); i > 0 && !strings.HasPrefix(s[i+3:], "/") {
		s = s[i+3:]
		s, _, _ = strings.Cut(s, "/")
	}
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, "@") || strings.HasPrefix(s, "unix:") || strings.Contains(s, "://") {
		return Listen{Host: s, Reach: ReachNone}
	}
	host, port := splitHostPort(s)
	return Listen{Host: host, Port: port, Reach: hostReach(host)}
}

// splitHostPort cuts "host:port", "[v6]:port", "v6", "host" and "port".
func splitHostPort(s string) (host, port string) {
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return s, ""
		}
		return s[1:end], strings.TrimPrefix(s[end+1:], ":")
	}
	switch strings.Count(s, ":") {
	case 0:
		if isPort(s) {
			return "", s
		}
		return s, ""
	case 1:
		h, p, _ := strings.Cut(s, ":")
		return h, p
	}
	return s, "" // an IPv6 address without a port
}

func isPort(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && n <= 65535
}

// hostReach says who reaches a listening host: anyone for all addresses ("",
// "*", 0.0.0.0, ::), a host name or another address; loopback for 127.0.0.0/8, ::1
// and localhost.
func hostReach(h string) Reach {
	h = strings.ToLower(strings.TrimSpace(h))
	h, _, _ = strings.Cut(h, "%") // a zone: fe80::1%eth0
	switch h {
	case "", "*", "any", "0", "0.0.0.0", "::", "0:0:0:0:0:0:0:0":
		return ReachBeyond
	case "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "lo":
		return ReachLoopback
	}
	if strings.HasSuffix(h, ".localhost") {
		return ReachLoopback
	}
	if a, err := netip.ParseAddr(h); err == nil && a.Unmap().IsLoopback() {
		return ReachLoopback
	}
	return ReachBeyond
}

// privateBlocks are the ranges no one on the internet reaches: private (RFC 1918,
// RFC 4193), carrier-grade NAT, link-local and "this network".
var privateBlocks = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"), netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("169.254.0.0/16"), netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("fc00::/7"), netip.MustParsePrefix("fe80::/10"),
}

// SourceReach says whom an access rule's source lets in: "127.0.0.1", "::1/128",
// "localhost" reach loopback; "10.0.0.0/8", "192.168.1.0/255.255.255.0",
// "172.16.0.0-172.31.255.255" private ranges; "all", "0.0.0.0/0", a host name and
// public ranges anyone.
func SourceReach(s string) Reach {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "all", "any", "*", "0/0", "::/0":
		return ReachBeyond
	}
	var first, last netip.Addr
	if lo, hi, ok := strings.Cut(s, "-"); ok && !strings.Contains(lo, "/") {
		hi, _, _ = strings.Cut(hi, "/")
		a, err1 := netip.ParseAddr(lo)
		b, err2 := netip.ParseAddr(hi)
		if err1 != nil || err2 != nil {
			return ReachBeyond
		}
		first, last = a.Unmap(), b.Unmap()
	} else if p, ok := parsePrefix(s); ok {
		first, last = p.Addr(), lastAddr(p)
	} else {
		return hostReach(s) // a name: localhost, or anyone
	}
	switch {
	case first.IsLoopback() && last.IsLoopback():
		return ReachLoopback
	case block(first) >= 0 && block(first) == block(last):
		return ReachPrivate
	}
	return ReachBeyond
}

// block returns the index of the private block holding a, or -1.
func block(a netip.Addr) int {
	for i, p := range privateBlocks {
		if p.Contains(a) {
			return i
		}
	}
	return -1
}

// parsePrefix reads an address, a CIDR or an address with a dotted mask.
func parsePrefix(s string) (netip.Prefix, bool) {
	addr, mask, hasMask := strings.Cut(s, "/")
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return netip.Prefix{}, false
	}
	a = a.Unmap()
	bits := a.BitLen()
	if hasMask {
		if n, err := strconv.Atoi(mask); err == nil {
			bits = n
		} else if m, err := netip.ParseAddr(mask); err == nil && m.Is4() {
			bits = maskBits(m)
		} else {
			return netip.Prefix{}, false
		}
	}
	p, err := a.Prefix(bits)
	return p, err == nil
}

func maskBits(m netip.Addr) int {
	b := m.As4()
	n := 0
	for _, x := range b {
		for ; x&0x80 != 0; x <<= 1 {
			n++
		}
	}
	return n
}

// lastAddr returns the highest address of p.
func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Masked().Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}
