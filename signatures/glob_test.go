package signatures

import (
	"testing"
)

var globCases = []string{
	"**/squid.conf", "**/*.json", "*.json", "torrc", "/usr/share/**", "**/wireguard/*.conf", "**/wg[0-9]*.conf",
	"**/torrc.d/*", "**/openvpn/**.conf", "**/shadowsocks*/**.json", "/etc/x.json", "/etc/*/x.conf", "squid/conf.d/*.conf",
	"/opt/**", "/*", "a?c", "[!a]b", "[^a]b", "**/", "/", "**", "x/**", "/a/**/b", `a\*b`, "[[:alpha:]]x", "[a-", "/etc/**/x", "**/café.conf", "/etc/c?fé.conf",
}

var globPaths = []string{
	"/etc/squid/squid.conf", "/srv/app/package.json", "/package.json", "/etc/tor/torrc", "/usr/share/doc/x", "/usr/share/",
	"/usr/share", "/etc/wireguard/wg0.conf", "/etc/wg12.conf", "/etc/tor/torrc.d/relay", "/etc/openvpn/server/a.conf",
	"/etc/openvpn/a.conf", "/etc/shadowsocks-libev/config.json", "/etc/shadowsocks/x/y.json", "/etc/x.json", "/etc/a/x.conf",
	"/etc/squid/conf.d/debian.conf", "/opt/", "/opt", "/opt/x/y", "/x", "/abc", "/a/abc", "/bb", "/ab", "/", "", "a/b",
	"torrc", "/a/x/y/b", "/a/b", "/a*b", "/etc/x", "/etc/y/x", "x.json", "/etc/café.conf", "/a\nb/torrc", "/etc\n/x.json",
}

// TestGlobMatchesRegexp holds the segment matcher equal to the regular expression it
// stands in for.
func TestGlobMatchesRegexp(t *testing.T) {
	fast := 0
	for _, g := range globCases {
		m, err := compileGlob(g)
		if err != nil {
			continue // no rule loads with it
		}
		if m.re == nil {
			fast++
		}
		re, _ := globRegexp(g)
		for _, p := range globPaths {
			if got, want := m.match(p), re.MatchString(p); got != want {
				t.Errorf("glob %q, path %q: %v, the regular expression says %v", g, p, got, want)
			}
		}
	}
	if fast < 10 {
		t.Errorf("only %d of %d globs take the segment matcher", fast, len(globCases))
	}
}

func FuzzGlob(f *testing.F) {
	for i, g := range globCases {
		f.Add(g, globPaths[i%len(globPaths)])
	}
	f.Fuzz(func(t *testing.T, g, p string) {
		m, err := compileGlob(g)
		if err != nil {
			return
		}
		re, _ := globRegexp(g)
		if got, want := m.match(p), re.MatchString(p); got != want {
			t.Fatalf("glob %q, path %q: %v, the regular expression says %v", g, p, got, want)
		}
	})
}

func BenchmarkGlob(b *testing.B) {
	for _, g := range []string{"**/*.json", "**/wireguard/*.conf"} {
		m, _ := compileGlob(g)
		re, _ := globRegexp(g)
		p := "/srv/app/node_modules/some-module/lib/package.json"
		b.Run(g+"/segments", func(b *testing.B) {
			for b.Loop() {
				m.match(p)
			}
		})
		b.Run(g+"/regexp", func(b *testing.B) {
			for b.Loop() {
				re.MatchString(p)
			}
		})
	}
}

// TestGlobUTF8 checks a glob with letters beyond ASCII: its regular expression once
// made a rune of each byte and matched nothing.
func TestGlobUTF8(t *testing.T) {
	re, err := globRegexp("**/café.conf")
	if err != nil || !re.MatchString("/etc/café.conf") {
		t.Errorf("café.conf: %v, %v", re, err)
	}
}
