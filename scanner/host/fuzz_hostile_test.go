package host

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseProcNet reads arbitrary bytes as a /proc/net/{tcp,udp}[6] table (a VM
// root's is the tenant's to write): no panic, and every listener it keeps has an
// address and a protocol.
func FuzzParseProcNet(f *testing.F) {
	header := "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	f.Add([]byte(header+"   0: 0100007F:0438 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0\n"), "tcp", "0A")
	f.Add([]byte(header+"   1: 00000000000000000000000001000000:04AA 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 999 2 0000000000000000 0\n"), "udp", "07")
	f.Add([]byte(header+"   0: ZZ:0438 0:0 0A a b c d e 1\n"), "tcp", "0A")
	f.Fuzz(func(t *testing.T, data []byte, proto, state string) {
		out := map[uint64]Listener{}
		_ = parseProcNet(bytes.NewReader(data), proto, state, out)
		for inode, l := range out {
			if inode == 0 || !l.Addr.IsValid() || l.Proto != proto {
				t.Fatalf("listener %+v at inode %d", l, inode)
			}
		}
	})
}

// FuzzReadRPMDB reads arbitrary bytes as a VM's rpmdb.sqlite, the whole file through
// SQLite: no panic and no hang, and every package it lists has a name.
func FuzzReadRPMDB(f *testing.F) {
	dir := f.TempDir()
	p := filepath.Join(dir, "seed.sqlite")
	db, err := sql.Open("sqlite", p)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)`); err != nil {
		f.Fatal(err)
	}
	for _, b := range [][]byte{rpmHeader("bash", "5.2.26", "3.fc40", 0), []byte("damaged")} {
		if _, err := db.Exec(`INSERT INTO Packages (blob) VALUES (?)`, b); err != nil {
			f.Fatal(err)
		}
	}
	db.Close()
	seed, err := os.ReadFile(p)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("SQLite format 3\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "rpmdb.sqlite"), data, 0o600); err != nil {
			t.Fatal(err)
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer root.Close()
		pkgs, _ := ReadRPMDB(root, "rpmdb.sqlite")
		for _, p := range pkgs {
			if p.Name == "" || p.Manager != "rpm" {
				t.Fatalf("bad package %+v", p)
			}
		}
	})
}
