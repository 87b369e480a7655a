//go:build linux

package traffic

import (
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// TestLiveKernelFilter captures real OpenVPN between namespaces through the
// memory-mapped ring, with the capture filter also put in the kernel: a filter that
// keeps OpenVPN's port still finds it; one that names another port has the kernel
// drop every OpenVPN packet before it is copied.
func TestLiveKernelFilter(t *testing.T) {
	for _, c := range []struct {
		expr  string
		found bool
	}{{"port 1194", true}, {"port 9999", false}} {
		t.Run(c.expr, func(t *testing.T) {
			src, _, logs := openVPNBetweenNamespaces(t)
			if !src.Ring() {
				t.Fatal("the live source reads no ring")
			}
			f, err := decode.ParseFilter(c.expr)
			if err != nil {
				t.Fatal(err)
			}
			if err := src.SetFilter(f); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			var once sync.Once
			found := false // set by the scanner's emit
			s := NewScanner(builtinEngine(t), ScannerConfig{}, func(fd scanner.Finding) {
				if fd.Rule == "vpn.openvpn.traffic" {
					found = true
					once.Do(func() { close(done) })
				}
			})
			if c.found {
				st, err := s.Live(src, f, time.Now().Add(20*time.Second), done)
				if err != nil || !found {
					t.Fatalf("no OpenVPN finding (%v, %+v); openvpn said:\n%s", err, st, logs())
				}
				return
			}
			// Packets the ring took before the filter was attached come first; after
			// them, none of OpenVPN's handshake and pings (one a second) may come.
			// Other packets (IPv6 neighbour discovery with extension headers) pass
			// the looser kernel program to be rejected in user space.
			dec := decode.NewDecoder(src.LinkType())
			var p decode.Packet
			openvpn, other := 0, 0
			for start := time.Now(); time.Since(start) < 5*time.Second; {
				data, _, err := src.Next()
				if err != nil {
					continue // the read timeout
				}
				if time.Since(start) < time.Second || dec.DecodeLink(src.LinkType(), data, &p) != nil {
					continue
				}
				if p.SrcPort == 1194 || p.DstPort == 1194 {
					openvpn++
				} else {
					other++
				}
			}
			if openvpn != 0 || found {
				t.Errorf("%d OpenVPN packets reached user space in 4 s (and %d others): the kernel should have dropped them", openvpn, other)
			}
			t.Logf("%d other packets passed the kernel program (rejected in user space)", other)
		})
	}
}
