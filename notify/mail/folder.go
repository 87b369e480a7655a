package mail

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A FolderTransport writes each message as an .eml file into a folder: the embedded
// default when no SMTP server is configured. Files are named by Message-ID and written
// through a temporary file and a rename, so a reader never sees half a message and a
// repeated delivery replaces the file instead of adding a second one.
type FolderTransport struct{ dir string }

// NewFolderTransport returns a transport writing into dir, creating it if needed.
func NewFolderTransport(dir string) (*FolderTransport, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("mail folder: %w", err)
	}
	return &FolderTransport{dir: dir}, nil
}

// Send writes the message to DIR/MESSAGE-ID.eml.
func (f *FolderTransport) Send(_ context.Context, e Envelope) error {
	name := filepath.Join(f.dir, FileName(e.MessageID))
	tmp, err := os.CreateTemp(f.dir, ".tmp-*.eml")
	if err != nil {
		return fmt.Errorf("mail folder: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(e.Raw); err != nil {
		tmp.Close()
		return fmt.Errorf("mail folder: write %s: %w", e.MessageID, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("mail folder: sync %s: %w", e.MessageID, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("mail folder: %w", err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("mail folder: %w", err)
	}
	// The rename is durable only once the directory is synced.
	if d, err := os.Open(f.dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// Close does nothing: the folder holds no connection.
func (f *FolderTransport) Close() error { return nil }

// FileName is the file a message is stored under: its Message-ID with every byte that
// is not safe in a file name replaced.
func FileName(messageID string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".-_@", r) {
			return r
		}
		return '_'
	}, messageID) + ".eml"
}
