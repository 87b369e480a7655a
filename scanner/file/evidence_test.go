package file

import (
	"debug/buildinfo"
	"runtime/debug"
	"testing"
)

// TestGoProgram: the evidence of a Go module rule never has an empty word where a
// module or version is missing.
func TestGoProgram(t *testing.T) {
	for _, tt := range []struct {
		main, version, path, want string
	}{
		{"github.com/xtls/xray-core", "v1.8.4", "github.com/xtls/xray-core/main",
			"Go program built from module github.com/xtls/xray-core v1.8.4, main package github.com/xtls/xray-core/main"},
		{"github.com/ginuerzh/gost", "v2.11.5", "github.com/ginuerzh/gost", "Go program built from module github.com/ginuerzh/gost v2.11.5"},
		{"github.com/ginuerzh/gost", "(devel)", "github.com/ginuerzh/gost/cmd/gost", "Go program built from module github.com/ginuerzh/gost, main package github.com/ginuerzh/gost/cmd/gost"},
		{"", "", "github.com/ginuerzh/gost/cmd/gost", "Go program with main package github.com/ginuerzh/gost/cmd/gost (no module recorded)"},
	} {
		bi := &buildinfo.BuildInfo{Path: tt.path, Main: debug.Module{Path: tt.main, Version: tt.version}}
		if got := goProgram(bi); got != tt.want {
			t.Errorf("goProgram(%s %s %s) = %q, want %q", tt.main, tt.version, tt.path, got, tt.want)
		}
	}
}
