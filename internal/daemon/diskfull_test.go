package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
)

// smallFS mounts a tmpfs of size bytes on a folder of the test's, unmounted when the
// test ends: a disk the test can fill.
func smallFS(t *testing.T, size int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		testenv.Missing(t, "needs root to mount a small tmpfs (a disk to fill)")
	}
	dir := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, fmt.Sprintf("size=%d", size)); err != nil {
		testenv.Missing(t, "cannot mount a tmpfs: "+err.Error())
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// fill writes a file in dir until the filesystem is full.
func fill(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "filler")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return p
		}
	}
}

// TestDiskFullHoldsFindings: while the disk of the case database is full, findings
// are held in memory (a log line and the findings_held gauge say so) and recorded,
// all of them, when space returns. The daemon used to drop each refused batch.
func TestDiskFullHoldsFindings(t *testing.T) {
	small := smallFS(t, 16<<20)
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "aupscand.toml")
	cfgText := fmt.Sprintf(`[daemon]
flush_interval = "50ms"
[notify]
database = %q
[[notify.tenant]]
id = "t"
hosts = ["h"]
[[notify.tenant.contact]]
address = "ops@t.example"
[notify.mail]
from = "aup@cloud.example"
folder = "var/mail"
`, filepath.Join(small, "aupscan.db"))
	if err := os.WriteFile(cfgPath, []byte(cfgText), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	ctx := context.Background()
	d, err := newDaemon(ctx, cfg, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	done := d.startProcessor(ctx)
	cases := func() int {
		var n int
		if err := d.store.DB().QueryRow(`SELECT count(*) FROM cases`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	put := func(i int) {
		d.q.put(scanner.Finding{Rule: fmt.Sprintf("test.rule-%d", i), Name: "test", Category: "proxy", Severity: "high", Confidence: "high",
			Kind: scanner.KindFile, Subject: "/etc/x", Evidence: strings.Repeat("e", 300), Host: "h", Time: time.Now()})
	}
	put(0)
	eventually(t, func() bool { return cases() == 1 })

	filler := fill(t, small)
	const n = 2000
	for i := 1; i <= n; i++ {
		put(i)
	}
	eventually(t, func() bool { return strings.Contains(logs.String(), "held in memory until it accepts them") })
	if cases() != 1 {
		t.Fatalf("%d cases recorded on a full disk: the test did not fill it", cases())
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if t.Failed() {
			t.Log(logs.String())
		}
	}()
	eventually(t, func() bool { return cases() == n+1 })
	d.q.close()
	<-done
	if !strings.Contains(logs.String(), "held findings recorded") {
		t.Errorf("no log line for the held findings recorded:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "findings lost") {
		t.Errorf("findings lost:\n%s", logs.String())
	}
}
