package host

import "github.com/aupscan/aupscan/signatures"

func compileGlobs(globs []string) (func(string) bool, error) {
	if len(globs) == 0 {
		return func(string) bool { return false }, nil
	}
	return signatures.CompileGlobs(globs)
}
