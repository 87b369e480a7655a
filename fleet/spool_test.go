package fleet

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestSpoolOrderAndReopen(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenSpool(dir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if err := s.Put(fmt.Appendf(nil, "rec-%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	seq, rec, ok, err := s.Oldest()
	if err != nil || !ok || string(rec) != "rec-0" {
		t.Fatalf("oldest = %q %v %v, want rec-0", rec, ok, err)
	}
	if err := s.Remove(seq); err != nil {
		t.Fatal(err)
	}
	// A write that a crash cut short leaves a temporary file: it is not a record.
	if err := os.WriteFile(filepath.Join(dir, ".tmp-123"), []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	s2, err := OpenSpool(dir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if s2.Len() != 4 || s2.Bytes() != 20 {
		t.Fatalf("reopened: %d records of %d bytes, want 4 of 20", s2.Len(), s2.Bytes())
	}
	if _, err := os.Stat(filepath.Join(dir, ".tmp-123")); !os.IsNotExist(err) {
		t.Errorf("temporary file left: %v", err)
	}
	var got []string
	for {
		seq, rec, ok, err := s2.Oldest()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		got = append(got, string(rec))
		s2.Remove(seq)
	}
	if fmt.Sprint(got) != "[rec-1 rec-2 rec-3 rec-4]" {
		t.Errorf("replayed %v", got)
	}
	// New records go after the old ones, even across a reopen.
	if err := s2.Put([]byte("next")); err != nil {
		t.Fatal(err)
	}
	if seq, _, _, _ := s2.Oldest(); seq <= 5 {
		t.Errorf("sequence reused: %d", seq)
	}
}

func TestSpoolBoundDropsOldest(t *testing.T) {
	s, err := OpenSpool(t.TempDir(), 30)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		if err := s.Put(fmt.Appendf(nil, "record-%02d", i)); err != nil { // 9 bytes each
			t.Fatal(err)
		}
	}
	if s.Len() != 3 || s.Dropped() != 7 || s.Bytes() > 30 {
		t.Fatalf("len %d dropped %d bytes %d, want 3, 7, <= 30", s.Len(), s.Dropped(), s.Bytes())
	}
	if _, rec, _, _ := s.Oldest(); string(rec) != "record-07" {
		t.Errorf("oldest kept %q, want record-07", rec)
	}
	if err := s.Put(make([]byte, 31)); err == nil {
		t.Error("a record larger than the bound was accepted")
	}
}

func TestHostToken(t *testing.T) {
	for _, h := range []string{"web-1", "web-1.example.net", "a*b>c%d e", "机器", "0f3c9a"} {
		tok := HostToken(h)
		back, err := ParseHostToken(tok)
		if err != nil || back != h {
			t.Errorf("%q -> %q -> %q, %v", h, tok, back, err)
		}
		if err := validToken(tok); err != nil {
			t.Errorf("%q: %v", tok, err)
		}
	}
	for _, tok := range []string{"web-1%2", "web%zz", "web%2d"} { // lower-case hex is not canonical
		if _, err := ParseHostToken(tok); err == nil {
			t.Errorf("%q accepted", tok)
		}
	}
}

func validToken(tok string) error {
	for _, c := range []byte(tok) {
		if c <= ' ' || c >= 0x7f || c == '.' || c == '*' || c == '>' {
			return fmt.Errorf("byte %q in a subject token", c)
		}
	}
	return nil
}
