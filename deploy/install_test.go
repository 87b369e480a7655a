package deploy

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
)

// TestInstallFromSource clones this repository afresh and runs
// scripts/install-test.sh in the clone: the README's install steps as written, the
// checks (check-config as the aupscan user among them), then the README's removal
// steps. Root only; it installs into the real /usr/local/bin and /etc, and removes
// what it installed whatever happens.
func TestInstallFromSource(t *testing.T) {
	needCleanMachine(t)
	git := testenv.LookPath(t, "git")
	testenv.LookPath(t, "runuser")
	testenv.LookPath(t, "systemd-analyze")
	clone := filepath.Join(t.TempDir(), "aupscan")
	run(t, git, "clone", "--quiet", repoRoot(t), clone)
	if out, _ := exec.Command(git, "-C", repoRoot(t), "status", "--porcelain", "--untracked-files=no").Output(); len(out) > 0 {
		t.Logf("uncommitted changes are not in the clone:\n%s", out)
	}
	t.Cleanup(func() {
		// The README's removal steps, whatever the script got to.
		for _, p := range []string{"/usr/local/bin/aupscan", "/usr/local/bin/aupscand", "/etc/systemd/system/aupscand.service", "/etc/aupscan", "/var/lib/aupscan"} {
			os.RemoveAll(p)
		}
		exec.Command("userdel", "aupscan").Run()
		exec.Command("groupdel", "aupscan").Run()
	})
	c := command("./scripts/install-test.sh")
	c.Dir = clone
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/install-test.sh: %v\n%s", err, out)
	}
	for _, want := range []string{"configuration ok", "install-test: check-config as the aupscan user: ok", "install-test: removed"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("scripts/install-test.sh did not say %q:\n%s", want, out)
		}
	}
}
