package host

import (
	"fmt"
	"strings"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

// MatchImage returns the rules whose container section names the image.
func (e *Engine) MatchImage(ref string) []*signatures.Rule {
	var out []*signatures.Rule
	for _, r := range e.images {
		if r.Container.MatchImage(ref) {
			out = append(out, r)
		}
	}
	return out
}

// runContainerExample runs an image example, or a definition example (a compose
// file, a quadlet, a manifest, its kind told by its path), against a rule's
// container section.
func (e *Engine) runContainerExample(r *signatures.Rule, ex *signatures.Example) (handled, matched bool, err error) {
	if r.Container == nil {
		return false, false, nil
	}
	if ex.Kind() == "image" {
		return true, r.Container.MatchImage(ex.Image), nil
	}
	kind := DefinitionKind(ex.Path)
	if kind == "" {
		return true, false, fmt.Errorf("definition path %q is none of docker-compose.yml, compose.yaml, NAME.container under containers/systemd, NAME.yaml", ex.Path)
	}
	uses, err := ParseDefinition(kind, []byte(ex.Definition))
	if err != nil {
		return true, false, fmt.Errorf("%s %s: %w", kind, ex.Path, err)
	}
	for _, u := range uses {
		if r.Container.MatchImage(u.Image) {
			return true, true, nil
		}
	}
	return true, false, nil
}

// definitionFindings turns the images a definition file runs into findings of
// kind config on the file: one a rule, naming each container that runs a listed
// image; role server when one of them publishes a port beyond loopback.
func (e *Engine) definitionFindings(mk FindingMaker, file string, uses []ImageUse) []scanner.Finding {
	type hit struct {
		rule   *signatures.Rule
		parts  []string
		server bool
	}
	var hits []*hit
	byRule := map[*signatures.Rule]*hit{}
	for _, u := range uses {
		for _, r := range e.MatchImage(u.Image) {
			h := byRule[r]
			if h == nil {
				h = &hit{rule: r}
				byRule[r] = h
				hits = append(hits, h)
			}
			part := fmt.Sprintf("%s runs image %s", u.Where, u.Image)
			if u.Line > 0 {
				part = fmt.Sprintf("%s (line %d) runs image %s", u.Where, u.Line, u.Image)
			}
			if len(u.Published) > 0 {
				part += ", publishing " + strings.Join(u.Published, ", ")
				h.server = true
			}
			h.parts = append(h.parts, part)
		}
	}
	var out []scanner.Finding
	for _, h := range hits {
		f := mk.Make(h.rule, scanner.KindConfig, file, strings.Join(h.parts, "; "), h.rule.Confidence, "")
		if h.server {
			f.Role = scanner.RoleServer
		}
		out = append(out, f)
	}
	return out
}
