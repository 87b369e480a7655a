package signatures

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuiltinRulesTranslated: every built-in rule carries its name and description in
// every locale notices are written in; the message lists the rules that do not.
func TestBuiltinRulesTranslated(t *testing.T) {
	s, err := Load(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range Locales {
		var missing []string
		for _, r := range s.Rules() {
			if l := r.L10n[loc]; l == nil || strings.TrimSpace(l.Name) == "" || strings.TrimSpace(l.Description) == "" {
				missing = append(missing, r.ID)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%d built-in rules lack a %s name or description ([rule.l10n.%s]):\n  %s",
				len(missing), loc, loc, strings.Join(missing, "\n  "))
		}
	}
}

// TestLocalized: a translation is used where it exists, English elsewhere; an
// unknown locale and an empty translation are refused naming rule and key.
func TestLocalized(t *testing.T) {
	const rule = `
[[rule]]
id = "op.relay"
name = "Relay"
category = "proxy"
severity = "low"
description = "Relays traffic."
[rule.l10n.zh-CN]
name = "中继"
[rule.process]
names = ["relayd"]
[[rule.match]]
process = "relayd"
`
	dir := t.TempDir()
	write := func(body string) {
		if err := os.WriteFile(filepath.Join(dir, "rules.toml"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(rule)
	s, err := Load(Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	r := s.Rule("op.relay")
	for _, tt := range []struct{ locale, name, desc string }{
		{"zh-CN", "中继", "Relays traffic."}, // no translated description: English
		{"en", "Relay", "Relays traffic."},
		{"fr", "Relay", "Relays traffic."},
	} {
		if n, d := r.Localized(tt.locale); n != tt.name || d != tt.desc {
			t.Errorf("Localized(%s) = %q, %q; want %q, %q", tt.locale, n, d, tt.name, tt.desc)
		}
	}
	for body, want := range map[string]string{
		strings.Replace(rule, "l10n.zh-CN", "l10n.zh-TW", 1):                   `key "l10n.zh-TW": unknown locale "zh-TW"`,
		strings.Replace(rule, `name = "中继"`, `name = ""`, 1):                   `key "l10n.zh-CN": empty translation`,
		strings.Replace(rule, `name = "中继"`, "name = \"中继\"\nnmae = \"x\"", 1): `unknown key`,
	} {
		write(body)
		if _, err := Load(Options{Dirs: []string{dir}, NoBuiltin: true}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want %q, got %v", want, err)
		}
	}
}
