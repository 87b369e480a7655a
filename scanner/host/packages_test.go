package host

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseDpkgStatus(t *testing.T) {
	f, err := os.Open("../../testdata/host/dpkg-status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ParseDpkgStatus(f)
	if err != nil {
		t.Fatal(err)
	}
	// tor left only configuration files; tinyproxy is half-installed: neither counts.
	want := []Package{{"dpkg", "openvpn", "2.6.3-1+deb12u2"}, {"dpkg", "curl", "7.88.1-10+deb12u5"}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := ParseDpkgStatus(strings.NewReader("Package: x\nno colon here\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("garbage: err %v, want one naming line 2", err)
	}
}

func TestParseAPKInstalled(t *testing.T) {
	f, err := os.Open("../../testdata/host/apk-installed")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ParseAPKInstalled(f)
	want := []Package{{"apk", "musl", "1.2.4-r2"}, {"apk", "tor", "0.4.8.9-r0"}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
}

// rpmHeader lays out an rpmdb header blob as rpm writes it: index entries, then data.
func rpmHeader(name, version, release string, epoch int) []byte {
	type entry struct{ tag, typ, off, count uint32 }
	var data []byte
	var idx []entry
	str := func(tag uint32, s string) {
		idx = append(idx, entry{tag, rpmTypeString, uint32(len(data)), 1})
		data = append(append(data, s...), 0)
	}
	str(rpmTagName, name)
	str(rpmTagVersion, version)
	str(rpmTagRelease, release)
	if epoch > 0 {
		for len(data)%4 != 0 {
			data = append(data, 0)
		}
		idx = append(idx, entry{rpmTagEpoch, rpmTypeInt32, uint32(len(data)), 1})
		data = binary.BigEndian.AppendUint32(data, uint32(epoch))
	}
	b := binary.BigEndian.AppendUint32(nil, uint32(len(idx)))
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	for _, e := range idx {
		for _, v := range []uint32{e.tag, e.typ, e.off, e.count} {
			b = binary.BigEndian.AppendUint32(b, v)
		}
	}
	return append(b, data...)
}

func TestParseRPMHeader(t *testing.T) {
	p, err := ParseRPMHeader(rpmHeader("openvpn", "2.6.12", "1.el9", 0))
	if err != nil || p != (Package{"rpm", "openvpn", "2.6.12-1.el9"}) {
		t.Errorf("got %v, %v", p, err)
	}
	p, err = ParseRPMHeader(rpmHeader("tor", "0.4.8", "2.fc40", 1))
	if err != nil || p.Version != "1:0.4.8-2.fc40" {
		t.Errorf("with epoch: %v, %v", p, err)
	}
	for _, bad := range [][]byte{nil, {0, 0, 0, 1}, {0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0}, rpmHeader("", "1", "1", 0)} {
		if _, err := ParseRPMHeader(bad); err == nil {
			t.Errorf("ParseRPMHeader(%x) gave no error", bad)
		}
	}
}

// TestReadRPMDB builds a real SQLite rpmdb, as rpm 4.16+ keeps it, inside a VM root.
func TestReadRPMDB(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "var/lib/rpm/rpmdb.sqlite")
	must(t, os.MkdirAll(filepath.Dir(dbPath), 0o755))
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)`)
	must(t, err)
	for _, b := range [][]byte{rpmHeader("bash", "5.2.26", "3.fc40", 0), rpmHeader("squid", "6.10", "1.fc40", 7), []byte("damaged")} {
		_, err := db.Exec(`INSERT INTO Packages (blob) VALUES (?)`, b)
		must(t, err)
	}
	must(t, db.Close())
	root, err := os.OpenRoot(dir)
	must(t, err)
	defer root.Close()
	got, err := ReadPackages(root)
	want := []Package{{"rpm", "bash", "5.2.26-3.fc40"}, {"rpm", "squid", "7:6.10-1.fc40"}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
}

func FuzzParseDpkgStatus(f *testing.F) {
	if b, err := os.ReadFile("../../testdata/host/dpkg-status"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		db, _ := ParseDpkgDatabase(strings.NewReader(string(b)))
		for _, p := range db.Packages {
			if p.Name == "" || p.Manager != "dpkg" {
				t.Fatalf("bad package %+v", p)
			}
		}
		for _, c := range db.Conffiles {
			if !strings.HasPrefix(c.Path, "/") {
				t.Fatalf("bad conffile %+v", c)
			}
		}
	})
}

func FuzzParseAPKInstalled(f *testing.F) {
	if b, err := os.ReadFile("../../testdata/host/apk-installed"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		pkgs, _ := ParseAPKInstalled(strings.NewReader(string(b)))
		for _, p := range pkgs {
			if p.Name == "" {
				t.Fatalf("bad package %+v", p)
			}
		}
	})
}

func FuzzParseRPMHeader(f *testing.F) {
	f.Add(rpmHeader("openvpn", "2.6.12", "1.el9", 3))
	f.Add([]byte{0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 3, 0xe8, 0, 0, 0, 6, 0, 0, 0, 9, 0, 0, 0, 1, 'a', 'b', 'c', 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := ParseRPMHeader(b); err == nil && p.Name == "" {
			t.Fatal("a package without a name")
		}
	})
}

func TestParseDpkgConffiles(t *testing.T) {
	f, err := os.Open("../../testdata/host/dpkg-status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	db, err := ParseDpkgDatabase(f)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range db.Conffiles {
		got = append(got, fmt.Sprintf("%s %x %s removed=%v obsolete=%v", c.Path, c.MD5, c.Package, c.Removed, c.Obsolete))
	}
	// tinyproxy's conffile has no MD5 yet ("newconffile"); tor was removed, its
	// configuration left behind.
	want := []string{
		"/etc/default/openvpn 4d3a0f2e4c5b1b7f0c4e8a36a0b9e1c2 openvpn removed=false obsolete=false",
		"/etc/openvpn/update-resolv-conf 0123456789abcdef0123456789abcdef openvpn removed=false obsolete=true",
		"/etc/tor/torrc 5ae9f2c38fc4b4d4c0e5d5e7f2f0a1b3 tor removed=true obsolete=false",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseUCFHashfile(t *testing.T) {
	var p PackagedDefaults
	err := parseUCFHashfile(strings.NewReader("7e5dfe8a4e6e3c4b1a2b3c4d5e6f7a8b  /etc/privoxy/config\n\n"), &p)
	if err != nil {
		t.Fatal(err)
	}
	sum := [16]byte{0x7e, 0x5d, 0xfe, 0x8a, 0x4e, 0x6e, 0x3c, 0x4b, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x7a, 0x8b}
	if src, ok := p.Unchanged("/etc/privoxy/config", sum); !ok || src != "ucf" {
		t.Errorf("Unchanged = %q, %v", src, ok)
	}
	if _, ok := p.Unchanged("/etc/privoxy/config", [16]byte{}); ok {
		t.Error("another MD5 passes for unchanged")
	}
	if err := parseUCFHashfile(strings.NewReader("ok\nnot-a-sum /etc/x\n"), &p); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("garbage: %v, want an error naming line 1", err)
	}
}

func FuzzParseUCFHashfile(f *testing.F) {
	f.Add([]byte("7e5dfe8a4e6e3c4b1a2b3c4d5e6f7a8b  /etc/privoxy/config\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = parseUCFHashfile(bytes.NewReader(data), &PackagedDefaults{})
	})
}
