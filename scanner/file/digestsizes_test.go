package file

import (
	"crypto/md5"
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
