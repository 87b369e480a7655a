package signatures

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

//go:generate go run ./internal/mkbundle

// builtinBundle holds the built-in rules (the files under builtin/) in one blob whose
// bytes are masked. The rules' patterns must not sit in the binary as they are
// written: a scan of /usr/local/bin, or of a Go build cache in /tmp, would find every
// content rule in aupscan itself, and in every other copy of it. `go generate` rebuilds
// the blob; a test fails when it is out of date.
//
//go:embed builtin.masked
var builtinBundle []byte

// bundleMask is XORed over the blob. It is not secrecy (the rules are published), only
// a way to keep pattern bytes from appearing verbatim.
const bundleMask = 0xA5

const builtinDir = "builtin"

var builtinFiles = sync.OnceValues(func() (map[string][]byte, error) { return DecodeBundle(builtinBundle) })

// EncodeBundle bundles the files directly inside dir and in its subfolders, in name
// order: for each, the slash path and the bytes, each preceded by its length; then
// masks the whole.
func EncodeBundle(dir string) ([]byte, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	var b []byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(dir, p)
		b = binary.AppendUvarint(b, uint64(len(rel)))
		b = append(b, filepath.ToSlash(rel)...)
		b = binary.AppendUvarint(b, uint64(len(data)))
		b = append(b, data...)
	}
	for i := range b {
		b[i] ^= bundleMask
	}
	return b, nil
}

// DecodeBundle unmasks and splits what EncodeBundle made.
func DecodeBundle(bundle []byte) (map[string][]byte, error) {
	b := bytes.Clone(bundle)
	for i := range b {
		b[i] ^= bundleMask
	}
	out := map[string][]byte{}
	for len(b) > 0 {
		name, rest, err := chunk(b)
		if err != nil {
			return nil, err
		}
		data, rest, err := chunk(rest)
		if err != nil {
			return nil, err
		}
		out[string(name)] = data
		b = rest
	}
	return out, nil
}

func chunk(b []byte) (data, rest []byte, err error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return nil, nil, errors.New("built-in rule bundle is damaged")
	}
	return b[k : k+int(n)], b[k+int(n):], nil
}

// readBuiltin reads a file of the built-in rules by its path under builtin/.
func readBuiltin(name string) ([]byte, error) {
	files, err := builtinFiles()
	if err != nil {
		return nil, err
	}
	data, ok := files[strings.TrimPrefix(name, builtinDir+"/")]
	if !ok {
		return nil, fmt.Errorf("built-in rules have no file %s: %w", name, fs.ErrNotExist)
	}
	return data, nil
}

// builtinRuleFiles lists the rule files of the built-in rules, in name order.
func builtinRuleFiles() ([]string, error) {
	files, err := builtinFiles()
	if err != nil {
		return nil, err
	}
	var names []string
	for n := range files {
		if !strings.Contains(n, "/") && strings.HasSuffix(n, ".toml") {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names, nil
}
