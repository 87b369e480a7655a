package host

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Process is a running program as /proc shows it.
type Process struct {
	PID    int
	Exe    string // the executable's path; " (deleted)" when it was removed after start
	Comm   string
	Listen []Listener
}

// Listener is a listening TCP socket or a bound UDP socket.
type Listener struct {
	Proto string // tcp or udp
	Addr  netip.AddrPort
}

func (l Listener) String() string { return l.Addr.String() + "/" + l.Proto }

// Ports returns the distinct ports the process listens on.
func (p *Process) Ports() []uint16 {
	var out []uint16
	for _, l := range p.Listen {
		if !slices.Contains(out, l.Addr.Port()) {
			out = append(out, l.Addr.Port())
		}
	}
	return out
}

// ListProcesses reads every process under procDir (normally /proc) with its
// listening sockets. Processes that end while being read are left out; reading
// other users' processes needs CAP_SYS_PTRACE (or root), without which they are
// listed by name only.
func ListProcesses(procDir string) ([]Process, error) {
	socks, err := listeningSockets(procDir)
	if err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(procDir)
	if err != nil {
		return nil, fmt.Errorf("list processes: %w", err)
	}
	var out []Process
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		dir := filepath.Join(procDir, e.Name())
		comm, err := os.ReadFile(filepath.Join(dir, "comm"))
		if err != nil {
			continue // gone
		}
		p := Process{PID: pid, Comm: strings.TrimSpace(string(comm))}
		p.Exe, _ = os.Readlink(filepath.Join(dir, "exe")) // kernel threads have none
		fds, _ := os.ReadDir(filepath.Join(dir, "fd"))
		for _, fd := range fds {
			link, err := os.Readlink(filepath.Join(dir, "fd", fd.Name()))
			if err != nil || !strings.HasPrefix(link, "socket:[") {
				continue
			}
			inode, _ := strconv.ParseUint(strings.TrimSuffix(link[len("socket:["):], "]"), 10, 64)
			if l, ok := socks[inode]; ok {
				p.Listen = append(p.Listen, l)
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// listeningSockets maps socket inodes to listeners from /proc/net/{tcp,tcp6,udp,udp6}.
func listeningSockets(procDir string) (map[uint64]Listener, error) {
	out := map[uint64]Listener{}
	for _, f := range []struct{ file, proto, state string }{
		{"tcp", "tcp", "0A"}, {"tcp6", "tcp", "0A"}, // TCP_LISTEN
		{"udp", "udp", "07"}, {"udp6", "udp", "07"}, // TCP_CLOSE: a bound, unconnected UDP socket
	} {
		fh, err := os.Open(filepath.Join(procDir, "net", f.file))
		if os.IsNotExist(err) {
			continue // no IPv6 in this kernel
		}
		if err != nil {
			return nil, fmt.Errorf("listening sockets: %w", err)
		}
		err = parseProcNet(fh, f.proto, f.state, out)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fh.Name(), err)
		}
	}
	return out, nil
}

// parseProcNet reads one /proc/net/{tcp,udp}[6] table: "sl local_address rem_address
// st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...", addresses in hex
// as the kernel stores them (32-bit words in host byte order).
func parseProcNet(f io.Reader, proto, state string, out map[uint64]Listener) error {
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 10 || fields[3] != state {
			continue
		}
		if proto == "udp" && !strings.HasSuffix(fields[2], ":0000") {
			continue // connected UDP socket: a client, not a server
		}
		addr, err := parseHexAddrPort(fields[1])
		if err != nil {
			return err
		}
		inode, err := strconv.ParseUint(fields[9], 10, 64)
		if err != nil || inode == 0 {
			continue
		}
		out[inode] = Listener{Proto: proto, Addr: addr}
	}
	return sc.Err()
}

// parseHexAddrPort reads "0100007F:0438" (127.0.0.1:1080) and the IPv6 form.
func parseHexAddrPort(s string) (netip.AddrPort, error) {
	h, p, ok := strings.Cut(s, ":")
	port, err := strconv.ParseUint(p, 16, 16)
	raw, herr := hex.DecodeString(h)
	if !ok || err != nil || herr != nil || (len(raw) != 4 && len(raw) != 16) {
		return netip.AddrPort{}, fmt.Errorf("bad socket address %q", s)
	}
	// Each 32-bit word is in host (little-endian) order.
	for i := 0; i < len(raw); i += 4 {
		raw[i], raw[i+1], raw[i+2], raw[i+3] = raw[i+3], raw[i+2], raw[i+1], raw[i]
	}
	a, _ := netip.AddrFromSlice(raw)
	return netip.AddrPortFrom(a.Unmap(), uint16(port)), nil
}
