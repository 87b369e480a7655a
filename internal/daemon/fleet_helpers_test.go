package daemon

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/config"
)

// writeFile writes a test file (making its folder) and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, mode); err != nil {
		t.Fatal(err)
	}
	return p
}

// untilOK polls f until it returns nil or the limit passes.
func untilOK(t *testing.T, limit time.Duration, what string, f func() error) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		err := f()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s: %v", what, limit, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

var errNotYet = errors.New("not yet")

// runManagerInProcess runs a fleet manager with cfg until the test ends (the test
// fails if it then stops with an error) and returns its log and its SIGHUP channel.
func runManagerInProcess(t *testing.T, cfg *config.Config) (*syncBuffer, chan<- os.Signal) {
	t.Helper()
	log := &syncBuffer{}
	hup := make(chan os.Signal, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, Options{Logger: slog.New(slog.NewTextHandler(log, nil)), Reload: hup}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("manager: %v:\n%s", err, log.String())
		}
	})
	return log, hup
}
