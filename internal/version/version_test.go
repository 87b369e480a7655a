package version

import (
	"runtime/debug"
	"testing"
)

func TestResolve(t *testing.T) {
	vcs := func(rev, tm, modified string) *debug.BuildInfo {
		return &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/aupscan/aupscan", Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: tm}, {Key: "vcs.modified", Value: modified}}}
	}
	installed := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/aupscan/aupscan", Version: "v1.4.0"}}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	for _, tc := range []struct {
		name          string
		v, c, d       string
		bi            *debug.BuildInfo
		want          Info
		short, string string
	}{
		{name: "stamped release wins over the toolchain's record", v: "1.2.0", c: rev, d: "2026-12-03T04:00:00Z", bi: vcs("ffff", "2020-01-01T00:00:00Z", "true"),
			want:  Info{"1.2.0", rev, "2026-12-03T04:00:00Z", "go1.26.8"},
			short: "0123456789ab", string: "1.2.0 (commit 0123456789ab, built 2026-12-03T04:00:00Z, go1.26.8)"},
		{name: "go build in a clean checkout", bi: vcs(rev, "2026-12-01T10:00:00Z", "false"),
			want:  Info{"devel", rev, "2026-12-01T10:00:00Z", "go1.26.8"},
			short: "0123456789ab", string: "devel (commit 0123456789ab, built 2026-12-01T10:00:00Z, go1.26.8)"},
		{name: "go build with uncommitted changes", bi: vcs(rev, "2026-12-01T10:00:00Z", "true"),
			want:  Info{"devel", rev + "-dirty", "2026-12-01T10:00:00Z", "go1.26.8"},
			short: "0123456789ab-dirty", string: "devel (commit 0123456789ab-dirty, built 2026-12-01T10:00:00Z, go1.26.8)"},
		{name: "go install of a tagged module", bi: installed,
			want:  Info{"1.4.0", "unknown", "", "go1.26.8"},
			short: "unknown", string: "1.4.0 (commit unknown, go1.26.8)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := resolve(tc.v, tc.c, tc.d, tc.bi)
			if got != tc.want {
				t.Errorf("resolve = %+v, want %+v", got, tc.want)
			}
			if got.Short() != tc.short || got.String() != tc.string {
				t.Errorf("Short %q String %q, want %q %q", got.Short(), got.String(), tc.short, tc.string)
			}
		})
	}
	// No build information at all (a binary without it): words, not empty fields.
	if got := resolve("", "", "", nil); got.Version != "devel" || got.Commit != "unknown" || got.Go == "" {
		t.Errorf("no build info: %+v", got)
	}
}

// TestGetInTest: a test binary carries build information; Get never returns an
// empty version or commit.
func TestGetInTest(t *testing.T) {
	i := Get()
	if i.Version == "" || i.Commit == "" || i.Go == "" {
		t.Errorf("Get() = %+v: an empty field", i)
	}
}
