package signatures

import "slices"

// Categories are the contract's finding categories (docs/contracts.md). Policy decides which are
// violations; the rule format only accepts these.
var Categories = []string{
	"vpn", "proxy", "tor", "anonymity", "tunnel", "remote-access", "mining", "malware", "prohibited-content",
}

// Severities orders the rule severities from least to most grave.
var Severities = []string{"low", "medium", "high", "critical"}

// Confidences orders how sure a finding is, from least to most.
var Confidences = []string{"low", "medium", "high"}

// ValidCategory reports whether c is one of Categories.
func ValidCategory(c string) bool { return slices.Contains(Categories, c) }

// Rank returns the position of v in an ordered level list such as Severities or
// Confidences, or -1 when v is not in it.
func Rank(levels []string, v string) int { return slices.Index(levels, v) }

// RaiseConfidence returns the next confidence above c, stopping at "high": what a
// qualifier (a port, a second signal) does to a finding.
func RaiseConfidence(c string) string {
	i := Rank(Confidences, c)
	if i < 0 || i+1 >= len(Confidences) {
		return c
	}
	return Confidences[i+1]
}
