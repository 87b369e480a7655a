package traffic

import (
	"fmt"
	"net"
	"net/netip"
	"strings"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// A LocalMark is what tells a monitored host's side of a flow: its addresses and
// address ranges, and its MACs (on a hypervisor's tap the VM's MAC is the only
// mark: the tap carries no address of its own). Host, when set, is the host id the
// findings of such flows take; empty keeps the Scanner's.
type LocalMark struct {
	Host     string
	Prefixes []netip.Prefix
	MACs     [][6]byte
}

// Local is the set of monitored hosts' marks a Scanner reads flows against: a flow
// whose client or server bears a mark gets a role. It is immutable once made and
// safe to share.
type Local struct {
	marks    []LocalMark
	addrs    map[netip.Addr]int32 // single addresses, to the mark's index
	prefixes []localPrefix        // ranges, in the order given
	macs     map[[6]byte]int32
}

type localPrefix struct {
	p    netip.Prefix
	mark int32
}

// NewLocal returns the Local of the marks, in order of precedence: an earlier mark
// wins where two overlap, and where both ends of a flow bear marks.
func NewLocal(marks ...LocalMark) *Local {
	l := &Local{marks: marks, addrs: map[netip.Addr]int32{}, macs: map[[6]byte]int32{}}
	for i, m := range marks {
		for _, p := range m.Prefixes {
			p = p.Masked()
			if p.IsSingleIP() {
				if _, ok := l.addrs[p.Addr().Unmap()]; !ok {
					l.addrs[p.Addr().Unmap()] = int32(i)
				}
				continue
			}
			l.prefixes = append(l.prefixes, localPrefix{p, int32(i)})
		}
		for _, mac := range m.MACs {
			if _, ok := l.macs[mac]; !ok {
				l.macs[mac] = int32(i)
			}
		}
	}
	return l
}

// ParseLocal reads the values of the --local flag: addresses ("10.0.0.5",
// "2001:db8::5"), CIDR ranges ("10.0.0.0/24") and MACs ("52:54:00:12:34:56"), one
// mark of no host of its own. The error names the value it could not read.
func ParseLocal(values []string) (*Local, error) {
	var m LocalMark
	for _, v := range values {
		v = strings.TrimSpace(v)
		if p, err := parsePrefixOrAddr(v); err == nil {
			m.Prefixes = append(m.Prefixes, p)
			continue
		}
		if mac, err := ParseMAC(v); err == nil {
			m.MACs = append(m.MACs, mac)
			continue
		}
		return nil, fmt.Errorf("--local %q: not an address, a CIDR range or a MAC", v)
	}
	return NewLocal(m), nil
}

// parsePrefixOrAddr reads a CIDR range, or an address as a range of one.
func parsePrefixOrAddr(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		return netip.ParsePrefix(s)
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}

// ParseMAC reads a 6-byte (EUI-48) MAC address in any form net.ParseMAC takes.
func ParseMAC(s string) ([6]byte, error) {
	hw, err := net.ParseMAC(s)
	if err != nil {
		return [6]byte{}, err
	}
	if len(hw) != 6 {
		return [6]byte{}, fmt.Errorf("MAC %q is not 6 bytes long", s)
	}
	return [6]byte(hw), nil
}

// InterfaceMark is the mark of the host that owns a network interface: its own
// addresses (each alone, not the networks they are on) and its MAC. A hypervisor's
// tap has neither of its VM: its VM needs a mark of its own.
func InterfaceMark(name, host string) (LocalMark, error) {
	m := LocalMark{Host: host}
	ifc, err := net.InterfaceByName(name)
	if err != nil {
		return m, err
	}
	if len(ifc.HardwareAddr) == 6 {
		m.MACs = append(m.MACs, [6]byte(ifc.HardwareAddr))
	}
	addrs, err := ifc.Addrs()
	if err != nil {
		return m, err
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			if ip, ok := netip.AddrFromSlice(n.IP); ok {
				ip = ip.Unmap()
				m.Prefixes = append(m.Prefixes, netip.PrefixFrom(ip, ip.BitLen()))
			}
		}
	}
	return m, nil
}

// InterfaceLocal is the Local of an interface's own host (InterfaceMark), or nil
// when the interface has neither address nor MAC.
func InterfaceLocal(name, host string) *Local {
	m, err := InterfaceMark(name, host)
	if err != nil || len(m.Prefixes) == 0 && len(m.MACs) == 0 {
		return nil
	}
	return NewLocal(m)
}

// Len returns how many marks there are.
func (l *Local) Len() int { return len(l.marks) }

// mark returns the index of the mark an endpoint bears, by its MAC (when the frame
// had one) or its address, or -1.
func (l *Local) mark(a netip.Addr, mac [6]byte) int32 {
	if mac != ([6]byte{}) {
		if i, ok := l.macs[mac]; ok {
			return i
		}
	}
	a = a.Unmap()
	if i, ok := l.addrs[a]; ok {
		return i
	}
	for _, p := range l.prefixes {
		if p.p.Contains(a) {
			return p.mark
		}
	}
	return -1
}

