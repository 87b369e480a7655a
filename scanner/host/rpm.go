package host

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, "sqlite"
)

// RPM header tags and types the scanner reads (rpm's lib/rpmtag.h).
const (
	rpmTagName    = 1000
	rpmTagVersion = 1001
	rpmTagRelease = 1002
	rpmTagEpoch   = 1003
	rpmTypeInt32  = 4
	rpmTypeString = 6
)

// ParseRPMHeader reads name and version from an rpmdb header blob: a count of index
// entries and the data size (big-endian int32s), the 16-byte entries (tag, type,
// offset, count), then the data. Every offset is checked: a hostile blob is an error.
func ParseRPMHeader(blob []byte) (Package, error) {
	if len(blob) < 8 {
		return Package{}, errors.New("rpm header: shorter than 8 bytes")
	}
	il, dl := binary.BigEndian.Uint32(blob), binary.BigEndian.Uint32(blob[4:])
	if il > 1<<16 || uint64(len(blob)) < 8+16*uint64(il)+uint64(dl) {
		return Package{}, fmt.Errorf("rpm header: %d entries and %d data bytes do not fit in %d bytes", il, dl, len(blob))
	}
	data := blob[8+16*il : 8+16*il+dl]
	p := Package{Manager: "rpm"}
	var version, release, epoch string
	for i := range il {
		e := blob[8+16*i:]
		tag, typ, off := binary.BigEndian.Uint32(e), binary.BigEndian.Uint32(e[4:]), binary.BigEndian.Uint32(e[8:])
		if off >= uint32(len(data)) {
			continue
		}
		switch {
		case typ == rpmTypeString && tag == rpmTagName:
			p.Name = cString(data[off:])
		case typ == rpmTypeString && tag == rpmTagVersion:
			version = cString(data[off:])
		case typ == rpmTypeString && tag == rpmTagRelease:
			release = cString(data[off:])
		case typ == rpmTypeInt32 && tag == rpmTagEpoch && off+4 <= uint32(len(data)):
			epoch = strconv.Itoa(int(binary.BigEndian.Uint32(data[off:])))
		}
	}
	if p.Name == "" {
		return Package{}, errors.New("rpm header: no name")
	}
	p.Version = version
	if release != "" {
		p.Version += "-" + release
	}
	if epoch != "" && epoch != "0" {
		p.Version = epoch + ":" + p.Version
	}
	return p, nil
}

func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// ReadRPMDB lists the packages of an SQLite rpmdb (Fedora 33+, RHEL 9, openSUSE).
// The database is copied out of the scan root first: SQLite opens files by path, and
// a path under a VM's root could lead through a symbolic link to the host's own files.
// Every row of the Packages table is an installed package.
func ReadRPMDB(root *os.Root, rel string) ([]Package, error) {
	tmp, err := os.MkdirTemp("", "aupscan-rpmdb-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	dst := tmp + "/rpmdb.sqlite"
	if err := copyFromRoot(root, rel, dst); err != nil {
		return nil, err
	}
	// The write-ahead log holds the latest transactions until a checkpoint.
	if err := copyFromRoot(root, rel+"-wal", dst+"-wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	db, err := sql.Open("sqlite", "file:"+dst+"?_pragma=query_only(1)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query("SELECT blob FROM Packages")
	if err != nil {
		return nil, fmt.Errorf("rpmdb: %w", err)
	}
	defer rows.Close()
	var out []Package
	for rows.Next() {
		var blob []byte
		if err := rows.Scan(&blob); err != nil {
			return out, fmt.Errorf("rpmdb: %w", err)
		}
		p, err := ParseRPMHeader(blob)
		if err != nil {
			continue // a damaged header hides one package, not the rest
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func copyFromRoot(root *os.Root, rel, dst string) error {
	src, err := root.Open(rel)
	if err != nil {
		return err
	}
	defer src.Close()
	if fi, err := src.Stat(); err != nil || !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", rel)
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, src); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
