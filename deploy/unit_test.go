package deploy

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
)

// unit renders the unit template for binaries in bindir, as scripts/release.sh and
// `make units` do with sed.
func unit(t *testing.T, bindir string) string {
	t.Helper()
	tmpl, err := os.ReadFile("aupscand.service.in")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(tmpl), "@BINDIR@/aupscand --config") {
		t.Fatal("aupscand.service.in: no @BINDIR@/aupscand in ExecStart")
	}
	return strings.ReplaceAll(string(tmpl), "@BINDIR@", bindir)
}

// TestSourceUnitFromTemplate: deploy/aupscand.service, which the README's source
// install copies, is the template with /usr/local/bin (run `make units` after
// editing the template).
func TestSourceUnitFromTemplate(t *testing.T) {
	got, err := os.ReadFile("aupscand.service")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != unit(t, "/usr/local/bin") {
		t.Error("deploy/aupscand.service is not aupscand.service.in with @BINDIR@=/usr/local/bin: run `make units`")
	}
	if strings.Contains(string(got), "/usr/bin/aupscand") {
		t.Error("the source install's unit points at /usr/bin")
	}
}

// TestUnitVerify: systemd-analyze verify accepts the unit as the release makes it,
// with nothing to say (it exits 0 on a misspelt setting too, so its output counts),
// and the unit is the notify kind with a watchdog.
func TestUnitVerify(t *testing.T) {
	analyze := testenv.LookPath(t, "systemd-analyze")
	dir := t.TempDir()
	// An executable where ExecStart points: verify checks that it is there.
	if err := os.WriteFile(filepath.Join(dir, "aupscand"), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	text := unit(t, dir)
	path := filepath.Join(dir, "aupscand.service")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(analyze, "verify", "--man=no", path).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
	for _, want := range []string{"\nType=notify\n", "\nNotifyAccess=main\n", "\nWatchdogSec=", "\nExecReload=/bin/kill -HUP $MAINPID\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the unit lacks %q", strings.TrimSpace(want))
		}
	}
	// The check is real: a misspelt type is reported.
	bad := filepath.Join(dir, "bad.service")
	os.WriteFile(bad, []byte(strings.Replace(text, "Type=notify", "Type=notifyy", 1)), 0o644)
	if out, _ := exec.Command(analyze, "verify", "--man=no", bad).CombinedOutput(); !strings.Contains(string(out), "notifyy") {
		t.Errorf("systemd-analyze verify passed a misspelt Type: %q", out)
	}
}
