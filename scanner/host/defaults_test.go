package host

import (
	"crypto/md5"
	"fmt"
	"os"

	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

// sampleText reads a file of a Debian package fetched by scripts/fetch-samples.sh; a
// test without it skips on a laptop and fails in CI.
func sampleText(t *testing.T, ref string) string {
	t.Helper()
	b, err := os.ReadFile(sample(t, ref))
	must(t, err)
	return string(b)
}

// configEngine compiles the built-in rules and the guide's configuration rules.
func configEngine(t *testing.T) *Engine {
	t.Helper()
	s, err := signatures.Load(signatures.Options{Dirs: []string{"../../testdata/rules/valid/config"}})
	must(t, err)
	return Compile(s)
}

// dpkgStatus writes a status file listing one conffile of a package in a state.
func dpkgStatus(pkg, state, path, content string) string {
	return fmt.Sprintf("Package: %s\nStatus: %s\nVersion: 1\nConffiles:\n %s %x\n", pkg, state, path, md5.Sum([]byte(content)))
}

// TestPackagedDefaults scans Debian's own configuration files in a VM root: as they
// ship, and edited to serve others; as plain files, as conffiles dpkg lists, and as
// those a removed package left behind. A package's default is never a config
// finding; the same file edited to listen beyond loopback (or let everyone in) is.
func TestPackagedDefaults(t *testing.T) {
	const installed, removed = "install ok installed", "deinstall ok config-files"
	squid := sampleText(t, "deb:squid:/etc/squid/squid.conf")
	// The package writes /etc/shadowsocks-libev/config.json from this template with
	// a random password in place of barfoo!: not a conffile, so judged by its meaning.
	ss := strings.Replace(sampleText(t, "deb:shadowsocks-libev:/usr/share/shadowsocks-libev/config.json"), "barfoo!", "Xk3v9Qm2Lp7a", 1)
	trojan := sampleText(t, "deb:trojan:/etc/trojan/config.json")
	for _, f := range []struct {
		pkg, path, rule, shipped, edited string
		shippedServes                    bool // the package's own file is a server's
	}{
		{"squid", "/etc/squid/squid.conf", "proxy.squid-public-config", squid,
			replaceOnce(t, squid, "\nhttp_access allow localhost\n", "\nhttp_access allow all\n"), false},
		{"shadowsocks-libev", "/etc/shadowsocks-libev/config.json", "proxy.shadowsocks-server-config", ss,
			replaceOnce(t, ss, `"server":["::1", "127.0.0.1"]`, `"server":["0.0.0.0", "::"]`), false},
		{"trojan", "/etc/trojan/config.json", "acme.proxy.trojan-server-config", trojan,
			replaceOnce(t, trojan, `"local_port": 443`, `"local_port": 8443`), true},
	} {
		for _, tc := range []struct {
			name, content, status string
			want, dropped         bool
		}{
			{"as shipped, a plain file", f.shipped, "", f.shippedServes, false},
			{"as shipped, a dpkg conffile", f.shipped, dpkgStatus(f.pkg, installed, f.path, f.shipped), false, f.shippedServes},
			{"as shipped, left by a removed package", f.shipped, dpkgStatus(f.pkg, removed, f.path, f.shipped), false, f.shippedServes},
			{"edited, a plain file", f.edited, "", true, false},
			{"edited, a changed conffile", f.edited, dpkgStatus(f.pkg, installed, f.path, f.shipped), true, false},
			{"edited, left by a removed package", f.edited, dpkgStatus(f.pkg, removed, f.path, f.shipped), true, false},
		} {
			t.Run(f.pkg+"/"+tc.name, func(t *testing.T) {
				root := t.TempDir()
				mustWrite(t, filepath.Join(root, f.path), tc.content)
				if tc.status != "" {
					mustWrite(t, filepath.Join(root, "var/lib/dpkg/status"), tc.status)
				}
				var got []scanner.Finding
				res, err := Scan(t.Context(), configEngine(t), Options{Root: root, Paths: []string{"/etc"}}, func(f scanner.Finding) {
					if f.Kind == scanner.KindConfig {
						got = append(got, f)
					}
				})
				must(t, err)
				switch {
				case tc.want && (len(got) != 1 || got[0].Rule != f.rule || got[0].Subject != f.path || got[0].Role != scanner.RoleServer):
					t.Errorf("findings %+v, want one of %s on %s, role server", got, f.rule, f.path)
				case !tc.want && len(got) > 0:
					t.Errorf("finding %s: %s, want none", got[0].Rule, got[0].Evidence)
				}
				if d := res.Summary.ConfigDefaults; (d == 1) != tc.dropped || d > 1 {
					t.Errorf("summary counts %d packaged defaults, want dropped=%v", d, tc.dropped)
				}
				if len(got) == 1 {
					t.Logf("evidence: %s", got[0].Evidence)
				}
			})
		}
	}
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if strings.Count(s, old) != 1 {
		t.Fatalf("the sample holds %q %d times, want once", old, strings.Count(s, old))
	}
	return strings.Replace(s, old, new, 1)
}

// TestUCFDefaults checks ucf's list of pristine files, which privoxy's config is in
// on Debian: unchanged, a listen-address beyond loopback is still no finding.
func TestUCFDefaults(t *testing.T) {
	root := t.TempDir()
	conf := "listen-address :8118\n"
	mustWrite(t, filepath.Join(root, "etc/privoxy/config"), conf)
	mustWrite(t, filepath.Join(root, "var/lib/ucf/hashfile"), fmt.Sprintf("%x  /etc/privoxy/config\n", md5.Sum([]byte(conf))))
	var got []string
	res, err := Scan(t.Context(), configEngine(t), Options{Root: root, Paths: []string{"/etc"}}, func(f scanner.Finding) { got = append(got, f.Rule) })
	must(t, err)
	if len(got) > 0 || res.Summary.ConfigDefaults != 1 {
		t.Errorf("findings %v, %d packaged defaults; want none and 1", got, res.Summary.ConfigDefaults)
	}
}

// TestConfigSkips checks that a file at a configuration path that cannot be judged
// is listed as skipped, never passed as clean: larger than the parse limit, or not
// in its format; and that a broad section's contains filter keeps other files from
// being parsed at all.
func TestConfigSkips(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "etc/shadowsocks-libev/config.json"), `{"server": "0.0.0.0", "server_port": 8388,`)
	mustWrite(t, filepath.Join(dir, "etc/squid/squid.conf"), "http_port 3128\nhttp_access allow all\n"+strings.Repeat("# padding\n", 110_000))
	mustWrite(t, filepath.Join(dir, "srv/app/broken.json"), `{"not json`)
	mustWrite(t, filepath.Join(dir, "srv/miner/broken.json"), `{"pools": [{"url": "stratum+tcp://pool.example.net:3333"`)
	hits, sum := scanTree(t, configEngine(t), dir, FileOptions{})
	want := map[string]string{
		"/etc/shadowsocks-libev/config.json": "configuration not parsed: json: line 1",
		"/etc/squid/squid.conf":              "configuration larger than 1024 KiB: not parsed",
		"/srv/miner/broken.json":             "configuration not parsed: json: line 1",
	}
	got := skippedAs(sum)
	for p, reason := range want {
		if !strings.HasPrefix(got[p], reason) {
			t.Errorf("%s skipped as %q, want %q", p, got[p], reason)
		}
	}
	if len(got) != len(want) {
		t.Errorf("skipped %v, want only %v", got, want)
	}
	if len(hits) != 0 {
		t.Errorf("hits %s", hitList(hits))
	}
}

