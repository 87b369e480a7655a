package host

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

// TestRemovedPackagesAreNotFindings: with the catalog's rules, a package removed
// but for its configuration files ("deinstall ok config-files"), one purged, one
// half-installed and the packaged default configuration they left behind are no
// findings; an installed package of the catalog is one.
func TestRemovedPackagesAreNotFindings(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "var/lib/dpkg/status"), `Package: i2pd
Status: deinstall ok config-files
Version: 2.45.1-1

Package: tor
Status: purge ok not-installed
Version: 0.4.7.16-1

Package: stunnel4
Status: install reinstreq half-installed
Version: 3:5.68-2+deb12u1

Package: xrdp
Status: install ok installed
Version: 0.9.21.1-1+deb12u3
`)
	mustWrite(t, filepath.Join(root, "etc/i2pd/i2pd.conf"), "## packaged default\n# ipv4 = true\n[http]\naddress = 127.0.0.1\nport = 7070\n")
	mustWrite(t, filepath.Join(root, "etc/tor/torrc"), "#SocksPort 9050\n#ORPort 9001\n")
	set, err := signatures.Load(signatures.Options{})
	must(t, err)
	var got []string
	res, err := Scan(t.Context(), Compile(set), Options{Root: root}, func(f scanner.Finding) {
		got = append(got, f.Kind+" "+f.Rule+" "+f.Subject)
	})
	must(t, err)
	if want := []string{"package remote-access.xrdp dpkg xrdp 0.9.21.1-1+deb12u3"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if res.Packages != 1 {
		t.Errorf("%d packages counted as installed, want 1", res.Packages)
	}
	// The same package installed is a finding: the rules do name it.
	if len(Compile(set).MatchPackage(Package{Manager: "dpkg", Name: "i2pd"})) == 0 {
		t.Error("no rule names i2pd")
	}
}
