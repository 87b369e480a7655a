package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
)

// TestHostSeesRunningProxy starts a real tinyproxy listening on loopback and finds it
// through `aupscan host` as a process finding that names the port it listens on.
func TestHostSeesRunningProxy(t *testing.T) {
	bin := testenv.LookPath(t, "tinyproxy")
	testenv.NeedRoot(t) // other users' /proc/PID/exe and fds need it
	port := testenv.FreePort(t)
	conf := filepath.Join(t.TempDir(), "tinyproxy.conf")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf("Port %d\nListen 127.0.0.1\nTimeout 30\nMaxClients 2\n", port)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-d", "-c", conf)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("tinyproxy did not listen on %s: %v", addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}

	// Walk an empty folder only: this test is about processes, not this host's files.
	code, out, errOut := aupscan(t, "--format", "json", "host", "--path", t.TempDir())
	if code != exitFindings {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	want := fmt.Sprintf("listening on %s/tcp", addr)
	found := false
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f scanner.Finding
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("bad JSON %q: %v", line, err)
		}
		if f.Kind == scanner.KindProcess && f.Rule == "proxy.tinyproxy" &&
			strings.Contains(f.Subject, fmt.Sprintf("(pid %d)", cmd.Process.Pid)) {
			found = true
			if !strings.Contains(f.Evidence, want) || !strings.Contains(f.Evidence, "executable: ") {
				t.Errorf("evidence %q lacks %q or the executable's evidence", f.Evidence, want)
			}
		}
	}
	if !found {
		t.Errorf("no process finding for tinyproxy pid %d in:\n%s", cmd.Process.Pid, out)
	}
}
