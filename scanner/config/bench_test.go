package config

import (
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// BenchmarkCandidates measures what every text file a scan reads pays for the
// configuration sections: the lookup of its path, for a path no section names and
// for one a judge reads, with the built-in rules.
func BenchmarkCandidates(b *testing.B) {
	s, err := signatures.Load(signatures.Options{})
	if err != nil {
		b.Fatal(err)
	}
	e := Compile(s)
	for _, p := range []string{"/home/u/notes/report.txt", "/srv/app/node_modules/m/package.json", "/etc/squid/squid.conf"} {
		b.Run(p, func(b *testing.B) {
			var dst []int
			for b.Loop() {
				dst = e.Candidates(p, dst[:0])
			}
		})
	}
}
