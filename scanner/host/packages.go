package host

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Package is one installed package.
type Package struct {
	Manager string // dpkg, rpm, apk
	Name    string
	Version string
}

// String renders a package the way a finding's subject does: "MANAGER NAME VERSION".
func (p Package) String() string {
	return strings.TrimSpace(p.Manager + " " + p.Name + " " + p.Version)
}

// ParseDpkgStatus reads /var/lib/dpkg/status: stanzas of "Key: value" lines separated
// by blank lines. Only packages whose Status says "installed" count; removed packages
// that left configuration files behind ("deinstall ok config-files") do not.
func ParseDpkgStatus(r io.Reader) ([]Package, error) {
	db, err := ParseDpkgDatabase(r)
	return db.Packages, err
}

// DpkgDatabase is what dpkg's status file says: the installed packages, and the
// configuration files (conffiles) of every package that has them, installed or
// removed with its configuration left behind.
type DpkgDatabase struct {
	Packages  []Package
	Conffiles []Conffile
}

// Conffile is a configuration file a package shipped, with the MD5 of the version it
// shipped: a file that still has it is the package's default.
type Conffile struct {
	Path     string
	MD5      [16]byte
	Package  string
	Removed  bool // the package is not installed; its configuration files are left
	Obsolete bool // the package no longer ships it
}

// ParseDpkgDatabase reads /var/lib/dpkg/status with the Conffiles field: lines
// " PATH MD5 [obsolete|remove-on-upgrade]" below it. A conffile whose MD5 dpkg has
// not recorded yet ("newconffile") is left out.
func ParseDpkgDatabase(r io.Reader) (DpkgDatabase, error) {
	var db DpkgDatabase
	var cur Package
	var status, field string
	var conffiles []Conffile
	flush := func() {
		installed := strings.HasSuffix(status, " installed")
		if cur.Name != "" && installed {
			cur.Manager = "dpkg"
			db.Packages = append(db.Packages, cur)
		}
		for _, c := range conffiles {
			c.Package, c.Removed = cur.Name, !installed
			db.Conffiles = append(db.Conffiles, c)
		}
		cur, status, conffiles = Package{}, "", nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20) // descriptions can be long
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		if text[0] == ' ' || text[0] == '\t' {
			if field == "Conffiles" {
				if c, ok := parseConffile(text); ok {
					conffiles = append(conffiles, c)
				}
			}
			continue // continuation of a multi-line field
		}
		key, val, ok := strings.Cut(text, ":")
		if !ok {
			return db, fmt.Errorf("line %d: not a field: %.60q", line, text)
		}
		field, val = key, strings.TrimSpace(val)
		switch key {
		case "Package":
			cur.Name = val
		case "Version":
			cur.Version = val
		case "Status":
			status = val
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return db, fmt.Errorf("line %d: %w", line+1, err)
	}
	return db, nil
}

// parseConffile reads " /etc/squid/squid.conf 8d7a52a0bd59e6b0a8c5f2b58a3e5d5f [obsolete]".
func parseConffile(text string) (Conffile, bool) {
	f := strings.Fields(text)
	if len(f) < 2 || !strings.HasPrefix(f[0], "/") {
		return Conffile{}, false
	}
	sum, err := hex.DecodeString(f[1])
	if err != nil || len(sum) != 16 {
		return Conffile{}, false // "newconffile": not recorded yet
	}
	return Conffile{Path: f[0], MD5: [16]byte(sum), Obsolete: slices.Contains(f[2:], "obsolete")}, true
}

// ParseAPKInstalled reads Alpine's /lib/apk/db/installed: one record a package,
// "P:" name and "V:" version lines, records separated by blank lines. Every record
// in that file is an installed package.
func ParseAPKInstalled(r io.Reader) ([]Package, error) {
	var out []Package
	var cur Package
	flush := func() {
		if cur.Name != "" {
			cur.Manager = "apk"
			out = append(out, cur)
		}
		cur = Package{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		b := sc.Bytes()
		switch {
		case len(bytes.TrimSpace(b)) == 0:
			flush()
		case bytes.HasPrefix(b, []byte("P:")):
			cur.Name = string(b[2:])
		case bytes.HasPrefix(b, []byte("V:")):
			cur.Version = string(b[2:])
		}
	}
	flush()
	return out, sc.Err()
}
