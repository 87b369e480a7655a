package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestTokens: a link opens its own case only, until it expires or is revoked; the
// database holds its hash, never the token; an altered token opens nothing.
func TestTokens(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		st := openStore(t, b.dsn(t))
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		var a, other Case
		var tok, tokOther string
		err := st.Update(ctx, func(tx Tx) error {
			for i, c := range []*Case{&a, &other} {
				*c = Case{Tenant: []string{"t1", "t2"}[i], Host: "h", Rule: "r", Category: "tor", State: StateOpen,
					FirstSeen: now, LastSeen: now, OpenedAt: now, UpdatedAt: now, Count: 1}
				if err := tx.InsertCase(ctx, c); err != nil {
					return err
				}
			}
			var err error
			if tok, err = tx.NewToken(ctx, &a, now, now.Add(time.Hour)); err != nil {
				return err
			}
			tokOther, err = tx.NewToken(ctx, &other, now, now.Add(time.Hour))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := st.TokenCase(ctx, tok, now.Add(time.Minute))
		if err != nil || c.ID != a.ID {
			t.Fatalf("token opens case %d (%v), want %d", c.ID, err, a.ID)
		}
		if c, _, _ := st.TokenCase(ctx, tokOther, now); c.ID != other.ID {
			t.Fatalf("the other token opens case %d, want %d", c.ID, other.ID)
		}
		var stored int
		if err := st.DB().QueryRow(`SELECT COUNT(*) FROM tokens WHERE hash = '` + HashToken(tok) + `'`).Scan(&stored); err != nil || stored != 1 {
			t.Fatalf("hash stored %d times (%v)", stored, err)
		}
		var plain int
		if err := st.DB().QueryRow(`SELECT COUNT(*) FROM tokens WHERE hash = '` + tok + `'`).Scan(&plain); err != nil || plain != 0 {
			t.Fatalf("the plain token is in the database")
		}
		altered := []byte(tok)
		altered[5] ^= 1
		for name, try := range map[string]struct {
			tok string
			at  time.Time
		}{
			"expired":   {tok, now.Add(time.Hour)},
			"altered":   {string(altered), now},
			"truncated": {tok[:len(tok)-1], now},
			"empty":     {"", now},
			"sql":       {strings.Repeat("'", 43), now},
		} {
			if _, _, err := st.TokenCase(ctx, try.tok, try.at); !errors.Is(err, ErrToken) {
				t.Errorf("%s token: %v, want ErrToken", name, err)
			}
		}
		if n, err := st.RevokeTokens(ctx, a.ID, now); err != nil || n != 1 {
			t.Fatalf("revoke: %d %v", n, err)
		}
		if _, _, err := st.TokenCase(ctx, tok, now.Add(time.Minute)); !errors.Is(err, ErrToken) {
			t.Errorf("revoked token: %v, want ErrToken", err)
		}
		if _, _, err := st.TokenCase(ctx, tokOther, now.Add(time.Minute)); err != nil {
			t.Errorf("revoking one case's links revoked another's: %v", err)
		}
	})
}