// Which side of a flow the monitored host is.
const (
	sideUnknown uint8 = iota
	sideClient
	sideServer
)

// localState is what a flow keeps of its monitored side, read from its first packet.
type localState struct {
	side uint8
	// start says the flow's first packet was a TCP SYN or SYN-ACK: the connection
	// was captured from its start, so who accepted it was seen.
	start bool
	mark  int32
	// undirected has a bit for each fingerprint that matched on what either side
	// could have sent (ESP, WireGuard data, ...): its match does not tell which side
	// began the flow, which a capture that starts late may have got wrong.
	undirected uint64
}

// matchedUndirected is matched for a fingerprint whose evidence is symmetric: the
// flow's sides, as the table read them, are not confirmed by it.
func (in *inspection) matchedUndirected(fp fingerprintID, conf int8, detail string) verdict {
	in.st.local.undirected |= 1 << fp
	return matched(conf, detail)
}

// undirected reports whether a section's fingerprint matched on symmetric evidence.
func (s *Scanner) undirected(f *Flow, sec *section) bool {
	for _, c := range sec.conds {
		if cond := s.e.conds[c]; cond.kind == condFingerprint && f.State.local.undirected&(1<<cond.fp) != 0 {
			return true
		}
	}
	return false
}

// locate reads a new flow's first packet p (going dir) for the monitored side: the
// client's or the server's MAC or address bearing a mark. When both ends bear one,
// the earlier mark decides (the configuration's order: a map's VM before the
// capturing machine's own addresses), and the client when it is the same mark.
func (s *Scanner) locate(f *Flow, p *decode.Packet, dir Dir) {
	l := s.cfg.Local
	if l == nil || len(l.marks) == 0 {
		return
	}
	cmac, smac := p.SrcMAC, p.DstMAC
	if dir == FromServer {
		cmac, smac = smac, cmac
	}
	st := &f.State.local
	st.start = p.Proto == decode.ProtoTCP && p.TCPFlags&decode.TCPFlagSYN != 0
	cm, sm := l.mark(f.Client.Addr(), cmac), l.mark(f.Server.Addr(), smac)
	switch {
	case cm >= 0 && (sm < 0 || cm <= sm):
		st.side, st.mark = sideClient, cm
	case sm >= 0:
		st.side, st.mark = sideServer, sm
	}
}

// role returns the role on flow f of the finding of section sec, the evidence of
// it (what was seen, never more), and the host of the mark that told it, as the
// flow stands when the finding is made. The monitored server has the role only
// once it answered: a host that was sent packets and has not replied offers
// nothing. A TCP connection whose start was not captured is described as what was
// seen of it, not as accepted; and when neither the start nor the fingerprint
// tells which side began (symmetric evidence, a capture that starts late) there is
// no role, only the exchange.
func (s *Scanner) role(f *Flow, sec *section) (role, evidence, host string) {
	st := &f.State.local
	if st.side == sideUnknown {
		return "", "", ""
	}
	host = s.cfg.Local.marks[st.mark].Host
	answered := f.Packets[FromServer] > 0
	midway := f.Proto == decode.ProtoTCP && !st.start
	peer, svc := f.Client.Addr().String(), service(f)
	portless := f.Server.Port() == 0
	if !st.start && s.undirected(f, sec) {
		other := f.Server
		if st.side == sideServer {
			other = f.Client
		}
		with := other.Addr().String() + " (" + protoName(f.Proto) + ")"
		if !portless {
			with = other.String() + "/" + strings.ToLower(protoName(f.Proto))
		}
		return "", "exchanged packets with " + with + "; which side began was not seen", host
	}
	if st.side == sideServer {
		switch {
		case !answered && portless:
			return "", "received " + svc + " from " + peer + ", no answer seen yet", host
		case !answered:
			return "", "received packets on " + svc + " from " + peer + ", no answer seen yet", host
		case portless:
			return scanner.RoleServer, "answered " + svc + " from " + peer, host
		case midway:
			return scanner.RoleServer, "answered " + peer + " on " + svc + " (the connection's start was not captured)", host
		}
		return scanner.RoleServer, "accepted connections on " + svc + " from " + peer, host
	}
	dst := f.Server.Addr().String()
	if !portless {
		dst = f.Server.String() + "/" + strings.ToLower(protoName(f.Proto))
	}
	switch {
	case !answered && portless:
		return scanner.RoleClient, "sent " + svc + " to " + dst + ", no answer seen yet", host
	case !answered:
		return scanner.RoleClient, "sent to " + dst + ", no answer seen yet", host
	case portless:
		return scanner.RoleClient, "exchanged " + svc + " with " + dst, host
	case midway:
		return scanner.RoleClient, "talked to " + dst + " (the connection's start was not captured)", host
	}
	return scanner.RoleClient, "connected to " + dst, host
}

// service names what a flow's server offers: "1194/udp", or the protocol alone
// ("ESP") when it has no ports.
func service(f *Flow) string {
	if f.Server.Port() == 0 {
		return protoName(f.Proto)
	}
	return fmt.Sprintf("%d/%s", f.Server.Port(), strings.ToLower(protoName(f.Proto)))
}
