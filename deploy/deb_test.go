package deploy

import (
	"database/sql"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/aupscan/aupscan/internal/testenv"
)

// run runs a command and returns its combined output, failing the test when it fails.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// command is exec.Command with no standard input and dpkg told nobody answers.
func command(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	return c
}

// repoRoot is the repository this test runs in.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// needCleanMachine stops the test when aupscan is installed here already, by the
// package or from source: these tests install into /usr and /etc for real and
// would replace it.
func needCleanMachine(t *testing.T) {
	t.Helper()
	testenv.NeedRoot(t)
	if out, _ := exec.Command("dpkg-query", "-W", "-f=${Status}", "aupscan").Output(); strings.Contains(string(out), "installed") {
		t.Fatalf("the aupscan package is installed on this machine (%s): remove it first", out)
	}
	for _, p := range []string{"/usr/bin/aupscand", "/usr/local/bin/aupscand", "/etc/aupscan", "/var/lib/aupscan"} {
		if _, err := os.Lstat(p); err == nil {
			t.Fatalf("%s exists: aupscan is installed on this machine; remove it first", p)
		}
	}
	if _, err := user.Lookup("aupscan"); err == nil {
		t.Fatal("the user aupscan exists: aupscan is installed on this machine; remove it first")
	}
}

// buildDeb returns the .deb of version for this machine's architecture, from
// releaseBuild.
func buildDeb(t *testing.T, version string) string {
	t.Helper()
	return filepath.Join(releaseBuild(t, version), "aupscan_"+version+"_"+runtime.GOARCH+".deb")
}

