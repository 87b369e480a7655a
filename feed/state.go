package feed

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"
)

// State is what a feed last did, kept beside its list file in ".NAME.feed.json".
type State struct {
	// Source identifies the feed's URL and verification the installed copy was
	// fetched and checked under: conditional requests are made only under the same
	// (a changed URL, pin or key fetches and checks the feed in full).
	Source string `json:"source,omitempty"`
	// ETag and LastModified of the installed copy, for conditional requests.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// SHA256 and Entries describe the installed copy.
	SHA256  string `json:"sha256,omitempty"`
	Entries int    `json:"entries,omitempty"`
	// LastSuccess is the last fetch that installed a copy or found it unchanged;
	// Installed when the installed copy was written.
	LastSuccess time.Time `json:"last_success,omitzero"`
	Installed   time.Time `json:"installed,omitzero"`
	LastAttempt time.Time `json:"last_attempt,omitzero"`
	// Failures counts failed fetches since the last success; LastError says why
	// the last one failed.
	Failures  int    `json:"failures,omitempty"`
	LastError string `json:"last_error,omitempty"`
}

// statePath is the state file of the feed named name writing dest.
func statePath(dest, name string) string {
	return filepath.Join(filepath.Dir(dest), "."+name+".feed.json")
}

// LoadState reads the state of feed c; a feed never run has an empty one.
func LoadState(c Config) (State, error) {
	var s State
	b, err := os.ReadFile(statePath(c.Destination, c.Name))
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return State{}, nil // a damaged state costs one unconditional fetch, no more
	}
	return s, nil
}

func saveState(c Config, s State) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(statePath(c.Destination, c.Name), append(b, '\n'), 0o644)
}

// writeAtomic writes data to a temporary file beside path, syncs it, renames it
// over path and syncs the folder: a reader sees the old file or the new one, never
// a part.
func writeAtomic(path string, data []byte, mode os.FileMode) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after a successful rename, nothing to remove
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
