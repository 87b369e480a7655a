package notify

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestOpen: without Create a missing SQLite file is a DatabaseFileError and nothing
// is made; with Create the folder and the database are made, and opened again
// without Create afterwards; a template that does not parse is an error.
func TestOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := testConfig(t, filepath.Join(dir, "mail"))
	c.Database = filepath.Join(dir, "var", "cases.db")
	opts := OpenOptions{Options: Options{Logger: quietLog()}}

	_, _, err := Open(ctx, c, opts)
	var fe *DatabaseFileError
	if !errors.As(err, &fe) || fe.Create || fe.Path != c.Database || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing database: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(c.Database)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the folder was made without Create: %v", err)
	}

	opts.Create = true
	st, n, err := Open(ctx, c, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n.Store() != st {
		t.Error("the notifier is not over the store Open returned")
	}
	st.Close()

	opts.Create = false
	st, _, err = Open(ctx, c, opts)
	if err != nil {
		t.Fatalf("existing database: %v", err)
	}
	st.Close()

	blocked := filepath.Join(dir, "file")
	os.WriteFile(blocked, nil, 0o644)
	c.Database = filepath.Join(blocked, "cases.db")
	if _, _, err := Open(ctx, c, OpenOptions{Create: true}); !errors.As(err, &fe) || !fe.Create {
		t.Errorf("folder not made: %v", err)
	}

	c.Database = filepath.Join(dir, "var", "cases.db")
	c.Templates = filepath.Join(dir, "templates")
	os.MkdirAll(filepath.Join(c.Templates, "en"), 0o755)
	os.WriteFile(filepath.Join(c.Templates, "en", "warning.txt"), []byte("{{ .Case"), 0o644)
	if _, _, err := Open(ctx, c, opts); err == nil {
		t.Error("a template that does not parse was taken")
	}
}
