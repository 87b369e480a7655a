package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/scanner"
)

// TestFilesArchives runs `aupscan files` on a folder holding a zip with a real
// proxy server and a zip bomb: the member is a finding of kind file named by its
// member path (exit 1), the bomb is listed as skipped with its reason, and the
// limits flags and --no-archives change what is read.
func TestFilesArchives(t *testing.T) {
	ss := sampleFile(t, "deb:shadowsocks-libev:/usr/bin/ss-server")
	prog, err := os.ReadFile(ss)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, content := range map[string][]byte{"bin/ss-server": prog, "zeros": make([]byte, 64<<20)} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	zw.Close()
	plant(t, dir, "srv/bundle.zip", "", b.String())

	code, out, errOut := aupscan(t, "--format", "json", "files", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
	}
	var f scanner.Finding
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &f); err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "srv/bundle.zip") + "!bin/ss-server"; f.Subject != want || f.Kind != scanner.KindFile || f.Rule != "proxy.shadowsocks" {
		t.Errorf("finding %+v, want proxy.shadowsocks on %s", f, want)
	}
	sum := jsonSummary(t, errOut)
	if len(sum.Skipped) != 1 || sum.Members != 1 || sum.Skipped[0].Reason != "archive: compression ratio over limit" ||
		!strings.HasSuffix(sum.Skipped[0].Path, "bundle.zip!zeros") {
		t.Errorf("summary %+v, want 1 member read and bundle.zip!zeros skipped for its ratio", sum)
	}
	if _, _, errOut = aupscan(t, "files", dir); !strings.Contains(errOut, "skipped 1: archive: compression ratio over limit") ||
		!strings.Contains(errOut, "1 archive members") {
		t.Errorf("text summary:\n%s", errOut)
	}
	// A member limit below the program's size skips it, and nothing is found.
	if code, _, errOut = aupscan(t, "files", "--archive-max-member", "1000", dir); code != 0 || !strings.Contains(errOut, "bin/ss-server: archive: member too large") {
		t.Errorf("--archive-max-member: exit %d\n%s", code, errOut)
	}
	if code, _, errOut = aupscan(t, "files", "--no-archives", dir); code != 0 || strings.Contains(errOut, "archive") {
		t.Errorf("--no-archives: exit %d\n%s", code, errOut)
	}
	if code, _, errOut = aupscan(t, "files", "--archive-max-ratio", "0.5", dir); code != 2 || !strings.Contains(errOut, "--archive-*") {
		t.Errorf("bad ratio: exit %d\n%s", code, errOut)
	}
}
