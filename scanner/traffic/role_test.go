package traffic

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket/layers"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
	pt "github.com/aupscan/aupscan/scanner/traffic/internal/packettest"
)

// The ends of conv's conversations, and MACs for them.
var (
	convClient = netip.MustParseAddr("192.0.2.10")
	convServer = netip.MustParseAddr("198.51.100.20")
	vmMAC      = [6]byte{0x52, 0x54, 0x00, 0x12, 0x34, 0x56}
	gatewayMAC = [6]byte{0xfe, 0x54, 0x00, 0x00, 0x00, 0x01}
)

// withMACs rewrites the Ethernet addresses of conv's frames as a hypervisor's tap
// sees them: frames from the side at vm come from vmMAC to the gateway, frames to it
// from the gateway to vmMAC.
func withMACs(frames [][]byte, vm netip.Addr) [][]byte {
	out := make([][]byte, len(frames))
	for i, f := range frames {
		g := append([]byte(nil), f...)
		src := netip.AddrFrom4([4]byte(g[26:30]))
		from, to := gatewayMAC, vmMAC
		if src == vm {
			from, to = vmMAC, gatewayMAC
		}
		copy(g[0:6], to[:])
		copy(g[6:12], from[:])
		out[i] = g
	}
	return out
}

func prefixes(s ...string) []netip.Prefix {
	var out []netip.Prefix
	for _, v := range s {
		p, err := parsePrefixOrAddr(v)
		if err != nil {
			panic(err)
		}
		out = append(out, p)
	}
	return out
}

