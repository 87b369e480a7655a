package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrToken is returned for a case link token that is unknown, expired or revoked.
// The three are one error on purpose: the page a stranger sees tells nothing apart.
var ErrToken = errors.New("link not valid")

// A Token is the stored form of a case page link: the SHA-256 of the random token
// (the token itself is only in the notice), the case and tenant it opens, and its
// lifetime. Several managers serve the same links from the shared database.
type Token struct {
	Hash      string
	CaseID    int64
	Tenant    string
	CreatedAt time.Time
	ExpiresAt time.Time
	RevokedAt time.Time
}

// tokenBytes is the entropy of a link token: 256 bits, as unguessable as the key
// of a signature.
const tokenBytes = 32

// HashToken is the stored form of a token: hex SHA-256. A token has 256 random
// bits, so a plain hash is enough (no salt or slow hash: nothing to brute-force).
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// NewToken makes a random token for case c, valid until expires, and stores its
// hash. It returns the token, which goes into the notice and nowhere else.
func (tx Tx) NewToken(ctx context.Context, c *Case, now, expires time.Time) (string, error) {
	b := make([]byte, tokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("token for %s: %w", c.Ref(), err)
	}
	tok := base64.RawURLEncoding.EncodeToString(b)
	_, err := tx.ExecContext(ctx, `INSERT INTO tokens (hash, case_id, tenant, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		HashToken(tok), c.ID, c.Tenant, ns(now), ns(expires))
	if err != nil {
		return "", fmt.Errorf("token for %s: %w", c.Ref(), err)
	}
	return tok, nil
}

// TokenCase returns the case a token opens at now, or ErrToken when the token is
// unknown, expired, revoked, or bound to a tenant that is no longer the case's.
func (s *Store) TokenCase(ctx context.Context, token string, now time.Time) (Case, Token, error) {
	var t Token
	if len(token) != base64.RawURLEncoding.EncodedLen(tokenBytes) {
		return Case{}, t, ErrToken
	}
	// One query: the token page is the one strangers load, and SQLite serves one
	// query at a time.
	var ca, ea, ra int64
	var row caseRow
	err := s.rw().QueryRowContext(ctx, tokenCaseSelect, HashToken(token)).Scan(
		append([]any{&t.Hash, &t.CaseID, &t.Tenant, &ca, &ea, &ra}, row.targets()...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return Case{}, t, ErrToken // no such token, or its case is gone
	}
	if err != nil {
		return Case{}, t, fmt.Errorf("token: %w", err)
	}
	c := row.done()
	t.CreatedAt, t.ExpiresAt, t.RevokedAt = fromNS(ca), fromNS(ea), fromNS(ra)
	if !t.RevokedAt.IsZero() || !now.Before(t.ExpiresAt) || c.Tenant != t.Tenant {
		return Case{}, t, ErrToken
	}
	return c, t, nil
}

// RevokeTokens revokes every link of case id at now and returns how many it revoked.
func (s *Store) RevokeTokens(ctx context.Context, id int64, now time.Time) (int, error) {
	res, err := s.rw().ExecContext(ctx, `UPDATE tokens SET revoked_at = ? WHERE case_id = ? AND revoked_at = 0`, ns(now), id)
	if err != nil {
		return 0, fmt.Errorf("revoke links of %s: %w", CaseRef(id), err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// Tokens returns the links of a case (their hashes), oldest first.
func (s *Store) Tokens(ctx context.Context, id int64) ([]Token, error) {
	rows, err := s.rw().QueryContext(ctx, `SELECT hash, case_id, tenant, created_at, expires_at, revoked_at FROM tokens
		WHERE case_id = ? ORDER BY created_at`, id)
	if err != nil {
		return nil, fmt.Errorf("links of %s: %w", CaseRef(id), err)
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		var t Token
		var ca, ea, ra int64
		if err := rows.Scan(&t.Hash, &t.CaseID, &t.Tenant, &ca, &ea, &ra); err != nil {
			return nil, err
		}
		t.CreatedAt, t.ExpiresAt, t.RevokedAt = fromNS(ca), fromNS(ea), fromNS(ra)
		out = append(out, t)
	}
	return out, rows.Err()
}

// tokenCaseSelect reads a token and its case in one query.
var tokenCaseSelect = "SELECT t.hash, t.case_id, t.tenant, t.created_at, t.expires_at, t.revoked_at, c." +
	strings.Join(caseCols, ", c.") + " FROM tokens t JOIN cases c ON c.id = t.case_id WHERE t.hash = ?"
