package config

import (
	"strings"

	"github.com/aupscan/aupscan/scanner"
)

// Verdict is what makes a configuration a finding: evidence naming the keys and
// values that matched ("inbounds[0]: protocol vless on 0.0.0.0:443"), the role of
// the host (scanner.RoleServer, or RoleClient for sections of role client), and a
// confidence when the judge knows better than the rule ("" keeps the rule's).
type Verdict struct {
	Evidence   string
	Role       string
	Confidence string
}

// maxEvidence bounds a verdict's evidence: a sentence, not a copy of the file.
const maxEvidence = 300

// server makes a server verdict of the parts of its evidence.
func server(parts ...string) Verdict {
	return Verdict{Evidence: clip(strings.Join(nonEmpty(parts), "; ")), Role: scanner.RoleServer}
}

func nonEmpty(parts []string) []string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// clip bounds s to maxEvidence bytes, at a rune boundary.
func clip(s string) string {
	if len(s) <= maxEvidence {
		return s
	}
	cut := maxEvidence - 3
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "..."
}

// shown writes a value from a file for evidence: one line, at most 80 bytes.
func shown(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		cut := 77
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}
