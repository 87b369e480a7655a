package signatures

import (
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

// subjects lists the kinds of subject an example has set.
func (ex *Example) subjects() []string {
	var s []string
	for _, kv := range []struct {
		name string
		set  bool
	}{{"text", ex.Text != ""}, {"hex", ex.Hex != ""}, {"file", ex.File != ""}, {"name", ex.Name != ""},
		{"address", ex.Address != ""}, {"package", ex.Package != ""}, {"process", ex.Process != ""},
		{"capture", ex.Capture != ""}, {"sample", ex.Sample != ""}, {"image", ex.Image != ""}, {"definition", ex.Definition != ""}} {
		if kv.set {
			s = append(s, kv.name)
		}
	}
	return s
}

// Kind returns the example's subject kind: text, hex, file, sample, name, address,
// package, process, capture, image or definition.
func (ex *Example) Kind() string {
	if s := ex.subjects(); len(s) == 1 {
		return s[0]
	}
	return ""
}

// String describes the example briefly, for problems and listings.
func (ex *Example) String() string {
	k := ex.Kind()
	v := ""
	switch k {
	case "text":
		v = ex.Text
	case "hex":
		v = ex.Hex
	case "file":
		v = ex.File
	case "name":
		v = ex.Name
	case "address":
		v = ex.Address
	case "package":
		v = ex.Package
	case "process":
		v = ex.Process
	case "capture":
		v = ex.Capture
	case "sample":
		v = ex.Sample
	case "image":
		v = ex.Image
	case "definition":
		v = ex.Definition
	}
	if len(v) > 60 {
		v = v[:57] + "..."
	}
	return fmt.Sprintf("%s %q", k, v)
}

// Bytes returns the content of a text, hex or file example. Files resolve against the
// rule's folder (inside the embedded bundle for built-in rules).
func (ex *Example) Bytes(r *Rule) ([]byte, error) {
	switch {
	case ex.Text != "":
		return []byte(ex.Text), nil
	case ex.Hex != "":
		return hex.DecodeString(strings.Join(strings.Fields(ex.Hex), ""))
	case ex.File != "":
		return r.ReadFile(ex.File)
	case ex.Sample != "":
		sm, err := ParseSample(ex.Sample)
		if err != nil {
			return nil, err
		}
		return sm.Read()
	}
	return nil, fmt.Errorf("example %s has no content", ex)
}

// ReadFile reads a file a rule names (an example or sample), relative to the rule
// file's folder; built-in rules read from the embedded bundle unless the path is absolute.
func (r *Rule) ReadFile(name string) ([]byte, error) {
	if r.Origin.Builtin && !strings.HasPrefix(name, "/") {
		return readBuiltin(name)
	}
	return os.ReadFile(resolve(r.Origin.Dir, name))
}

// checkExamples checks the form of a rule's examples; running them is Check's work.
func checkExamples(r *Rule, rp ruleProblems) {
	for _, list := range []struct {
		key string
		exs []*Example
	}{{"match", r.Match}, {"nomatch", r.NoMatch}} {
		for i, ex := range list.exs {
			key := fmt.Sprintf("%s[%d]", list.key, i)
			switch s := ex.subjects(); {
			case len(s) != 1:
				rp.errorf(key, "an example needs exactly one of text, hex, file, sample, name, address, package, process, capture, image or definition; it has %d", len(s))
			case ex.Hex != "":
				if _, err := ex.Bytes(r); err != nil {
					rp.errorf(key, "hex example: %v", err)
				}
			case ex.Sample != "":
				if _, err := ParseSample(ex.Sample); err != nil {
					rp.errorf(key, "%v", err)
				}
			case ex.Definition != "" && ex.Path == "":
				rp.errorf(key, "a definition example needs path, which says what it is (docker-compose.yml, NAME.container under containers/systemd, NAME.yaml)")
			}
		}
	}
	listOnly := r.File != nil && len(r.File.HashFiles) > 0
	switch {
	case listOnly:
		// No lawful sample of prohibited content exists to ship with a hash list.
	case r.Origin.Builtin && (len(r.Match) == 0 || len(r.NoMatch) == 0):
		rp.errorf("match", "a built-in rule needs examples it must match and must not match")
	case len(r.Match) == 0 || len(r.NoMatch) == 0:
		rp.warnf("match", "no examples it must match and must not match: add [[rule.match]] and [[rule.nomatch]]")
	}
}