// TestRole scans crafted conversations with the monitored host at either end,
// marked by address, range or MAC, and checks each finding's role, the evidence of
// it, and its host.
func TestRole(t *testing.T) {
	e := builtinEngine(t)
	openvpn := builtinCapture(t, "openvpn-udp.pcap") // 192.0.2.10:40001 -> 198.51.100.20:1194, answered
	socks := builtinCapture(t, "socks5.pcap")        // TCP from the SYN, to 1080
	esp := builtinCapture(t, "esp.pcap")             // ESP one way only
	icmpTunnel := builtinCapture(t, "icmp-tunnel.pcap")
	wgData := func(rx uint32, ctr uint64) []byte {
		return cat([]byte{4, 0, 0, 0}, le32(rx), binary.LittleEndian.AppendUint64(nil, ctr), pseudo(32, uint32(ctr)))
	}
	var wgSegs []seg
	for i := range uint64(4) {
		wgSegs = append(wgSegs, s2c(wgData(0x11223344, 100+i)), c2s(wgData(0x55667788, 200+i)))
	}
	wgLate := conv(layers.IPProtocolUDP, 40003, 51820, wgSegs...)
	dnsTunnel := conv(layers.IPProtocolUDP, 40030, 53,
		c2s(dnsQuery("nbswy3dpeb3w64tmmqqgc3tumvzxi2lo.t.example.net", dnsTypeTXT)),
		c2s(dnsQuery("mfrggzdfmztwq2lknnwg23tpobyxe43u.t.example.net", dnsTypeTXT)),
		c2s(dnsQuery("ozxxq6lbmjrwizlgm5ugs2tlnrww44d2.t.example.net", dnsTypeTXT)))
	tests := []struct {
		name     string
		frames   [][]byte
		local    *Local
		role     string
		evidence string // the role's part of the evidence; "" for none
		host     string
	}{
		{"no local set", openvpn, nil, "", "", ""},
		{"client by address", openvpn, NewLocal(LocalMark{Prefixes: prefixes("192.0.2.10")}),
			scanner.RoleClient, "connected to 198.51.100.20:1194/udp", ""},
		{"server by range", openvpn, NewLocal(LocalMark{Prefixes: prefixes("198.51.100.0/24")}),
			scanner.RoleServer, "accepted connections on 1194/udp from 192.0.2.10", ""},
		{"neither end", openvpn, NewLocal(LocalMark{Prefixes: prefixes("203.0.113.0/24", "2001:db8::/32")}), "", "", ""},
		{"server by MAC on a tap", withMACs(openvpn, convServer), NewLocal(LocalMark{Host: "vm-7", MACs: [][6]byte{vmMAC}}),
			scanner.RoleServer, "accepted connections on 1194/udp from 192.0.2.10", "vm-7"},
		{"client by MAC on a tap", withMACs(openvpn, convClient), NewLocal(LocalMark{Host: "vm-8", MACs: [][6]byte{vmMAC}}),
			scanner.RoleClient, "connected to 198.51.100.20:1194/udp", "vm-8"},
		{"the gateway's MAC marks nobody", withMACs(openvpn, convClient), NewLocal(LocalMark{MACs: [][6]byte{{2, 0, 0, 0, 0, 9}}}), "", "", ""},
		{"both ends monitored: the earlier mark", openvpn, NewLocal(LocalMark{Host: "srv", Prefixes: prefixes("198.51.100.20")},
			LocalMark{Host: "cli", Prefixes: prefixes("192.0.2.10")}), scanner.RoleServer, "accepted connections on 1194/udp from 192.0.2.10", "srv"},
		{"both ends in one mark: the client", openvpn, NewLocal(LocalMark{Prefixes: prefixes("0.0.0.0/0")}),
			scanner.RoleClient, "connected to 198.51.100.20:1194/udp", ""},
		{"tcp from the handshake", socks, NewLocal(LocalMark{Prefixes: prefixes("198.51.100.20")}),
			scanner.RoleServer, "accepted connections on 1080/tcp from 192.0.2.10", ""},
		{"tcp joined midway, server", socks[2:], NewLocal(LocalMark{Prefixes: prefixes("198.51.100.20")}),
			scanner.RoleServer, "answered 192.0.2.10 on 1080/tcp (the connection's start was not captured)", ""},
		{"tcp joined midway, client", socks[2:], NewLocal(LocalMark{Prefixes: prefixes("192.0.2.10")}),
			scanner.RoleClient, "talked to 198.51.100.20:1080/tcp (the connection's start was not captured)", ""},
		{"server never answering has no role", dnsTunnel, NewLocal(LocalMark{Prefixes: prefixes("198.51.100.20")}),
			"", "received packets on 53/udp from 192.0.2.10, no answer seen yet", ""},
		{"client unanswered", dnsTunnel, NewLocal(LocalMark{Prefixes: prefixes("192.0.2.10")}),
			scanner.RoleClient, "sent to 198.51.100.20:53/udp, no answer seen yet", ""},
		{"no ports", icmpTunnel, NewLocal(LocalMark{Prefixes: prefixes("192.0.2.10")}),
			scanner.RoleClient, "sent ICMP to 198.51.100.20, no answer seen yet", ""},
		{"symmetric evidence: no side", esp, NewLocal(LocalMark{Prefixes: prefixes("192.0.2.10")}),
			"", "exchanged packets with 198.51.100.20 (ESP); which side began was not seen", ""},
		// A WireGuard client whose capture starts with the server's data: the table
		// takes the first sender, the server, for the client. Its role must not be
		// told from that: the client would be called a WireGuard server.
		{"late capture of a wireguard client", wgLate, NewLocal(LocalMark{Prefixes: prefixes("192.0.2.10")}),
			"", "exchanged packets with 198.51.100.20:51820/udp; which side began was not seen", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bare := scanFrames(t, e, tt.frames, ScannerConfig{Host: "hv"})
			got := scanFrames(t, e, tt.frames, ScannerConfig{Host: "hv", Local: tt.local})
			if len(got) != 1 || len(bare) != 1 {
				t.Fatalf("findings %v, want one", got)
			}
			for rule, f := range got {
				b := bare[rule]
				wantEv, wantHost := b.Evidence, "hv"
				if tt.evidence != "" {
					wantEv += "; " + tt.evidence
				}
				if tt.host != "" {
					wantHost = tt.host
				}
				if f.Role != tt.role || f.Evidence != wantEv || f.Host != wantHost {
					t.Errorf("role %q, host %q, evidence %q\nwant %q, %q, %q", f.Role, f.Host, f.Evidence, tt.role, wantHost, wantEv)
				}
				if f.ID != scanner.FindingID(f.Host, f.Rule, f.Subject) {
					t.Errorf("id %s is not the finding's host, rule and subject's", f.ID)
				}
			}
		})
	}
}

