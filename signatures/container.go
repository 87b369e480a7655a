package signatures

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Container matches container images by repository name, wherever a container
// definition names one: a compose file's `image:`, a podman quadlet's `Image=`, a
// Kubernetes manifest's `image:`. Names compare without tag or digest, with Docker
// Hub's implicit registry and `library/` folded away, so "nginx",
// "docker.io/library/nginx:1.27" and "nginx@sha256:..." are one repository. A name
// ending in "*" matches every repository that starts with what comes before it.
type Container struct {
	Images []string `toml:"images" json:"images,omitempty"`

	compiled containerCompiled
}

type containerCompiled struct {
	exact    map[string]bool
	prefixes []string
}

// pathComponentRe is one path component of a repository name (distribution's
// reference grammar, lower case).
var pathComponentRe = regexp.MustCompile(`^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$`)

// registryRe is a registry host with an optional port.
var registryRe = regexp.MustCompile(`^[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]+)?$`)

// dockerHub are the names Docker Hub goes by; a reference without a registry means it.
var dockerHub = []string{"docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"}

// ImageRef is a container image reference taken apart.
type ImageRef struct {
	Repository string // normalised: no Docker Hub registry, no library/
	Tag        string
	Digest     string
}

// ParseImage reads an image reference ("teddysun/xray:1.8.4",
// "ghcr.io/xtls/xray-core@sha256:...", "docker.io/library/nginx") and normalises
// its repository name. A reference that is not an image name is an error.
func ParseImage(ref string) (ImageRef, error) {
	var out ImageRef
	s := strings.ToLower(strings.TrimSpace(ref))
	if i := strings.IndexByte(s, '@'); i >= 0 {
		s, out.Digest = s[:i], s[i+1:]
		if out.Digest == "" {
			return out, fmt.Errorf("image %q: empty digest", ref)
		}
	}
	if i := strings.LastIndexByte(s, ':'); i > strings.LastIndexByte(s, '/') {
		s, out.Tag = s[:i], s[i+1:]
		if out.Tag == "" {
			return out, fmt.Errorf("image %q: empty tag", ref)
		}
	}
	repo, err := normaliseRepository(s)
	if err != nil {
		return out, fmt.Errorf("image %q: %w", ref, err)
	}
	out.Repository = repo
	return out, nil
}

// normaliseRepository checks a repository name without tag or digest and folds
// Docker Hub's spellings into the short one.
func normaliseRepository(s string) (string, error) {
	parts := strings.Split(s, "/")
	registry := ""
	if len(parts) > 1 && (strings.ContainsAny(parts[0], ".:") || parts[0] == "localhost") {
		if !registryRe.MatchString(parts[0]) {
			return "", fmt.Errorf("bad registry %q", parts[0])
		}
		registry, parts = parts[0], parts[1:]
		if slices.Contains(dockerHub, registry) {
			registry = ""
		}
	}
	if registry == "" && len(parts) == 2 && parts[0] == "library" {
		parts = parts[1:]
	}
	for _, p := range parts {
		if !pathComponentRe.MatchString(p) {
			return "", fmt.Errorf("bad repository name component %q", p)
		}
	}
	if registry != "" {
		parts = append([]string{registry}, parts...)
	}
	return strings.Join(parts, "/"), nil
}

// compileContainer checks a container section and builds its name sets.
func compileContainer(c *Container, rp ruleProblems) {
	if len(c.Images) == 0 {
		rp.errorf("container.images", "container section names no image")
	}
	c.compiled.exact = map[string]bool{}
	for _, img := range c.Images {
		if base, ok := strings.CutSuffix(img, "*"); ok {
			p := strings.ToLower(base)
			for _, hub := range dockerHub {
				p = strings.TrimPrefix(p, hub+"/")
			}
			if p == "" || p == "library/" || strings.ContainsAny(p, "*:@ ") {
				rp.errorf("container.images", "image prefix %q: want a repository name start, like \"ghcr.io/xtls/*\"", img)
				continue
			}
			c.compiled.prefixes = append(c.compiled.prefixes, p)
			continue
		}
		ref, err := ParseImage(img)
		switch {
		case err != nil:
			rp.errorf("container.images", "%v", err)
		case ref.Tag != "" || ref.Digest != "":
			rp.errorf("container.images", "image %q: name the repository without tag or digest (every tag matches)", img)
		default:
			c.compiled.exact[ref.Repository] = true
		}
	}
}

// MatchImage reports whether an image reference names one of the section's
// repositories. A reference that does not parse matches nothing.
func (c *Container) MatchImage(ref string) bool {
	r, err := ParseImage(ref)
	if err != nil {
		return false
	}
	if c.compiled.exact[r.Repository] {
		return true
	}
	for _, p := range c.compiled.prefixes {
		if strings.HasPrefix(r.Repository, p) {
			return true
		}
	}
	return false
}
