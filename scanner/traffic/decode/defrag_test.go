package decode

import (
	"bytes"
	"testing"
	"time"
)

func frag(id uint32, off int, more bool, data string) *fragment {
	h := make([]byte, 20)
	h[0] = 0x45
	return &fragment{hdr: h, src: []byte{10, 0, 0, 1}, dst: []byte{10, 0, 0, 2}, id: id, proto: 17,
		off: off, more: more, data: []byte(data)}
}

// TestDefragmenter puts datagrams together in order, out of order and with an
// exact repeat, and drops the ones whose fragments overlap or come too late.
func TestDefragmenter(t *testing.T) {
	t0 := time.Unix(1e9, 0)
	cases := []struct {
		name    string
		frags   []*fragment
		at      []time.Duration
		want    string // the payload made whole, "" for none
		dropped uint64
	}{
		{"in order", []*fragment{frag(1, 0, true, "abcdefgh"), frag(1, 8, false, "ijk")}, nil, "abcdefghijk", 0},
		{"reversed", []*fragment{frag(2, 8, false, "ijk"), frag(2, 0, true, "abcdefgh")}, nil, "abcdefghijk", 0},
		{"exact repeat", []*fragment{frag(3, 0, true, "abcdefgh"), frag(3, 0, true, "abcdefgh"), frag(3, 8, false, "ijk")}, nil, "abcdefghijk", 0},
		{"overlap", []*fragment{frag(4, 0, true, "abcdefghXXXXXXXX"), frag(4, 8, false, "ijk")}, nil, "", 1},
		{"overlap, then the rest", []*fragment{frag(5, 0, true, "abcdefgh"), frag(5, 0, true, "abcdXXXX"), frag(5, 8, false, "ijk")}, nil, "", 2},
		{"too late", []*fragment{frag(6, 0, true, "abcdefgh"), frag(6, 8, false, "ijk")}, []time.Duration{0, 31 * time.Second}, "", 1},
		{"past the end", []*fragment{frag(7, 8, false, "ijk"), frag(7, 16, false, "xyz")}, nil, "", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := NewDefragmenter(DefragConfig{})
			var got []byte
			for i, f := range c.frags {
				at := t0
				if c.at != nil {
					at = t0.Add(c.at[i])
				}
				if out, ok := d.add(f, at); ok {
					got = out[20:]
					if out[6]&0x20 != 0 || out[7] != 0 || int(out[2])<<8|int(out[3]) != len(out) {
						t.Errorf("header of the whole datagram: % x", out[:20])
					}
				}
			}
			if !bytes.Equal(got, []byte(c.want)) {
				t.Errorf("made %q, want %q", got, c.want)
			}
			if st := d.Stats(); st.Dropped != c.dropped {
				t.Errorf("dropped %d, want %d (%+v)", st.Dropped, c.dropped, st)
			}
		})
	}
}