// TestDebPackage builds the .deb, installs it on this machine with dpkg, runs the
// daemon's check-config as its user and aupscan --version, upgrades it to a newer
// version over a case database an older release left and a locally changed
// configuration, then purges it. Root only; it installs into the real /usr/bin and
// /etc, and always purges what it installed.
func TestDebPackage(t *testing.T) {
	needCleanMachine(t)
	dpkg := testenv.LookPath(t, "dpkg")
	runuser := testenv.LookPath(t, "runuser")
	testenv.LookPath(t, "nfpm")
	old, newer := buildDeb(t, "1.0.0"), buildDeb(t, "1.0.1")
	commit := strings.TrimSpace(run(t, "git", "-C", repoRoot(t), "rev-parse", "HEAD"))

	t.Cleanup(func() {
		if out, err := command(dpkg, "--purge", "aupscan").CombinedOutput(); err != nil {
			t.Errorf("cleanup: dpkg --purge aupscan: %v\n%s", err, out)
		}
	})
	run(t, dpkg, "-i", old)

	// The user and group, the files and their owners.
	u, err := user.Lookup("aupscan")
	if err != nil {
		t.Fatalf("the install made no aupscan user: %v", err)
	}
	if uid, _ := strconv.Atoi(u.Uid); uid >= 1000 || !strings.Contains(run(t, "getent", "passwd", "aupscan"), ":/usr/sbin/nologin") {
		t.Errorf("aupscan is not a system user without a login shell: uid %s, %s", u.Uid, run(t, "getent", "passwd", "aupscan"))
	}
	g, err := user.LookupGroup("aupscan")
	if err != nil {
		t.Fatalf("the install made no aupscan group: %v", err)
	}
	gid, _ := strconv.Atoi(g.Gid)
	owned := func(path string, mode os.FileMode, uid, gid int) {
		t.Helper()
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		sys := st.Sys().(*syscall.Stat_t)
		if st.Mode().Perm() != mode || int(sys.Uid) != uid || int(sys.Gid) != gid {
			t.Errorf("%s: mode %v owner %d:%d, want %v %d:%d", path, st.Mode().Perm(), sys.Uid, sys.Gid, mode, uid, gid)
		}
	}
	uid, _ := strconv.Atoi(u.Uid)
	owned("/etc/aupscan/aupscand.toml", 0o640, 0, gid)
	owned("/var/lib/aupscan", 0o750, uid, gid)
	if c := run(t, "dpkg-query", "-W", "-f=${Conffiles}", "aupscan"); !strings.Contains(c, "/etc/aupscan/aupscand.toml") {
		t.Errorf("the configuration is not a conffile: %q", c)
	}
	for _, p := range []string{"/usr/share/man/man1/aupscan.1.gz", "/usr/share/man/man8/aupscand.8.gz",
		"/usr/share/bash-completion/completions/aupscan", "/usr/share/zsh/vendor-completions/_aupscan",
		"/usr/share/fish/vendor_completions.d/aupscan.fish", "/usr/share/bash-completion/completions/aupscand"} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("not installed: %v", err)
		}
	}
	// The installed unit, as systemd would read it, points at the installed binaries.
	unitText, _ := os.ReadFile("/usr/lib/systemd/system/aupscand.service")
	if !strings.Contains(string(unitText), "ExecStart=/usr/bin/aupscand --config /etc/aupscan/aupscand.toml") {
		t.Errorf("the installed unit does not start /usr/bin/aupscand")
	}
	if out, err := command(testenv.LookPath(t, "systemd-analyze"), "verify", "--man=no", "/usr/lib/systemd/system/aupscand.service").CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("systemd-analyze verify of the installed unit: %v\n%s", err, out)
	}

	// The unit's first step, as its user: the packaged configuration loads.
	if out := run(t, runuser, "-u", "aupscan", "--", "/usr/bin/aupscand", "check-config", "--config", "/etc/aupscan/aupscand.toml"); !strings.Contains(out, "configuration ok") {
		t.Errorf("check-config as aupscan: %s", out)
	}
	// Only the group reads it: another unprivileged user cannot.
	if out, err := command(runuser, "-u", "nobody", "--", "cat", "/etc/aupscan/aupscand.toml").CombinedOutput(); err == nil {
		t.Errorf("nobody reads the configuration: %s", out)
	}
	version := func(want string) {
		t.Helper()
		for _, prog := range []string{"/usr/bin/aupscan", "/usr/bin/aupscand"} {
			out := run(t, prog, "--version")
			if prefix := filepath.Base(prog) + " " + want + " (commit " + commit[:12]; !strings.HasPrefix(out, prefix) || !strings.Contains(out, "\nrules ") {
				t.Errorf("%s --version: %q, want it to start %q and name the rules' version", prog, out, prefix)
			}
		}
	}
	version("1.0.0")

	// What an older release left, and the admin's change to the configuration.
	db := "/var/lib/aupscan/aupscan.db"
	fixture, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata/upgrade/aupscan-schema1.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, fixture, 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chown(db, uid, gid)
	cfg, _ := os.ReadFile("/etc/aupscan/aupscand.toml")
	changed := strings.Replace(string(cfg), `level = "info"`, `level = "debug" # changed on this machine`, 1)
	if changed == string(cfg) {
		t.Fatal("the packaged configuration has no log level to change")
	}
	os.WriteFile("/etc/aupscan/aupscand.toml", []byte(changed), 0o640)

	run(t, dpkg, "-i", newer)
	version("1.0.1")
	if got, _ := os.ReadFile("/etc/aupscan/aupscand.toml"); string(got) != changed {
		t.Errorf("the upgrade did not keep the changed configuration:\n%s", got)
	}
	owned("/etc/aupscan/aupscand.toml", 0o640, 0, gid)
	// The new daemon starts (one cycle, as its user: the restart the postinst asks
	// systemd for) over the old database: the schema is brought up to date, to the
	// version a new database gets, and the cases are all there.
	run(t, runuser, "-u", "aupscan", "--", "/usr/bin/aupscand", "--config", "/etc/aupscan/aupscand.toml", "--once")
	out := run(t, runuser, "-u", "aupscan", "--", "/usr/bin/aupscan", "cases", "list", "--all")
	for _, id := range []string{"AUP-000001", "AUP-000002", "AUP-000003"} {
		if !strings.Contains(out, id) {
			t.Errorf("after the upgrade, cases list lacks %s:\n%s", id, out)
		}
	}
	fresh := filepath.Join(t.TempDir(), "fresh.toml")
	os.WriteFile(fresh, []byte(strings.Replace(string(cfg), "/var/lib/aupscan/", filepath.Dir(fresh)+"/", -1)), 0o644)
	run(t, "/usr/bin/aupscand", "--config", fresh, "--once")
	if got, want := schemaVersion(t, db), schemaVersion(t, filepath.Join(filepath.Dir(fresh), "aupscan.db")); got != want || got <= 1 {
		t.Errorf("the old database is at schema %d after the upgrade; a new one is at %d", got, want)
	}

	// The purge: package, user, group and folders gone.
	run(t, dpkg, "--purge", "aupscan")
	for _, p := range []string{"/usr/bin/aupscan", "/usr/bin/aupscand", "/etc/aupscan", "/var/lib/aupscan", "/usr/lib/systemd/system/aupscand.service"} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s is left after the purge", p)
		}
	}
	if _, err := user.Lookup("aupscan"); err == nil {
		t.Error("the user aupscan is left after the purge")
	}
	if _, err := user.LookupGroup("aupscan"); err == nil {
		t.Error("the group aupscan is left after the purge")
	}
}

// schemaVersion is the highest migration a case database has had.
func schemaVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`SELECT MAX(version) FROM schema_version`).Scan(&v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}
