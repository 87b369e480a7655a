package daemon

import (
	"bufio"
	"net"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner"
)

// hostMapper gives a traffic finding its host from the configured address and MAC
// maps, for sources (a bridge, a capture file) that carry several VMs.
type hostMapper struct {
	maps []hostMap
	// arpFile is the kernel's IPv4 neighbour table, read to turn MACs into addresses.
	arpFile string

	mu      sync.Mutex
	arp     map[netip.Addr]string // address -> MAC
	arpRead time.Time
}

type hostMap struct {
	prefixes []netip.Prefix
	macs     map[string]bool
	host     string
}

func newHostMapper(c config.CaptureConfig) *hostMapper {
	hm := &hostMapper{arpFile: "/proc/net/arp"}
	for _, m := range c.Maps {
		x := hostMap{host: m.Host, macs: map[string]bool{}}
		for _, a := range m.Addresses {
			if p, err := config.ParsePrefix(a); err == nil {
				x.prefixes = append(x.prefixes, p)
			}
		}
		for _, s := range m.MACs {
			if mac, err := net.ParseMAC(s); err == nil {
				x.macs[mac.String()] = true
			}
		}
		hm.maps = append(hm.maps, x)
	}
	return hm
}

// apply sets f's host (and so its id) from the maps when an endpoint of its flow is
// mapped; the client is tried first, then the server. f keeps its host otherwise.
func (hm *hostMapper) apply(f *scanner.Finding) {
	if f.Flow == nil || len(hm.maps) == 0 {
		return
	}
	for _, a := range []netip.Addr{f.Flow.Src, f.Flow.Dst} {
		if h := hm.hostOf(a); h != "" {
			f.Host = h
			f.SetID()
			return
		}
	}
}

func (hm *hostMapper) hostOf(a netip.Addr) string {
	a = a.Unmap()
	for _, m := range hm.maps {
		for _, p := range m.prefixes {
			if p.Contains(a) {
				return m.host
			}
		}
	}
	mac := hm.macOf(a)
	if mac == "" {
		return ""
	}
	for _, m := range hm.maps {
		if m.macs[mac] {
			return m.host
		}
	}
	return ""
}

// macOf looks an IPv4 address up in the neighbour table, read at most every 10 s.
func (hm *hostMapper) macOf(a netip.Addr) string {
	if !a.Is4() {
		return ""
	}
	hm.mu.Lock()
	defer hm.mu.Unlock()
	if hm.arp == nil || time.Since(hm.arpRead) > 10*time.Second {
		hm.arp = readARP(hm.arpFile)
		hm.arpRead = time.Now()
	}
	return hm.arp[a]
}

// readARP parses /proc/net/arp: "IP address  HW type  Flags  HW address  Mask  Device".
func readARP(path string) map[netip.Addr]string {
	out := map[netip.Addr]string{}
	f, err := os.Open(path)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		fl := strings.Fields(sc.Text())
		if len(fl) < 4 {
			continue
		}
		a, err1 := netip.ParseAddr(fl[0])
		mac, err2 := net.ParseMAC(fl[3])
		if err1 == nil && err2 == nil {
			out[a] = mac.String()
		}
	}
	return out
}
