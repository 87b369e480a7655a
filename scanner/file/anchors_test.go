package file

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// regexEngine compiles one file rule whose single pattern is the regex expr.
func regexEngine(t *testing.T, expr string) *Engine {
	t.Helper()
	dir := t.TempDir()
	rule := `[[rule]]
id = "test.anchor"
name = "anchor"
category = "malware"
severity = "low"
description = "A regex with anchors."
[rule.file]
patterns = [{ regex = '` + expr + `' }]
`
	if err := os.WriteFile(filepath.Join(dir, "r.toml"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	return Compile(s)
}

// TestRegexAnchorsMeanFileStartAndEnd: `^`, `$`, `\A` and `\z` match at the file's
// start and end only, not at the start and end of each chunk the file is read in (a
// 300,000-byte file of "a" and a "!" once matched `a{4,}$` at the 256 KiB boundary).
func TestRegexAnchorsMeanFileStartAndEnd(t *testing.T) {
	big := strings.Repeat("a", 300_000)
	for _, tc := range []struct {
		name, expr, content string
		want                bool
	}{
		{"end anchor, file ends otherwise", `a{4,}$`, big + "!", false},
		{"end anchor, file ends so", `a{4,}$`, "!" + big, true},
		{"end anchor, file ends so at a chunk's end", `a{4,}$`, strings.Repeat("a", chunkSize), true},
		{"\\z, file ends otherwise", `a{4,}\z`, big + "!", false},
		{"start anchor, file starts otherwise", `^a{4,}`, "!" + big, false},
		{"start anchor, file starts so", `^a{4,}`, big + "!", true},
		{"\\A, file starts otherwise", `\Aa{4,}`, "!" + big, false},
		// A match longer than regexReach across a boundary may be missed: whole files
		// within reach.
		{"both anchors", `^a+$`, big[:regexReach-1], true},
		{"both anchors, not the whole file", `^a+$`, big[:regexReach-2] + "!", false},
		{"no anchors", `a{4,}!`, big + "!", true},
		// Line anchors and word boundaries look past a window's edge too.
		{"(?m)$, file ends otherwise", `(?m)a{4,}$`, big + "!", false},
		{"(?m)$, a line ends", `(?m)a{4,}$`, big + "\n!", true},
		{"(?m)$, file ends so", `(?m)a{4,}$`, "!" + big, true},
		{"(?m)^, no line starts", `(?m)^a{4,}!`, "!" + big + "!", false},
		{"(?m)^, a line starts", `(?m)^a{4,}!`, "!\n" + big[:500] + "!", true},
		{"\\b, inside a word", `\ba{4,}\b`, "x" + big + "y", false},
		{"\\b, a word", `\ba{4,}\b`, "x" + big + " aaaa !", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := regexEngine(t, tc.expr)
			for _, chunk := range []int{chunkSize, 4096, 1000} {
				res, err := e.newScanner(chunk).Scan(bytes.NewReader([]byte(tc.content)), "/f")
				if err != nil {
					t.Fatal(err)
				}
				if got := len(res.Matches) > 0; got != tc.want {
					t.Errorf("chunk %d: %q over %d bytes matched %v, want %v", chunk, tc.expr, len(tc.content), got, tc.want)
				}
			}
		})
	}
}
