package host

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPlan: the plan names each folder to walk (absent ones as such), the package
// database, and a program a unit starts from outside those folders, under the root.
func TestPlan(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "usr/bin/true"), "x")
	mustWrite(t, filepath.Join(root, "var/lib/dpkg/status"), "")
	mustWrite(t, filepath.Join(root, "data/relayd"), "x")
	must(t, os.Symlink("usr/bin", filepath.Join(root, "bin")))
	mustWrite(t, filepath.Join(root, "etc/systemd/system/relay.service"), "[Service]\nExecStart=/data/relayd -c /etc/r.json\n")
	got, err := Plan(Options{Root: root, Paths: []string{"/bin", "/usr/bin", "/opt", "/etc", "/srv"},
		Files: FileOptions{Exclude: []string{"/srv"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"/bin": PlanSymlink, "/usr/bin": PlanFolder, "/opt": PlanAbsent, "/etc": PlanFolder, "/srv": SkipExcluded,
		"/var/lib/dpkg/status": PlanPackages,
		"/data/relayd":         "program started by /etc/systemd/system/relay.service (ExecStart)",
	}
	if len(got) != len(want) {
		t.Errorf("plan %v, want %d entries", got, len(want))
	}
	for _, e := range got {
		rel, _ := filepath.Rel(root, e.Path)
		if w, ok := want["/"+rel]; !ok || w != e.What {
			t.Errorf("entry %s %q, want %q", e.Path, e.What, w)
		}
	}
	if _, err := Plan(Options{Root: filepath.Join(root, "nowhere")}); err == nil {
		t.Error("a missing root is not refused")
	}
}
