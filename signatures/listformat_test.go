package signatures

import (
	"bytes"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddressListFormats reads real Tor lists in each form the loader takes.
func TestAddressListFormats(t *testing.T) {
	for _, tc := range []struct {
		file, format string
		n            int
		has          string
	}{
		{"tor/metrics_consensus", ListTorConsensus, 7, "178.218.213.229"},
		{"tor/cached-microdesc-consensus", ListTorConsensus, 4, "95.215.44.189"},
		{"tor/exit-addresses-2018-11-02", ListTorExitAddresses, 929, "162.247.74.201"},
		{"tor/onionoo-details.json", ListOnionoo, 2, "98.45.181.220"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "testdata", "lists", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := SniffAddressList(data); got != tc.format {
				t.Errorf("sniffed %q, want %q", got, tc.format)
			}
			ps, err := ReadAddressList(bytes.NewReader(data), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != tc.n {
				t.Errorf("%d addresses, want %d", len(ps), tc.n)
			}
			if !NewAddrSet(ps).Contains(netip.MustParseAddr(tc.has)) {
				t.Errorf("%s not in the list", tc.has)
			}
		})
	}
	// FireHOL and Spamhaus forms: comments, ranges, a comment after the entry.
	ps, err := ReadAddressList(strings.NewReader("#\n# firehol_level1\n#\n0.0.0.0/8\n1.10.16.0/20 ; SBL256894\n2001:db8::/32\n\n192.0.2.7 # one host\n"), "")
	if err != nil || len(ps) != 4 {
		t.Errorf("plain list: %v %v", ps, err)
	}
	// IPv6 relays of a consensus come from its "a" lines.
	ps, err = ReadAddressList(strings.NewReader("network-status-version 3\nr n id dg 2024-01-01 00:00:00 192.0.2.1 9001 0\na [2001:db8::9]:9001\n"), "")
	if err != nil || len(ps) != 2 || ps[1].Addr() != netip.MustParseAddr("2001:db8::9") {
		t.Errorf("consensus with an a line: %v %v", ps, err)
	}
	for _, bad := range []string{"network-status-version 3\nr short line\n", "{\"relays\": 3}", "{\"version\":\"8.0\"}", "{\"relays\":[{\"or_addresses\":[\"nope\"]}]}"} {
		if _, err := ReadAddressList(strings.NewReader(bad), ""); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestRuleReadsConsensus: a rule's address_files names a consensus and an Onionoo
// document as they are downloaded; both load.
func TestRuleReadsConsensus(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"metrics_consensus", "onionoo-details.json"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "lists", "tor", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	rule := `[[rule]]
id = "op.tor.relays"
name = "Tor relay"
category = "tor"
severity = "high"
description = "A connection to a relay of the consensus."
[[rule.traffic]]
address_files = ["metrics_consensus", "onionoo-details.json"]
[[rule.match]]
address = "178.218.213.229"
[[rule.match]]
address = "165.22.200.169"
[[rule.nomatch]]
address = "192.0.2.1"
`
	os.WriteFile(filepath.Join(dir, "tor.toml"), []byte(rule), 0o644)
	s, err := Load(Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	a := s.Rule("op.tor.relays").Traffic[0].Addrs()
	for _, ip := range []string{"178.218.213.229", "165.22.200.169", "98.45.181.220"} {
		if !a.Contains(netip.MustParseAddr(ip)) {
			t.Errorf("%s missing", ip)
		}
	}
}

// TestClamAVHashLists loads ClamAV's own test hash databases: every line reads, and
// the sizes are kept for MD5 and SHA-1.
func TestClamAVHashLists(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "lists", "clamav", "*.h?b"))
	if len(files) < 10 {
		t.Fatalf("%d files", len(files))
	}
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h, err := ReadHashList(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", f, err)
		}
		total += h.Len()
	}
	h, err := ReadHashList(strings.NewReader("8a655379478861572791e2404f45f9ed:1447992:Test.GenSig.HDB\n" +
		"4a2a55f483339bf55fae340f82d3b42001b30e16:*:Test.GenSig.HSB:73\n" +
		"ecb52dac06daf876b6ed53063c5fdd5a3e05a0e70f7d326670f202f36ae66c95:1447992:Test.HSB\n"))
	if err != nil {
		t.Fatal(err)
	}
	md5, md5Any, sha1, sha1Any := h.DigestSizes()
	if len(md5) != 1 || md5[0] != 1447992 || md5Any || len(sha1) != 0 || !sha1Any || h.Len() != 3 {
		t.Errorf("sizes: md5 %v %v, sha1 %v %v, %d hashes", md5, md5Any, sha1, sha1Any, h.Len())
	}
	for _, bad := range []string{"8a655379478861572791e2404f45f9ed:big:name", "8a655379478861572791e2404f45f9ed:12", "zz:1:x"} {
		if _, err := ReadHashList(strings.NewReader(bad + "\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	t.Logf("%d files, %d hashes", len(files), total)
}

func FuzzReadAddressList(f *testing.F) {
	for _, p := range []string{"tor/metrics_consensus", "tor/onionoo-details.json", "tor/exit-addresses-2018-11-02"} {
		b, _ := os.ReadFile(filepath.Join("..", "testdata", "lists", p))
		f.Add(b[:min(len(b), 4096)])
	}
	f.Add([]byte("1.2.3.0/24 ; x\n2001:db8::1 # y\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := ReadAddressList(bytes.NewReader(data), "")
		if err == nil {
			for _, p := range ps {
				if !p.IsValid() {
					t.Fatalf("invalid prefix from %q", data)
				}
			}
		}
	})
}

func FuzzReadHashList(f *testing.F) {
	f.Add([]byte("8a655379478861572791e2404f45f9ed:1447992:Test\n"))
	f.Add([]byte("4a2a55f483339bf55fae340f82d3b42001b30e16:*:Test:73\n"))
	f.Add([]byte("ecb52dac06daf876b6ed53063c5fdd5a3e05a0e70f7d326670f202f36ae66c95  /bin/x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, _ := ReadHashList(bytes.NewReader(data))
		md5, _, sha1, _ := h.DigestSizes()
		for _, s := range append(md5, sha1...) {
			if s < 0 {
				t.Fatalf("negative size from %q", data)
			}
		}
	})
}
