package decode

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// Filter is the built-in capture filter: conditions joined by "and", each "host
// ADDR", "net CIDR" or "port N", holding for either end of a packet. It needs no
// libpcap, as a BPF expression would; it runs on decoded packets, the inner flow
// of a tunnel included.
type Filter struct {
	hosts []netip.Prefix // host and net conditions
	ports []uint16
}

// ParseFilter reads a filter expression; the empty string lets every packet pass.
func ParseFilter(expr string) (*Filter, error) {
	f := &Filter{}
	if strings.TrimSpace(expr) == "" {
		return f, nil
	}
	for _, term := range strings.Split(expr, " and ") {
		w := strings.Fields(term)
		if len(w) != 2 {
			return nil, fmt.Errorf("filter %q: %q is not 'host ADDR', 'net CIDR' or 'port N'", expr, strings.TrimSpace(term))
		}
		switch w[0] {
		case "host":
			a, err := netip.ParseAddr(w[1])
			if err != nil {
				return nil, fmt.Errorf("filter %q: %w", expr, err)
			}
			f.hosts = append(f.hosts, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
		case "net":
			p, err := netip.ParsePrefix(w[1])
			if err != nil {
				return nil, fmt.Errorf("filter %q: %w", expr, err)
			}
			f.hosts = append(f.hosts, p.Masked())
		case "port":
			n, err := strconv.ParseUint(w[1], 10, 16)
			if err != nil || n == 0 {
				return nil, fmt.Errorf("filter %q: port %q is not 1-65535", expr, w[1])
			}
			f.ports = append(f.ports, uint16(n))
		default:
			return nil, fmt.Errorf("filter %q: unknown condition %q (host, net or port)", expr, w[0])
		}
	}
	return f, nil
}

// Hosts returns the host and net conditions, as prefixes.
func (f *Filter) Hosts() []netip.Prefix { return f.hosts }

// Ports returns the port conditions.
func (f *Filter) Ports() []uint16 { return f.ports }

// Empty reports whether the filter lets every packet pass.
func (f *Filter) Empty() bool { return len(f.hosts) == 0 && len(f.ports) == 0 }

// Match reports whether p passes every condition.
func (f *Filter) Match(p *Packet) bool {
	for _, h := range f.hosts {
		if !h.Contains(p.Src.Unmap()) && !h.Contains(p.Dst.Unmap()) {
			return false
		}
	}
	for _, port := range f.ports {
		if p.SrcPort != port && p.DstPort != port {
			return false
		}
	}
	return true
}
