package signatures

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func loadText(t *testing.T, text string) (*Set, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "rules.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(Options{Dirs: []string{dir}, NoBuiltin: true})
}

const catalogRules = `
[[rule]]
id = "proxy.relayd"
name = "relayd"
category = "proxy"
severity = "high"
description = "d"
program = "relayd"
homepage = "https://relayd.example/"
[rule.file]
type = "elf"
patterns = [{ text = "relayd/2." }, { text = "usage: relayd" }]
condition = "2 of"
go_modules = ["example.net/relayd"]
[rule.package]
dpkg = ["relayd"]
[[rule.match]]
file = "examples/fragments/relayd.elf"
[[rule.match]]
sample = "deb:relayd:/usr/sbin/relayd"

[[rule]]
id = "proxy.relayd.traffic"
name = "relayd traffic"
category = "proxy"
severity = "high"
description = "d"
program = "relayd"
[[rule.traffic]]
server_name = { suffix = ["relayd.example"] }

[[rule]]
id = "proxy.relayd-config"
name = "relayd configuration"
category = "proxy"
severity = "high"
description = "d"
program = "relayd"
[rule.file]
type = "text"
paths = ["/etc/relayd.conf"]
patterns = [{ text = "listen 0.0.0.0" }]

[[rule]]
id = "proxy.socks.traffic"
name = "SOCKS"
category = "proxy"
severity = "high"
description = "d"
[[rule.traffic]]
fingerprint = "socks"
`

// TestCatalog: the rules naming one program make one row, its ways of
// identification derived from their sections, its samples from their examples; a
// rule that names no program makes none.
func TestCatalog(t *testing.T) {
	s, err := loadText(t, catalogRules)
	if err != nil {
		t.Fatal(err)
	}
	progs := Catalog(s)
	if len(progs) != 1 {
		t.Fatalf("%d programs, want 1: %v", len(progs), progs)
	}
	p := progs[0]
	if p.Name != "relayd" || p.Category != "proxy" || p.Homepage != "https://relayd.example/" {
		t.Errorf("row %+v", p)
	}
	if want := []string{"proxy.relayd", "proxy.relayd-config", "proxy.relayd.traffic"}; !slices.Equal(p.Rules, want) {
		t.Errorf("rules %v, want %v", p.Rules, want)
	}
	if want := []string{ByBinary, ByGoModule, ByPackage, ByConfig, ByTraffic}; !slices.Equal(p.IdentifiedBy, want) {
		t.Errorf("identified by %v, want %v", p.IdentifiedBy, want)
	}
	if got := p.Sample(); got != "Debian relayd" {
		t.Errorf("sample %q, want Debian relayd (a package before a fragment)", got)
	}
	if len(p.Samples) != 2 || p.Samples[0].Kind != "fragment" {
		t.Errorf("samples %+v", p.Samples)
	}
}

func TestCatalogHomepageProblems(t *testing.T) {
	for _, tt := range []struct{ name, extra, want string }{
		{"two homepages", "program = \"relayd\"\nhomepage = \"https://other.example/\"", "has homepage https://other.example/ here and https://relayd.example/"},
		{"not a web address", "program = \"other\"\nhomepage = \"relayd.example\"", "is not an http or https address"},
		{"no program", "homepage = \"https://relayd.example/\"", "homepage without program"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rule := "\n[[rule]]\nid = \"proxy.x\"\nname = \"x\"\ncategory = \"proxy\"\nseverity = \"low\"\ndescription = \"d\"\n" +
				tt.extra + "\n[rule.process]\nnames = [\"x\"]\n"
			_, err := loadText(t, catalogRules+rule)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), `rule "proxy.x"`) {
				t.Errorf("err %v, want one naming proxy.x: %s", err, tt.want)
			}
		})
	}
}
