package file

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// BenchmarkScanSmallFiles scans many small text files with the built-in rules, as a
// host scan of /etc or a source tree does: files no configuration section names
// (their cost is a path lookup more than before), JSON files under the mining rule's
// broad paths without its "stratum+" (kept in memory, never parsed), and Debian's
// squid.conf (kept and judged).
func BenchmarkScanSmallFiles(b *testing.B) {
	s, err := signatures.Load(signatures.Options{})
	if err != nil {
		b.Fatal(err)
	}
	e := Compile(s)
	text := bytes.Repeat([]byte("a line of ordinary text, nothing to see here\n"), 90) // 4 KiB
	json := []byte(`{"name": "app", "version": "1.0.0", "dependencies": {"left-pad": "^1.3.0"}}` + "\n")
	squid, _ := os.ReadFile(filepath.Join(signatures.SamplesDir(), "deb/squid/etc/squid/squid.conf"))
	for _, bc := range []struct {
		name string
		data []byte
		path string
	}{
		{"plain", text, "/home/u/notes/%d.txt"},
		{"json-not-parsed", json, "/srv/app/node_modules/m%d/package.json"},
		{"squid-judged", squid, "/etc/squid/squid.conf"},
	} {
		if len(bc.data) == 0 {
			continue // the squid sample is not fetched here
		}
		b.Run(bc.name, func(b *testing.B) {
			fs := e.NewScanner()
			b.SetBytes(int64(len(bc.data)))
			for i := 0; b.Loop(); i++ {
				if _, err := fs.Scan(bytes.NewReader(bc.data), pathOf(bc.path, i)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func pathOf(format string, i int) string {
	if !bytes.Contains([]byte(format), []byte("%d")) {
		return format
	}
	return fmt.Sprintf(format, i%1000)
}
