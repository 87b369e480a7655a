package file

import (
	"bytes"

	"github.com/aupscan/aupscan/signatures"
)

// DetectType names the type of a file from its first bytes (a few hundred are
// enough): "elf", "script" (a #! line), "text" (no NUL and mostly printable), or
// "binary".
func DetectType(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("\x7fELF")):
		return signatures.TypeELF
	case bytes.HasPrefix(head, []byte("#!")):
		return signatures.TypeScript
	case looksText(head):
		return signatures.TypeText
	}
	return "binary"
}

func looksText(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return false
	}
	odd := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			odd++
		}
	}
	return odd*20 <= len(b)
}

// TypeMatches reports whether a rule scoped to scope applies to a file of type ft.
// Scripts are text too.
func TypeMatches(scope, ft string) bool {
	switch scope {
	case "", signatures.TypeAny:
		return true
	case signatures.TypeText:
		return ft == signatures.TypeText || ft == signatures.TypeScript
	}
	return scope == ft
}
