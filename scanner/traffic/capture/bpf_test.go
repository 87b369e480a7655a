package capture

import (
	"path/filepath"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// TestKernelFilterLooser runs the kernel program of each filter over every frame of
// the test captures in bpf's own VM and checks it never drops a packet the filter
// (run in user space on the decoded, inner flow) lets through, and that it does
// drop plain packets the filter rejects: looser, never stricter, and still useful.
func TestKernelFilterLooser(t *testing.T) {
	filters := []string{"", "host 192.0.2.10", "net 198.51.100.0/24", "port 443", "port 1194",
		"host 10.99.0.2 and port 1194", "net 2001:db8::/32", "host 2001:db8::c000:20a and port 443",
		"net 10.0.0.0/8 and port 53", "port 4789", "host 198.51.100.20 and port 1080"}
	var files []string
	for _, g := range []string{"../../../testdata/pcap/*.pcap*", "../../../testdata/pcap/evasion/*.pcap",
		"../../../testdata/pcap/tunnels/*.pcap", "../../../signatures/builtin/captures/*.pcap", "../../../../shared/corpus/ndpi/pcap/*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d capture files found", len(files))
	}
	var kept, dropped, rejected int
	for _, expr := range filters {
		f, err := decode.ParseFilter(expr)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			src, err := OpenFile(path)
			if err != nil {
				continue
			}
			progs := map[decode.LinkType]*bpf.VM{}
			dec := decode.NewDecoder(src.LinkType())
			var p decode.Packet
			for {
				data, _, err := src.Next()
				if err != nil { // io.EOF, or the broken files of the capture tests
					break
				}
				lt := src.LinkType()
				if lt != decode.LinkEthernet && lt != decode.LinkRaw {
					continue
				}
				vm := progs[lt]
				if vm == nil {
					raw, err := CompileFilter(f, lt, 4096)
					if err != nil {
						t.Fatalf("%q: %v", expr, err)
					}
					ins, ok := bpf.Disassemble(raw)
					if !ok {
						t.Fatalf("%q: the program does not disassemble", expr)
					}
					if vm, err = bpf.NewVM(ins); err != nil {
						t.Fatalf("%q: %v", expr, err)
					}
					progs[lt] = vm
				}
				n, err := vm.Run(data)
				if err != nil {
					t.Fatalf("%q on %s: %v", expr, path, err)
				}
				if dec.DecodeLink(lt, data, &p) != nil {
					continue
				}
				switch match := f.Match(&p); {
				case match && n == 0:
					t.Errorf("%q: the kernel program drops packet %d of %s, which the filter keeps", expr, src.Num(), filepath.Base(path))
				case match:
					kept++
				case n == 0:
					dropped++
				default:
					rejected++ // let through to be rejected in user space: a tunnel, a fragment
				}
				if n > 0 && n != 4096 {
					t.Fatalf("%q: returned %d, want the snap length", expr, n)
				}
			}
			src.Close()
		}
	}
	t.Logf("%d packets the filters keep, all passed; of those they reject, %d dropped in the kernel, %d passed to user space", kept, dropped, rejected)
	if dropped < 10*rejected {
		t.Errorf("the kernel program drops %d of %d rejected packets: it should drop most", dropped, dropped+rejected)
	}
}
