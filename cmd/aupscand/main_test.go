package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, body string
		code       int
		want       string
	}{
		{"demo", "", 0, ""},
		{"syntax", "[rules]\ndirs = [\n", 2, "syntax.toml:2"},
		{"unknown key", "[rules]\ndir = []\n", 2, `key "rules.dir": unknown key`},
		{"bad level", "[log]\nlevel = \"loud\"\n", 2, `key "log.level": must be debug`},
		{"bad rules", "[rules]\ndirs = [\"../../testdata/rules/invalid/unknown-category\"]\n", 2, `unknown category \"vpns\"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := "../../testdata/demo.toml"
			if tt.body != "" {
				path = write(strings.ReplaceAll(tt.name, " ", "-")+".toml", tt.body)
				if tt.name == "bad rules" {
					abs, _ := filepath.Abs("../../testdata/rules/invalid/unknown-category")
					path = write("bad-rules.toml", "[rules]\ndirs = [\""+abs+"\"]\n")
				}
			}
			var stderr bytes.Buffer
			code := run([]string{"--config", path, "check-config"}, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d (want %d), stderr:\n%s\nwant %q", code, tt.code, stderr.String(), tt.want)
			}
		})
	}
}
