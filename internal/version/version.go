// Package version says which build of aupscan is running: the release version, the
// commit and the build date. A release build stamps them with the linker
//
//	go build -ldflags "-X github.com/aupscan/aupscan/internal/version.version=1.2.0
//	  -X github.com/aupscan/aupscan/internal/version.commit=$(git rev-parse HEAD)
//	  -X github.com/aupscan/aupscan/internal/version.date=2026-12-03T04:00:00Z"
//
// (scripts/release.sh does); a plain `go build` or `go install` gets what the Go
// toolchain recorded in the binary instead (debug.ReadBuildInfo: the module version
// and the VCS revision and time), so every binary can say where it came from.
package version

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// Set by -ldflags -X at release time; empty in other builds.
var (
	version string
	commit  string
	date    string
)

// Info is one build's identity.
type Info struct {
	Version string // "1.2.0", the module version, or "devel"
	Commit  string // the full VCS revision, with "-dirty" for uncommitted changes; "unknown" when nothing recorded it
	Date    string // RFC 3339: the build date of a release, else the commit's time; "" when unknown
	Go      string // the toolchain: "go1.26.8"
}

// Get returns the running binary's identity: the stamped values first, then what the
// toolchain recorded.
func Get() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return resolve(version, commit, date, bi)
}

// resolve fills each field from the stamp when there is one, else from the build
// information, else with a word that says it is unknown.
func resolve(v, c, d string, bi *debug.BuildInfo) Info {
	i := Info{Version: v, Commit: c, Date: d, Go: runtime.Version()}
	if bi != nil {
		if bi.GoVersion != "" {
			i.Go = bi.GoVersion
		}
		settings := map[string]string{}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		if i.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			i.Version = strings.TrimPrefix(bi.Main.Version, "v")
		}
		if i.Commit == "" && settings["vcs.revision"] != "" {
			i.Commit = settings["vcs.revision"]
			if settings["vcs.modified"] == "true" {
				i.Commit += "-dirty"
			}
		}
		if i.Date == "" {
			i.Date = settings["vcs.time"]
		}
	}
	if i.Version == "" {
		i.Version = "devel"
	}
	if i.Commit == "" {
		i.Commit = "unknown"
	}
	return i
}

// Short is the commit's first 12 characters (and "-dirty"), as --version shows it.
func (i Info) Short() string {
	c, dirty := strings.CutSuffix(i.Commit, "-dirty")
	if len(c) > 12 {
		c = c[:12]
	}
	if dirty {
		c += "-dirty"
	}
	return c
}

// String is the line --version prints after the program's name:
// "1.2.0 (commit 0123456789ab, built 2026-12-03T04:00:00Z, go1.26.8)".
func (i Info) String() string {
	s := fmt.Sprintf("%s (commit %s", i.Version, i.Short())
	if i.Date != "" {
		s += ", built " + i.Date
	}
	return s + ", " + i.Go + ")"
}

// Write prints what --version prints: the program's build on the first line and the
// built-in rule set's version, a digest of its rule files, on the second; a rule set
// that failed to load is said so (rulesErr) rather than left out.
//
//	aupscan 1.2.0 (commit 0123456789ab, built 2026-12-03T04:00:00Z, go1.26.8)
//	rules 5f0c2d3e4a1b6c7d (built-in, 412 rules)
func Write(w io.Writer, program, rulesVersion string, rules int, rulesErr error) {
	fmt.Fprintf(w, "%s %s\n", program, Get())
	if rulesErr != nil {
		fmt.Fprintf(w, "rules: the built-in rules do not load: %v\n", rulesErr)
		return
	}
	fmt.Fprintf(w, "rules %s (built-in, %d rules)\n", rulesVersion, rules)
}