// TestParseLocal reads --local values: addresses, ranges and MACs; anything else is
// an error naming the value.
func TestParseLocal(t *testing.T) {
	l, err := ParseLocal([]string{"10.0.0.5", "192.168.1.0/24", " 2001:db8::/64", "52:54:00:12:34:56", "52-54-00-ab-cd-ef"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		addr string
		mac  [6]byte
		in   bool
	}{
		{"10.0.0.5", [6]byte{}, true},
		{"::ffff:10.0.0.5", [6]byte{}, true},
		{"10.0.0.6", [6]byte{}, false},
		{"192.168.1.77", [6]byte{}, true},
		{"2001:db8::9", [6]byte{}, true},
		{"203.0.113.1", vmMAC, true},
		{"203.0.113.1", [6]byte{0x52, 0x54, 0, 0xab, 0xcd, 0xef}, true},
		{"203.0.113.1", gatewayMAC, false},
	} {
		if got := l.mark(netip.MustParseAddr(c.addr), c.mac) >= 0; got != c.in {
			t.Errorf("%s %x: marked %v, want %v", c.addr, c.mac, got, c.in)
		}
	}
	for _, bad := range []string{"10.0.0.300", "eth0", "10.0.0.0/33", "00:11:22:33:44"} {
		if _, err := ParseLocal([]string{bad}); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("%q: error %v, want one naming it", bad, err)
		}
	}
}

// hypervisorLocal is the marks of a hypervisor's 50 VMs, an address and a MAC each,
// and a range, with the bench flows' client among them.
func hypervisorLocal() *Local {
	var marks []LocalMark
	for i := range 50 {
		marks = append(marks, LocalMark{Host: fmt.Sprintf("vm-%d", i),
			Prefixes: prefixes(fmt.Sprintf("10.1.%d.5", i)), MACs: [][6]byte{{0x52, 0x54, 0, 0, 0, byte(i)}}})
	}
	marks = append(marks, LocalMark{Host: "bench", Prefixes: prefixes(pt.V4A + "/24")})
	return NewLocal(marks...)
}

// TestSteadyStateAllocsLocal is TestSteadyStateAllocs with the monitored hosts
// marked: telling the side of each new flow allocates nothing.
func TestSteadyStateAllocsLocal(t *testing.T) {
	e := builtinEngine(t)
	byRound := benchFrames(200)
	var frames [][]byte // flow by flow, so each flow goes idle for most of a pass
	for f := range 200 {
		for r := range 12 {
			frames = append(frames, byRound[r*200+f])
		}
	}
	s := NewScanner(e, ScannerConfig{Local: hypervisorLocal()}, nil)
	d := decode.NewDecoder(decode.LinkEthernet)
	var p decode.Packet
	p.Time = pt.Epoch
	tick := 10 * time.Minute / time.Duration(len(frames))
	i := 0
	step := func() {
		p.Time = p.Time.Add(tick)
		d.Decode(frames[i%len(frames)], &p)
		s.Packet(&p)
		i++
	}
	for range 5000 {
		step()
	}
	if n := testing.AllocsPerRun(2000, step); n != 0 {
		t.Errorf("%.2f allocations per packet in steady state", n)
	}
	if st := s.Stats().Flows; st.EvictedIdle == 0 {
		t.Errorf("no flow expired: the test does not exercise new flows (%+v)", st)
	}
}

// BenchmarkScannerLocal is BenchmarkScanner with a hypervisor's 50 VMs marked.
func BenchmarkScannerLocal(b *testing.B) {
	e := builtinEngine(b)
	frames := benchFrames(1000)
	s := NewScanner(e, ScannerConfig{Local: hypervisorLocal()}, nil)
	d := decode.NewDecoder(decode.LinkEthernet)
	var p decode.Packet
	now := pt.Epoch
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		now = now.Add(time.Microsecond)
		p.Time, p.Length = now, len(frames[i])
		if err := d.Decode(frames[i], &p); err != nil {
			b.Fatal(err)
		}
		s.Packet(&p)
		if i++; i == len(frames) {
			i = 0
		}
	}
}
