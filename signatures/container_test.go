package signatures

import (
	"strings"
	"testing"
)

func TestParseImage(t *testing.T) {
	tests := []struct {
		in, repo, tag, digest string
		bad                   bool
	}{
		{in: "teddysun/xray", repo: "teddysun/xray"},
		{in: "teddysun/xray:1.8.4", repo: "teddysun/xray", tag: "1.8.4"},
		{in: "docker.io/teddysun/xray:latest", repo: "teddysun/xray", tag: "latest"},
		{in: "index.docker.io/teddysun/xray", repo: "teddysun/xray"},
		{in: "docker.io/library/nginx:1.27", repo: "nginx", tag: "1.27"},
		{in: "library/nginx", repo: "nginx"},
		{in: "nginx@sha256:abcd", repo: "nginx", digest: "sha256:abcd"},
		{in: "ghcr.io/xtls/xray-core:v1@sha256:ab", repo: "ghcr.io/xtls/xray-core", tag: "v1", digest: "sha256:ab"},
		{in: "localhost:5000/relay:2", repo: "localhost:5000/relay", tag: "2"},
		{in: "quay.io/library/x", repo: "quay.io/library/x"},
		{in: "GHCR.IO/XTLS/Xray-Core", repo: "ghcr.io/xtls/xray-core"},
		{in: "", bad: true},
		{in: "a b", bad: true},
		{in: "x:", bad: true},
		{in: "x@", bad: true},
		{in: "-x/y", bad: true},
		{in: "bad_reg!.io/x", bad: true},
	}
	for _, tt := range tests {
		r, err := ParseImage(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("%q: parsed as %+v, want an error", tt.in, r)
			}
			continue
		}
		if err != nil || r.Repository != tt.repo || r.Tag != tt.tag || r.Digest != tt.digest {
			t.Errorf("%q: %+v %v, want %s %s %s", tt.in, r, err, tt.repo, tt.tag, tt.digest)
		}
	}
}

func TestContainerMatchImage(t *testing.T) {
	c := &Container{Images: []string{"teddysun/xray", "docker.io/library/squid", "ghcr.io/xtls/*", "docker.io/v2fly/*"}}
	var ps Problems
	compileContainer(c, ruleProblems{&Rule{ID: "x"}, &ps})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	for ref, want := range map[string]bool{
		"teddysun/xray:1.8.4": true, "docker.io/teddysun/xray@sha256:00": true, "teddysun/xray-plugin": false,
		"squid": true, "library/squid:6": true, "ubuntu/squid": false,
		"ghcr.io/xtls/xray-core:latest": true, "ghcr.io/other/xray": false,
		"v2fly/v2fly-core": true, "docker.io/v2fly/v2fly-core:v5": true, "nginx": false, "not an image": false,
	} {
		if got := c.MatchImage(ref); got != want {
			t.Errorf("MatchImage(%q) = %v, want %v", ref, got, want)
		}
	}
}

// FuzzParseImage: any string parses or errs, never panics, and a parsed repository
// parses again to itself.
func FuzzParseImage(f *testing.F) {
	for _, s := range []string{"teddysun/xray:1.8.4", "docker.io/library/nginx@sha256:ab", "localhost:5000/a/b:c", "x", ":", "@", "a/b/c/d:e@f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseImage(s)
		if err != nil {
			return
		}
		again, err := ParseImage(r.Repository)
		if err != nil || again.Repository != r.Repository || strings.ContainsAny(r.Repository, "@ ") {
			t.Errorf("%q: repository %q reparses as %+v %v", s, r.Repository, again, err)
		}
	})
}
