package foreign

import (
	"fmt"
	"slices"
)

// Extensions are the file name extensions Convert reads.
var Extensions = []string{".yar", ".yara", ".ndb", ".ldb", ".rules", ".hdb", ".hsb"}

// Handles reports whether Convert reads files named like file.
func Handles(file string) bool { return slices.Contains(Extensions, ext(file)) }

// Convert converts one file of another engine's rules, told by its extension.
// Rules of one file that come out with the same id are numbered.
func Convert(file string, data []byte) (*Result, error) {
	r, err := convert(file, data)
	if err == nil {
		r.dedupe(map[string]bool{})
	}
	return r, err
}

// dedupe numbers the rules whose id is in seen or taken by an earlier rule, and
// adds the ids to seen.
func (r *Result) dedupe(seen map[string]bool) {
	for _, rule := range r.Rules {
		id := rule.ID
		for n := 2; seen[id]; n++ {
			id = fmt.Sprintf("%s-%d", rule.ID, n)
		}
		rule.ID = id
		seen[id] = true
	}
}

// Dedupe numbers the rules of r whose id another file's rules took (seen), so that
// several files import into one folder.
func (r *Result) Dedupe(seen map[string]bool) { r.dedupe(seen) }

func convert(file string, data []byte) (*Result, error) {
	switch ext(file) {
	case ".yar", ".yara":
		return ConvertYARA(file, data), nil
	case ".ndb":
		return ConvertNDB(file, data), nil
	case ".ldb":
		return ConvertLDB(file, data), nil
	case ".rules":
		return ConvertSuricata(file, data), nil
	case ".hdb", ".hsb":
		return ConvertHashDB(file, data), nil
	}
	return nil, fmt.Errorf("%s: not a rule format this project imports (%v)", file, Extensions)
}