// TestConfigCache checks that a configuration finding served from the scan cache
// is the one a read gives: evidence, role and confidence.
func TestConfigCache(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "etc/squid/squid.conf"), "acl localnet src 10.0.0.0/8\nhttp_port 3128\nhttp_access allow localnet\n")
	mustWrite(t, filepath.Join(dir, "etc/tor/torrc"), "ORPort 9001\n")
	eng := configEngine(t)
	c := openTestCache(t, filepath.Join(t.TempDir(), "cache.db"))
	c.RacyWindow = 0
	describe := func(hits []FileHit) []string {
		var out []string
		for _, h := range hits {
			for _, f := range (FindingMaker{}).FileFindings(h) {
				out = append(out, fmt.Sprintf("%s %s %s %s %s", f.Subject, f.Rule, f.Role, f.Confidence, f.Evidence))
			}
		}
		slices.Sort(out)
		return out
	}
	first, sum1 := scanTree(t, eng, dir, FileOptions{Cache: c})
	second, sum2 := scanTree(t, eng, dir, FileOptions{Cache: c})
	if sum1.FilesRead != 2 || sum2.FilesCached != 2 {
		t.Fatalf("read %d then served %d from the cache, want 2 and 2", sum1.FilesRead, sum2.FilesCached)
	}
	a, b := describe(first), describe(second)
	if !slices.Equal(a, b) || len(a) != 2 || !strings.Contains(a[0], "server low") {
		t.Errorf("read:\n%s\ncached:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

// TestRoles checks the role of each kind of host finding: a package and a program
// are installed software, a configuration judged a server's serves.
func TestRoles(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "var/lib/dpkg/status"), "Package: tor\nStatus: install ok installed\nVersion: 1\n")
	mustWrite(t, filepath.Join(root, "etc/tor/torrc"), "ORPort 9001\n")
	mustWrite(t, filepath.Join(root, "usr/bin/relayd"), "\x7fELF\x02\x01\x01\x00relayd/2.1\x00rly!\x05\x01\x00")
	s, err := signatures.Load(signatures.Options{Dirs: []string{"../../testdata/rules/valid/guide"}})
	must(t, err)
	got := map[string]string{}
	_, err = Scan(t.Context(), Compile(s), Options{Root: root}, func(f scanner.Finding) { got[f.Kind+" "+f.Rule] = f.Role })
	must(t, err)
	want := map[string]string{"package tor.daemon": "installed", "config tor.relay-config": "server", "file acme.proxy.relayd": "installed"}
	if !mapsEqual(got, want) {
		t.Errorf("roles %v, want %v", got, want)
	}
}
