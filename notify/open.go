package notify

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// OpenOptions are Open's settings: the notifier's own, and whether a SQLite case
// database may be created.
type OpenOptions struct {
	Options
	// Create lets Open make a SQLite database that does not exist yet, and the
	// folder it goes in. Without it the file must exist: a command that only reads
	// cases must not leave an empty database behind. PostgreSQL databases are made
	// by their administrator either way (store.Open creates the tables).
	Create bool
}

// A DatabaseFileError is Open's error for a SQLite case database it cannot get at
// before opening it: with Create, its folder could not be made; without, the file
// does not exist (Err is then fs.ErrNotExist) or cannot be examined. Callers say
// which setting names Path.
type DatabaseFileError struct {
	Path   string
	Create bool
	Err    error
}

func (e *DatabaseFileError) Error() string {
	if e.Create {
		return fmt.Sprintf("case database folder %s: %v", filepath.Dir(e.Path), e.Err)
	}
	return fmt.Sprintf("case database %s: %v", e.Path, e.Err)
}

func (e *DatabaseFileError) Unwrap() error { return e.Err }

// Open opens the case database of c and builds the notifier over it, rendering
// notices with c's templates. It is how the daemon and the case commands set the
// notifier up. The caller closes the store.
func Open(ctx context.Context, c *Config, opts OpenOptions) (*store.Store, *Notifier, error) {
	if !store.IsPostgres(c.Database) {
		if opts.Create {
			if err := os.MkdirAll(filepath.Dir(c.Database), 0o750); err != nil {
				return nil, nil, &DatabaseFileError{Path: c.Database, Create: true, Err: err}
			}
		} else if _, err := os.Stat(c.Database); err != nil {
			return nil, nil, &DatabaseFileError{Path: c.Database, Err: err}
		}
	}
	st, err := store.Open(ctx, c.Database)
	if err != nil {
		return nil, nil, err
	}
	n, err := NewFromConfig(c, st, opts.Options)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, n, nil
}

// NewFromConfig is New with the renderer of c's templates: a notifier over a store
// already open, as when the daemon reloads its configuration and keeps its database.
func NewFromConfig(c *Config, st *store.Store, opts Options) (*Notifier, error) {
	r, err := mail.NewRenderer(c.Templates)
	if err != nil {
		return nil, err
	}
	return New(c, st, r, opts), nil
}
