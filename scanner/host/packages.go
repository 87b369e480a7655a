package host

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
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
	var out []Package
	var cur Package
	var status string
	flush := func() {
		if cur.Name != "" && strings.HasSuffix(status, " installed") {
			cur.Manager = "dpkg"
			out = append(out, cur)
		}
		cur, status = Package{}, ""
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
			continue // continuation of a multi-line field
		}
		key, val, ok := strings.Cut(text, ":")
		if !ok {
			return out, fmt.Errorf("line %d: not a field: %.60q", line, text)
		}
		val = strings.TrimSpace(val)
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
		return out, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
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
