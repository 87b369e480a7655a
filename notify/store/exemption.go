package store

import (
	"context"
	"fmt"
	"time"
)

// An Exemption stops findings from opening cases: for a tenant, optionally narrowed to
// one host and to one rule or category, until it expires. Standing exemptions are
// written in the configuration ([[notify.exemption]]); operators record more in the
// database (Exempt).
type Exemption struct {
	Tenant   string    `toml:"tenant"`
	Host     string    `toml:"host"`
	Rule     string    `toml:"rule"`
	Category string    `toml:"category"`
	Expires  time.Time `toml:"expires"`
	Reason   string    `toml:"reason"`
}

// Matches reports whether e covers a finding of tenant on host for rule and category
// at time now.
func (e Exemption) Matches(tenant, host, rule, category string, now time.Time) bool {
	if e.Tenant != tenant || (!e.Expires.IsZero() && !now.Before(e.Expires)) {
		return false
	}
	return (e.Host == "" || e.Host == host) && (e.Rule == "" || e.Rule == rule) &&
		(e.Category == "" || e.Category == category)
}

// AddExemption records an operator's exemption, made by actor at now.
func (s *Store) AddExemption(ctx context.Context, e Exemption, actor string, now time.Time) error {
	_, err := s.rw().ExecContext(ctx, `INSERT INTO exemptions (tenant, host, rule, category, expires, reason, actor, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.Tenant, e.Host, e.Rule, e.Category, ns(e.Expires), e.Reason, actor, ns(now))
	return err
}

// Exemptions returns the exemptions recorded by operators that are in force at now.
func (s *Store) Exemptions(ctx context.Context, now time.Time) ([]Exemption, error) {
	rows, err := s.rw().QueryContext(ctx, `SELECT tenant, host, rule, category, expires, reason FROM exemptions
		WHERE expires = 0 OR expires > ?`, ns(now))
	if err != nil {
		return nil, fmt.Errorf("exemptions: %w", err)
	}
	defer rows.Close()
	var out []Exemption
	for rows.Next() {
		var e Exemption
		var exp int64
		if err := rows.Scan(&e.Tenant, &e.Host, &e.Rule, &e.Category, &exp, &e.Reason); err != nil {
			return nil, fmt.Errorf("exemptions: %w", err)
		}
		e.Expires = fromNS(exp)
		out = append(out, e)
	}
	return out, rows.Err()
}
