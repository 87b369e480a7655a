package host

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// PackagedDefaults are the configuration files of a system as its packages shipped
// them: dpkg's conffiles with their MD5 (/var/lib/dpkg/status), and the files ucf
// manages for packages that generate them (/var/lib/ucf/hashfile). A file whose MD5 is
// still the listed one is a package's default, never something the tenant set up, so
// it is never a config finding: Debian's squid.conf listens on every address but lets
// only localhost in, and trojan's packaged config.json is a server's. A package
// removed with its configuration left behind keeps its conffiles here too: unchanged,
// they are still the package's bytes; changed, they are judged like any file, since
// a program from elsewhere may read them. The zero value lists nothing.
type PackagedDefaults struct {
	files map[string][]defaultFile
}

type defaultFile struct {
	md5    [16]byte
	source string // "dpkg PACKAGE" or "ucf"
}

// Len returns how many files are listed.
func (p *PackagedDefaults) Len() int {
	if p == nil {
		return 0
	}
	return len(p.files)
}

// Unchanged reports whether the file at path (inside the scanned system) has the MD5
// a package shipped it with, and names the source ("dpkg squid").
func (p *PackagedDefaults) Unchanged(path string, md5 [16]byte) (string, bool) {
	if p == nil {
		return "", false
	}
	for _, d := range p.files[path] {
		if d.md5 == md5 {
			return d.source, true
		}
	}
	return "", false
}

func (p *PackagedDefaults) add(path string, md5 [16]byte, source string) {
	if p.files == nil {
		p.files = map[string][]defaultFile{}
	}
	p.files[path] = append(p.files[path], defaultFile{md5, source})
}

// ReadPackagedDefaults lists the packaged configuration files of the system in root.
// A database that is present but unreadable is an error; what was read still counts.
func ReadPackagedDefaults(root *os.Root) (*PackagedDefaults, error) {
	p := &PackagedDefaults{}
	var errs []error
	read := func(rel string, parse func(io.Reader) error) {
		f, err := root.Open(rel)
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		if err == nil {
			err = parse(f)
			f.Close()
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("/%s: %w", rel, err))
		}
	}
	read("var/lib/dpkg/status", func(r io.Reader) error {
		db, err := ParseDpkgDatabase(r)
		for _, c := range db.Conffiles {
			p.add(c.Path, c.MD5, "dpkg "+c.Package)
		}
		return err
	})
	read("var/lib/ucf/hashfile", func(r io.Reader) error { return parseUCFHashfile(r, p) })
	return p, errors.Join(errs...)
}

// parseUCFHashfile reads ucf's list of the pristine versions of the files it
// manages: "MD5  PATH" lines, as md5sum writes them.
func parseUCFHashfile(r io.Reader, p *PackagedDefaults) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		sum, path, ok := strings.Cut(strings.TrimSpace(sc.Text()), " ")
		if !ok && sum == "" {
			continue
		}
		b, err := hex.DecodeString(sum)
		path = strings.TrimSpace(path)
		if err != nil || len(b) != 16 || !strings.HasPrefix(path, "/") {
			return fmt.Errorf("line %d: not \"MD5  PATH\"", n)
		}
		p.add(path, [16]byte(b), "ucf")
	}
	return sc.Err()
}
