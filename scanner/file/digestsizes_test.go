package file

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// TestMD5OnlyForListedSizes: with a ClamAV .hdb, whose hashes carry their files'
// sizes, a file of a listed size is hashed with MD5 and found; a file of another
// size is not hashed with MD5 at all.
func TestMD5OnlyForListedSizes(t *testing.T) {
	dir := t.TempDir()
	bad := []byte("a known bad file's bytes")
	sum := md5.Sum(bad)
	hdb := hex.EncodeToString(sum[:]) + ":" + strconv.Itoa(len(bad)) + ":Test.Known-Bad\n"
	os.WriteFile(filepath.Join(dir, "known-md5.list"), []byte(hdb), 0o644)
	os.WriteFile(filepath.Join(dir, "r.toml"), []byte(`[[rule]]
id = "test.hdb"
name = "known bad"
category = "malware"
severity = "high"
description = "A file a ClamAV hash database lists."
[rule.file]
hash_files = ["known-md5.list"]
`), 0o644)
	s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	sc := Compile(s).NewScanner()
	scan := func(content []byte) Result {
		p := filepath.Join(t.TempDir(), "f")
		os.WriteFile(p, content, 0o644)
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		res, err := sc.Scan(f, "/f")
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := scan(bad); len(res.Matches) != 1 || res.Digests.MD5 == nil {
		t.Errorf("listed size: matches %v, md5 %v", res.Matches, res.Digests.MD5)
	}
	if res := scan(append(bad, '!')); len(res.Matches) != 0 || res.Digests.MD5 != nil {
		t.Errorf("other size: matches %v, md5 computed %v", res.Matches, res.Digests.MD5 != nil)
	}
}

// TestSHA256OnlyForListedSizes: with SHA-256 hashes given with their files' sizes
// (.hsb), only a file of a listed size is hashed; a file of another size is not, but
// one with a finding is hashed afterwards, for the finding's evidence; and a cache
// that kept an unhashed file's digests cannot decide for a list that needs them.
func TestSHA256OnlyForListedSizes(t *testing.T) {
	dir := t.TempDir()
	bad := []byte("a known bad file's bytes")
	sum := sha256.Sum256(bad)
	hsb := hex.EncodeToString(sum[:]) + ":" + strconv.Itoa(len(bad)) + ":Test.Known-Bad:73\n"
	os.WriteFile(filepath.Join(dir, "known.sized"), []byte(hsb), 0o644)
	os.WriteFile(filepath.Join(dir, "r.toml"), []byte(`[[rule]]
id = "test.hsb"
name = "known bad"
category = "malware"
severity = "high"
description = "A file a ClamAV hash database lists."
[rule.file]
hash_files = ["known.sized"]

[[rule]]
id = "test.pattern"
name = "a pattern"
category = "malware"
severity = "high"
description = "A file with a pattern."
[rule.file]
patterns = [{ text = "miner-pool-xyz" }]
`), 0o644)
	s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	e := Compile(s)
	sc := e.NewScanner()
	scan := func(content []byte) Result {
		p := filepath.Join(t.TempDir(), "f")
		os.WriteFile(p, content, 0o644)
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		res, err := sc.Scan(f, "/f")
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := scan(bad); len(res.Matches) != 1 || res.Digests.SHA256 != sum {
		t.Errorf("listed size: matches %v, sha256 %x", res.Matches, res.Digests.SHA256)
	}
	other := scan(append(bad, '!'))
	if len(other.Matches) != 0 || other.Digests.HasSHA256() {
		t.Errorf("other size: matches %v, sha256 computed %v", other.Matches, other.Digests.HasSHA256())
	}
	if !e.CanMatchDigests(&other.Digests, other.Size) || e.CanMatchDigests(&other.Digests, int64(len(bad))) {
		t.Error("CanMatchDigests: an unhashed file of another size can be decided, one of the listed size cannot")
	}
	found := []byte("config: miner-pool-xyz\n")
	if res := scan(found); len(res.Matches) != 1 || res.Digests.SHA256 != sha256.Sum256(found) {
		t.Errorf("a finding: matches %v, sha256 %x, want the file's hash for the evidence", res.Matches, res.Digests.SHA256)
	}
}
