package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrNoUser is returned for a staff account that does not exist.
var ErrNoUser = errors.New("no such user")

// A User is a local staff account of the console: its name, password hash (made by
// the console's hasher; the store never sees a password) and role.
type User struct {
	Name         string
	PasswordHash string
	Role         string
	CreatedAt    time.Time
	Disabled     bool
}

// PutUser adds a staff account or replaces the one of the same name.
func (s *Store) PutUser(ctx context.Context, u User) error {
	_, err := s.rw().ExecContext(ctx, `INSERT INTO users (name, password_hash, role, created_at, disabled) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, disabled = excluded.disabled`,
		u.Name, u.PasswordHash, u.Role, ns(u.CreatedAt), u.Disabled)
	if err != nil {
		return fmt.Errorf("user %s: %w", u.Name, err)
	}
	return nil
}

// User returns the staff account of this name, ErrNoUser (wrapped) when there is none.
func (s *Store) User(ctx context.Context, name string) (User, error) {
	var u User
	var ca int64
	err := s.rw().QueryRowContext(ctx, `SELECT name, password_hash, role, created_at, disabled FROM users WHERE name = ?`, name).
		Scan(&u.Name, &u.PasswordHash, &u.Role, &ca, &u.Disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("user %q: %w", name, ErrNoUser)
	}
	u.CreatedAt = fromNS(ca)
	return u, err
}

// Users lists the staff accounts by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.rw().QueryContext(ctx, `SELECT name, password_hash, role, created_at, disabled FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		var ca int64
		if err := rows.Scan(&u.Name, &u.PasswordHash, &u.Role, &ca, &u.Disabled); err != nil {
			return nil, err
		}
		u.CreatedAt = fromNS(ca)
		out = append(out, u)
	}
	return out, rows.Err()
}
