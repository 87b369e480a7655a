package archive

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// sevenZipSeeds are the headers (with the packed streams before them, so that a
// compressed header still decodes) of small archives made by 7zz; none when it is
// not installed.
func sevenZipSeeds(f *testing.F) [][]byte {
	zz, err := exec.LookPath("7zz")
	if err != nil {
		return nil
	}
	dir := f.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("hello 7z\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	var out [][]byte
	for i, args := range [][]string{{"-mhc=off"}, {}, {"-m0=copy", "-mhc=off"}} {
		name := filepath.Join(dir, "s"+string(rune('0'+i))+".7z")
		cmd := exec.Command(zz, append(append([]string{"a", "-bd"}, args...), name, "a.txt")...)
		cmd.Dir = dir
		if err := cmd.Run(); err != nil {
			f.Fatal(err)
		}
		data, err := os.ReadFile(name)
		if err != nil || len(data) < 32 {
			f.Fatal(err)
		}
		// The fuzz input starts right after the start header: with NextHeaderOffset
		// 0, what 7zz wrote before the header (the packed streams) is lost, so the
		// seed keeps the header only.
		off := binary.LittleEndian.Uint64(data[12:20])
		out = append(out, data[32+off:])
	}
	return out
}
