package file

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// loadTOML loads one operator rule file, without the built-in rules.
func loadTOML(t *testing.T, text string) *signatures.Set {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "rules.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return s
}

// cvRules writes three file rules: one on ELF content, one on text content, one on
// hashes. Each placeholder lets a case change one thing.
func cvRules(elfText, textCond, hash, textSeverity, extra string) string {
	return `
[[rule]]
id = "t.elf"
name = "ELF tool"
category = "proxy"
severity = "high"
description = "d"
[rule.file]
type = "elf"
patterns = [{ text = "` + elfText + `" }]

[[rule]]
id = "t.text"
name = "Config"
category = "proxy"
severity = "` + textSeverity + `"
description = "d"
[rule.file]
type = "text"
condition = "` + textCond + `"
patterns = [{ text = "socks-server" }, { text = "listen-port" }]

[[rule]]
id = "t.hash"
name = "Known file"
category = "malware"
severity = "critical"
description = "d"
[rule.file]
hashes = ["` + hash + `"]
` + extra
}

const (
	hashA = "0000000000000000000000000000000000000000000000000000000000000001"
	hashB = "0000000000000000000000000000000000000000000000000000000000000002"
)

// TestContentVersion checks that a file type's content version changes exactly when
// a rule that can match that type by content changes.
func TestContentVersion(t *testing.T) {
	base := Compile(loadTOML(t, cvRules("evil-elf", "all", hashA, "high", "")))
	goRule := `
[[rule]]
id = "t.go"
name = "Go tool"
category = "proxy"
severity = "high"
description = "d"
[rule.file]
go_modules = ["example.com/tool"]
`
	types := []string{signatures.TypeELF, signatures.TypeScript, signatures.TypeText, "binary"}
	for _, tc := range []struct {
		name    string
		rules   string
		changed []string // types whose version must change; the others must not
	}{
		{"same rules", cvRules("evil-elf", "all", hashA, "high", ""), nil},
		{"new hash list", cvRules("evil-elf", "all", hashB, "high", ""), nil},
		{"severity of a content rule", cvRules("evil-elf", "all", hashA, "low", ""), nil},
		{"ELF pattern", cvRules("evil-elf-2", "all", hashA, "high", ""), []string{signatures.TypeELF}},
		{"text condition", cvRules("evil-elf", "any", hashA, "high", ""), []string{signatures.TypeScript, signatures.TypeText}},
		{"Go module rule", cvRules("evil-elf", "all", hashA, "high", goRule), []string{signatures.TypeELF}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fm := Compile(loadTOML(t, tc.rules))
			for _, ft := range types {
				want := strings.Contains(strings.Join(tc.changed, ","), ft)
				if got := fm.ContentVersion(ft) != base.ContentVersion(ft); got != want {
					t.Errorf("type %s: changed %v, want %v", ft, got, want)
				}
			}
		})
	}
}

// TestMatchDigests checks that a file scanned before a hash was listed is found from
// its digests alone, and that the cached content matches combine with the hash
// matches into exactly what a fresh scan returns.
func TestMatchDigests(t *testing.T) {
	content := "socks-server listen-port"
	sum := sha256.Sum256([]byte(content))
	before := Compile(loadTOML(t, cvRules("evil-elf", "all", hashA, "high", "")))
	res, err := before.NewScanner().Scan(strings.NewReader(content), "/etc/x.conf")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Matches) != 1 || res.Matches[0].Rule.ID != "t.text" || len(res.Content) != 1 {
		t.Fatalf("first scan: matches %+v, content %+v", res.Matches, res.Content)
	}

	after := Compile(loadTOML(t, cvRules("evil-elf", "all", hex.EncodeToString(sum[:]), "high", "")))
	if !after.CanMatchDigests(&res.Digests, res.Size) {
		t.Fatal("SHA-256 digests cannot be matched against a SHA-256 list")
	}
	hash := after.MatchDigests(&res.Digests, res.Size)
	if len(hash) != 1 || hash[0].Rule.ID != "t.hash" {
		t.Fatalf("MatchDigests = %+v, want t.hash", hash)
	}
	var cached []Match
	for _, m := range res.Content {
		cm, ok := after.ContentMatch(m.Rule.ID, m.Evidence)
		if !ok {
			t.Fatalf("rule %s not found", m.Rule.ID)
		}
		cached = append(cached, cm)
	}
	fresh, err := after.NewScanner().Scan(strings.NewReader(content), "/etc/x.conf")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := describe(after.CombineMatches(hash, cached)), describe(fresh.Matches); got != want {
		t.Errorf("cached result %s, fresh scan %s", got, want)
	}

	md5Only := Compile(loadTOML(t, cvRules("evil-elf", "all", "00000000000000000000000000000001", "high", "")))
	if md5Only.CanMatchDigests(&res.Digests, res.Size) {
		t.Error("digests without MD5 claimed to match an MD5 list")
	}
}

func describe(ms []Match) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.Rule.ID + ": " + m.Evidence + "; ")
	}
	return b.String()
}
