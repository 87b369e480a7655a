package traffic

import (
	"bytes"
	"testing"
)

// TestTCPStreamPut puts segments in every order the reassembly must survive and
// checks what it holds: in order, ahead of a gap, overlapping (the first copy wins),
// and the contiguous prefix it would deliver.
func TestTCPStreamPut(t *testing.T) {
	msg := []byte("0123456789abcdefghijklmnopqrstuvwxyz")
	type seg struct {
		off  int
		data string
	}
	cases := []struct {
		name      string
		segs      []seg
		held      string // contiguous prefix held
		overlaps  int
		conflicts int
	}{
		{"in order", []seg{{0, "0123"}, {4, "4567"}}, "01234567", 0, 0},
		{"reversed", []seg{{4, "4567"}, {0, "0123"}}, "01234567", 0, 0},
		{"gap", []seg{{0, "01"}, {4, "4567"}}, "01", 0, 0},
		{"gap filled", []seg{{6, "67"}, {2, "23"}, {0, "01"}, {4, "45"}}, "01234567", 0, 0},
		{"duplicate", []seg{{0, "0123"}, {0, "0123"}}, "0123", 4, 0},
		{"overlap, first wins", []seg{{0, "0123"}, {2, "XX45"}}, "012345", 2, 2},
		{"overlap ahead of a gap", []seg{{4, "4567"}, {6, "XX89"}, {0, "0123"}}, "0123456789", 2, 2},
		{"one byte at a time, reversed", func() []seg {
			var s []seg
			for i := 9; i >= 0; i-- {
				s = append(s, seg{i, string(msg[i])})
			}
			return s
		}(), "0123456789", 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &bufPool{limit: 1 << 20}
			var ts tcpStream
			ov, cf := 0, 0
			for _, sg := range c.segs {
				o, k, ok := ts.put(p, sg.off, []byte(sg.data))
				if !ok {
					t.Fatal("pool refused")
				}
				ov, cf = ov+o, cf+k
			}
			if got := string(ts.held[:ts.contiguous()]); got != c.held {
				t.Errorf("contiguous %q, want %q", got, c.held)
			}
			if ov != c.overlaps || cf != c.conflicts {
				t.Errorf("overlaps %d conflicts %d, want %d %d", ov, cf, c.overlaps, c.conflicts)
			}
			ts.release(p)
			if p.lent != 0 {
				t.Errorf("%d bytes still lent after release", p.lent)
			}
		})
	}
}

// TestTCPStreamConsumeAndSkip delivers a prefix, keeps what lies past a gap, and
// gives up on the gap.
func TestTCPStreamConsumeAndSkip(t *testing.T) {
	p := &bufPool{limit: 1 << 20}
	var ts tcpStream
	ts.on, ts.next = true, 1000
	ts.put(p, 0, []byte("abc"))
	ts.put(p, 6, []byte("ghi"))
	ts.consume(p, ts.contiguous())
	if ts.next != 1003 || ts.sent != 3 || ts.contiguous() != 0 || len(ts.held) != 6 {
		t.Fatalf("after consume: next %d sent %d contiguous %d held %d", ts.next, ts.sent, ts.contiguous(), len(ts.held))
	}
	if n := ts.skipTo(); n != 3 || !ts.gap || ts.next != 1006 {
		t.Fatalf("skipTo %d gap %v next %d", n, ts.gap, ts.next)
	}
	if got := ts.held[:ts.contiguous()]; !bytes.Equal(got, []byte("ghi")) {
		t.Fatalf("after the gap %q", got)
	}
}

// TestBufPoolLimit: past the memory limit the pool refuses, and counts it.
func TestBufPoolLimit(t *testing.T) {
	p := &bufPool{limit: 4 << 10}
	a, ok1 := p.get(3000)
	b, ok2 := p.get(3000)
	if !ok1 || ok2 || p.refuse != 1 {
		t.Fatalf("ok %v %v refused %d", ok1, ok2, p.refuse)
	}
	p.put(a)
	if _, ok := p.get(3000); !ok {
		t.Error("a returned buffer is not lent again")
	}
	_ = b
}
