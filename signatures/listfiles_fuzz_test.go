package signatures

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoadListFiles gives the loader arbitrary bytes as each kind of list file a rule
// names (hash list, address list, domain suffix list), as a feed or an operator's
// download would bring them: a set or problems naming the file, never a panic.
func FuzzLoadListFiles(f *testing.F) {
	f.Add([]byte("ecb52dac06daf876b6ed53063c5fdd5a3e05a0e70f7d326670f202f36ae66c95  /bin/x\n# c\n"),
		[]byte("10.0.0.0/8\n2001:db8::/32 # x\n"), []byte("example.net\n.example.org\n"))
	f.Add([]byte("8a655379478861572791e2404f45f9ed:1447992:Test\n"),
		[]byte("r aaa AAAAAAAAAAAAAAAAAAAAAAAAAAA 2018-01-01 00:00:00 192.0.2.1 9001 0\n"), []byte("*.x\n"))
	if b, err := os.ReadFile("../testdata/lists/tor/onionoo-details.json"); err == nil {
		f.Add([]byte("4a2a55f483339bf55fae340f82d3b42001b30e16:*:Test:73\n"), b[:min(len(b), 4096)], []byte("a..b\n"))
	}
	const rules = `[[rule]]
id = "t.hashes"
name = "hashes"
category = "malware"
severity = "low"
description = "A hash list."
[rule.file]
hash_files = ["hashes"]

[[rule]]
id = "t.addresses"
name = "addresses"
category = "tor"
severity = "low"
description = "An address list."
[[rule.traffic]]
address_files = ["addresses"]

[[rule]]
id = "t.domains"
name = "domains"
category = "proxy"
severity = "low"
description = "A domain suffix list."
[[rule.traffic]]
server_name = { suffix_files = ["domains"] }
`
	f.Fuzz(func(t *testing.T, hashes, addresses, domains []byte) {
		dir := t.TempDir()
		for name, data := range map[string][]byte{"hashes": hashes, "addresses": addresses, "domains": domains, "r.toml": []byte(rules)} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		s, err := Load(Options{Dirs: []string{dir}, NoBuiltin: true})
		if err != nil {
			if _, ok := err.(Problems); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if s.Len() != 3 {
			t.Fatalf("loaded %d rules, want 3", s.Len())
		}
	})
}
