package host

import (
	"net"
	"net/netip"
	"os"
	"slices"
	"testing"
)

func TestParseHexAddrPort(t *testing.T) {
	tests := map[string]string{
		"0100007F:0438":                         "127.0.0.1:1080",
		"00000000:1F90":                         "0.0.0.0:8080",
		"00000000000000000000000000000000:0050": "[::]:80",
		"0000000000000000FFFF00000100007F:01BB": "127.0.0.1:443", // v4-mapped, unmapped
		"B80D0120000000000000000001000000:0035": "[2001:db8::1]:53",
	}
	for in, want := range tests {
		got, err := parseHexAddrPort(in)
		if err != nil || got.String() != want {
			t.Errorf("parseHexAddrPort(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "zz:0438", "0100007F", "0100007F:zz", "01:0438"} {
		if _, err := parseHexAddrPort(bad); err == nil {
			t.Errorf("parseHexAddrPort(%q) gave no error", bad)
		}
	}
}

// TestListProcessesSeesOwnListeners opens a TCP listener and a UDP socket on loopback
// and finds both tied to this test's own process through the real /proc.
func TestListProcessesSeesOwnListeners(t *testing.T) {
	if _, err := os.Stat("/proc/self/net/tcp"); err != nil {
		t.Skip("no /proc on this system")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	procs, err := ListProcesses("/proc")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(procs, func(p Process) bool { return p.PID == os.Getpid() })
	if i < 0 {
		t.Fatal("own process not listed")
	}
	me := procs[i]
	tcp := Listener{"tcp", netip.MustParseAddrPort(ln.Addr().String())}
	udp := Listener{"udp", netip.MustParseAddrPort(pc.LocalAddr().String())}
	if !slices.Contains(me.Listen, tcp) || !slices.Contains(me.Listen, udp) {
		t.Errorf("own listeners %v, want %v and %v", me.Listen, tcp, udp)
	}
	if exe, _ := os.Executable(); me.Exe != exe {
		t.Errorf("exe %q, want %q", me.Exe, exe)
	}
}
