package signatures

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"strings"
)

// List file formats. The loader tells them apart by their content, so a rule names
// a list file whatever its form; a feed ([[feed]] format) names one and is held to
// it.
const (
	// ListPlain is one entry a line, its first field, "#" comments: addresses and
	// CIDR ranges (FireHOL and Spamhaus lists, the Tor bulk exit list), domains,
	// hashes (sha256sum output works as it is).
	ListPlain = "plain"
	// ListTorConsensus is a Tor network status consensus (or a cached-consensus
	// file): the addresses of its "r" lines and IPv6 "a" lines.
	ListTorConsensus = "tor-consensus"
	// ListTorExitAddresses is TorDNSEL's exit-addresses: its "ExitAddress" lines.
	ListTorExitAddresses = "tor-exit-addresses"
	// ListOnionoo is an Onionoo details document (JSON): every relay's
	// or_addresses and exit_addresses.
	ListOnionoo = "onionoo"
	// ListClamAVHash is a ClamAV hash database: .hdb (MD5:size:name) or .hsb
	// (SHA256 or SHA1:size:name, size "*" for any): the sizes tell the file engine
	// which files need an MD5 or SHA-1 at all.
	ListClamAVHash = "clamav-hash"
)

// SniffAddressList says which address list format data (a file's first bytes) is.
func SniffAddressList(head []byte) string {
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(t) > 0 && t[0] == '{' {
		return ListOnionoo
	}
	for _, line := range bytes.Split(t, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		switch {
		case bytes.HasPrefix(line, []byte("@type network-status-consensus")), bytes.HasPrefix(line, []byte("network-status-version")):
			return ListTorConsensus
		case bytes.HasPrefix(line, []byte("ExitNode ")), bytes.HasPrefix(line, []byte("@type tordnsel")):
			return ListTorExitAddresses
		}
		return ListPlain
	}
	return ListPlain
}

// readAddressList reads an address list of any format from r: each entry with its
// line (0 for JSON). Errors name the line; fn gets every entry.
func readAddressList(r io.Reader, format string, fn func(entry string, line int) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if format == "" {
		head, _ := br.Peek(4096)
		format = SniffAddressList(head)
	}
	if format == ListOnionoo {
		return readOnionoo(br, fn)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	var errs []error
	for sc.Scan() {
		n++
		entry, err := addressEntry(format, sc.Text())
		if err == nil && entry != "" {
			err = fn(entry, n)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", n, err))
			if len(errs) == 10 {
				return errors.Join(append(errs, errors.New("stopped after 10 bad lines"))...)
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("line %d: %w", n+1, err))
	}
	return errors.Join(errs...)
}

// addressEntry picks the address of one line of a list of format: "" for a line
// that holds none (a comment, another keyword of a consensus).
func addressEntry(format, line string) (string, error) {
	if i := strings.IndexByte(line, '#'); i >= 0 && format != ListTorConsensus {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) == 0 {
		return "", nil
	}
	switch format {
	case ListTorConsensus:
		switch f[0] {
		case "r":
			// r nickname identity digest date time IP ORPort DirPort; a microdescriptor
			// consensus has no digest. Either way the address is third from the end.
			if len(f) != 9 && len(f) != 8 {
				return "", fmt.Errorf("consensus r line has %d fields, want 9 (8 in a microdescriptor consensus)", len(f))
			}
			return f[len(f)-3], nil
		case "a": // a [IPv6]:port (or IPv4:port)
			if len(f) < 2 {
				return "", errors.New("consensus a line without an address")
			}
			ap, err := netip.ParseAddrPort(f[1])
			if err != nil {
				return "", fmt.Errorf("consensus a line: %q is not ADDRESS:PORT", f[1])
			}
			return ap.Addr().String(), nil
		}
		return "", nil
	case ListTorExitAddresses:
		if f[0] == "ExitAddress" && len(f) >= 2 {
			return f[1], nil
		}
		return "", nil
	}
	return f[0], nil
}

// onionooDoc is what an Onionoo details document holds of use here.
type onionooDoc struct {
	Relays []struct {
		ORAddresses   []string `json:"or_addresses"`
		ExitAddresses []string `json:"exit_addresses"`
	} `json:"relays"`
}

// readOnionoo reads an Onionoo details document: the relays' OR addresses
// ("ADDRESS:PORT", IPv6 in brackets) and exit addresses.
func readOnionoo(r io.Reader, fn func(string, int) error) error {
	var doc onionooDoc
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("onionoo document: %w", err)
	}
	if doc.Relays == nil {
		return errors.New(`onionoo document: no "relays" array (is this a details document?)`)
	}
	var errs []error
	for i, rel := range doc.Relays {
		for _, a := range rel.ORAddresses {
			ap, err := netip.ParseAddrPort(a)
			if err == nil {
				err = fn(ap.Addr().String(), 0)
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("relays[%d].or_addresses: %q: %w", i, a, err))
			}
		}
		for _, a := range rel.ExitAddresses {
			if err := fn(a, 0); err != nil {
				errs = append(errs, fmt.Errorf("relays[%d].exit_addresses: %w", i, err))
			}
		}
		if len(errs) >= 10 {
			return errors.Join(append(errs, errors.New("stopped after 10 bad entries"))...)
		}
	}
	return errors.Join(errs...)
}

// ReadAddressList reads an address list in format ("" to tell it from the content)
// and returns its addresses and ranges: what the loader makes of an address_files
// entry. Errors name the line (or the JSON entry).
func ReadAddressList(r io.Reader, format string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	err := readAddressList(r, format, func(e string, _ int) error {
		p, err := ParseAddr(e)
		if err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// ReadHashList reads a hash list (sha256sum output, plain hashes, ClamAV .hdb and
// .hsb lines) into a HashSet, as hash_files are read. Errors name the line. A reader
// that can seek (a file, a bytes.Reader) is read twice, so that the set is reserved
// at its final size (hashload.go).
func ReadHashList(r io.Reader) (*HashSet, error) {
	s := &HashSet{}
	where := func(line int) string { return fmt.Sprintf("line %d", line) }
	var err error
	if rs, ok := r.(io.ReadSeeker); ok {
		err = s.readHashes(rs, where)
	} else {
		err = scanFields(r, where, s.addBytes)
	}
	s.Freeze()
	return s, err
}
