package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrNoCase is returned for a case that does not exist.
var ErrNoCase = errors.New("no such case")

// caseCols are the cases columns in the order scanCase and caseArgs use.
var caseCols = []string{"id", "tenant", "host", "rule", "rule_name", "category", "severity", "confidence",
	"state", "stage", "stage_queued_at", "stage_delivered_at", "final_delivered_at",
	"notice_failed", "appealed", "approved", "approved_by", "dry_run",
	"first_seen", "last_seen", "count", "finding_id", "kind", "subject", "evidence", "source", "finding_time",
	"flow_proto", "flow_src", "flow_sport", "flow_dst", "flow_dport", "sha256",
	"opened_at", "closed_at", "updated_at",
	"role", "appeal_stage", "attention", "acknowledged_at", "recheck_requested_at", "recheck_ran_at",
	"suspend_status", "reinstate_status"}

var caseSelect = "SELECT " + strings.Join(caseCols, ", ") + " FROM cases"

type rowScanner interface{ Scan(...any) error }

func scanCase(r rowScanner) (Case, error) {
	var row caseRow
	err := r.Scan(row.targets()...)
	return row.done(), err
}

// caseRow is a case being scanned: the Scan destinations of caseCols (targets),
// with the times as stored, turned into the Case by done.
type caseRow struct {
	c                                                    Case
	sqa, sda, fda, fs, ls, ft, oa, ca, ua, ack, rrq, rra int64
}

func (r *caseRow) targets() []any {
	c := &r.c
	return []any{&c.ID, &c.Tenant, &c.Host, &c.Rule, &c.RuleName, &c.Category, &c.Severity, &c.Confidence,
		&c.State, &c.Stage, &r.sqa, &r.sda, &r.fda,
		&c.NoticeFailed, &c.Appealed, &c.Approved, &c.ApprovedBy, &c.DryRun,
		&r.fs, &r.ls, &c.Count, &c.FindingID, &c.Kind, &c.Subject, &c.Evidence, &c.Source, &r.ft,
		&c.FlowProto, &c.FlowSrc, &c.FlowSport, &c.FlowDst, &c.FlowDport, &c.SHA256,
		&r.oa, &r.ca, &r.ua,
		&c.Role, &c.AppealStage, &c.Attention, &r.ack, &r.rrq, &r.rra, &c.SuspendStatus, &c.ReinstateStatus}
}

func (r *caseRow) done() Case {
	c := r.c
	c.AcknowledgedAt, c.RecheckRequestedAt, c.RecheckRanAt = fromNS(r.ack), fromNS(r.rrq), fromNS(r.rra)
	c.StageQueuedAt, c.StageDeliveredAt, c.FinalDeliveredAt = fromNS(r.sqa), fromNS(r.sda), fromNS(r.fda)
	c.FirstSeen, c.LastSeen, c.FindingTime = fromNS(r.fs), fromNS(r.ls), fromNS(r.ft)
	c.OpenedAt, c.ClosedAt, c.UpdatedAt = fromNS(r.oa), fromNS(r.ca), fromNS(r.ua)
	return c
}

func caseArgs(c *Case) []any {
	return []any{c.Tenant, c.Host, c.Rule, c.RuleName, c.Category, c.Severity, c.Confidence,
		c.State, c.Stage, ns(c.StageQueuedAt), ns(c.StageDeliveredAt), ns(c.FinalDeliveredAt),
		c.NoticeFailed, c.Appealed, c.Approved, c.ApprovedBy, c.DryRun,
		ns(c.FirstSeen), ns(c.LastSeen), c.Count, c.FindingID, c.Kind, c.Subject, c.Evidence, c.Source, ns(c.FindingTime),
		c.FlowProto, c.FlowSrc, c.FlowSport, c.FlowDst, c.FlowDport, c.SHA256,
		ns(c.OpenedAt), ns(c.ClosedAt), ns(c.UpdatedAt),
		c.Role, c.AppealStage, c.Attention, ns(c.AcknowledgedAt), ns(c.RecheckRequestedAt), ns(c.RecheckRanAt),
		c.SuspendStatus, c.ReinstateStatus}
}

// InsertCase stores a new case and sets its id.
func (tx Tx) InsertCase(ctx context.Context, c *Case) error {
	cols := caseCols[1:]
	q := fmt.Sprintf("INSERT INTO cases (%s) VALUES (%s) RETURNING id", strings.Join(cols, ", "),
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", "))
	if err := tx.QueryRowContext(ctx, q, caseArgs(c)...).Scan(&c.ID); err != nil {
		return fmt.Errorf("insert case %s/%s/%s: %w", c.Tenant, c.Host, c.Rule, err)
	}
	return nil
}

// UpdateCase writes every field of c back. The transaction must have read c with
// LockCase, LockCases or LockActiveCase, so that no change made in between is
// overwritten.
func (tx Tx) UpdateCase(ctx context.Context, c *Case) error {
	set := make([]string, 0, len(caseCols)-1)
	for _, col := range caseCols[1:] {
		set = append(set, col+" = ?")
	}
	q := "UPDATE cases SET " + strings.Join(set, ", ") + " WHERE id = ?"
	if _, err := tx.ExecContext(ctx, q, append(caseArgs(c), c.ID)...); err != nil {
		return fmt.Errorf("update case %s: %w", c.Ref(), err)
	}
	return nil
}

// LockCase reads the case with this id and locks its row until the transaction ends;
// it returns ErrNoCase (wrapped) when there is none.
func (tx Tx) LockCase(ctx context.Context, id int64) (Case, error) { return getCase(ctx, tx, id, true) }

// getCase reads a case; with lock (in a write transaction) the row stays locked
// until the transaction ends.
func getCase(ctx context.Context, q Tx, id int64, lock bool) (Case, error) {
	query := caseSelect + " WHERE id = ?"
	if lock {
		query += q.forUpdate()
	}
	c, err := scanCase(q.QueryRowContext(ctx, query, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("case %s: %w", CaseRef(id), ErrNoCase)
	}
	if err != nil {
		return c, fmt.Errorf("case %s: %w", CaseRef(id), err)
	}
	return c, nil
}

// LockCases reads and locks the cases with these ids (those that exist) until the
// transaction ends. Every transaction that locks several cases locks them in the same
// order, by (tenant, host, rule, id) compared byte by byte, the order ingest takes its
// advisory locks in too, so that two transactions never wait for each other in a circle.
func (tx Tx) LockCases(ctx context.Context, ids []int64) (map[int64]Case, error) {
	out := make(map[int64]Case, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := caseSelect + " WHERE id IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ") +
		") ORDER BY " + tx.keyOrder() + tx.forUpdate()
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("lock cases: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("lock cases: %w", err)
		}
		out[c.ID] = c
	}
	return out, rows.Err()
}

// Case returns the case with this id.
func (s *Store) Case(ctx context.Context, id int64) (Case, error) {
	return getCase(ctx, s.rw(), id, false)
}

// A CaseFilter selects cases for Cases.
type CaseFilter struct {
	All    bool   // closed cases too; else only the active (open and suspended) ones
	Tenant string // one tenant's cases only, when set
}

// Cases returns the cases the filter selects, oldest first.
func (s *Store) Cases(ctx context.Context, f CaseFilter) ([]Case, error) {
	where, args := "state IN ('open', 'suspended')", []any{}
	if f.All {
		where = "TRUE"
	}
	if f.Tenant != "" {
		where += " AND tenant = ?"
		args = append(args, f.Tenant)
	}
	return s.cases(ctx, where, args...)
}

// OpenCase returns the open case of (tenant, host, rule); it returns ErrNoCase
// (wrapped) when there is none.
func (s *Store) OpenCase(ctx context.Context, tenant, host, rule string) (Case, error) {
	cs, err := s.cases(ctx, "tenant = ? AND host = ? AND rule = ? AND state = 'open'", tenant, host, rule)
	if err != nil {
		return Case{}, err
	}
	if len(cs) == 0 {
		return Case{}, fmt.Errorf("open case %s/%s/%s: %w", tenant, host, rule, ErrNoCase)
	}
	return cs[0], nil
}

// LockActiveCase reads the active (open or suspended) case of (tenant, host, rule)
// and locks its row until the transaction ends; ok is false when there is none. The
// caller holds the lock of CaseKey(tenant, host, rule), so that no other manager
// opens the case meanwhile.
func (tx Tx) LockActiveCase(ctx context.Context, tenant, host, rule string) (c Case, ok bool, err error) {
	row := tx.QueryRowContext(ctx, caseSelect+` WHERE tenant = ? AND host = ? AND rule = ? AND state IN ('open', 'suspended')`+
		tx.forUpdate(), tenant, host, rule)
	c, err = scanCase(row)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

// cases returns the cases matching where (an SQL condition on the cases table, with
// args), oldest first.
func (s *Store) cases(ctx context.Context, where string, args ...any) ([]Case, error) {
	q := caseSelect
	if where != "" {
		q += " WHERE " + where
	}
	rows, err := s.rw().QueryContext(ctx, q+" ORDER BY id", args...)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	defer rows.Close()
	var out []Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ActiveCases returns the open and suspended cases.
func (s *Store) ActiveCases(ctx context.Context) ([]Case, error) {
	return s.cases(ctx, "state IN ('open', 'suspended')")
}

// MarkRechecked records that a check of host ran at: every open case of the host
// whose tenant asked for a re-check before then has had it.
func (s *Store) MarkRechecked(ctx context.Context, host string, at time.Time) (int, error) {
	res, err := s.rw().ExecContext(ctx, `UPDATE cases SET recheck_ran_at = ? WHERE host = ? AND state = 'open'
		AND recheck_requested_at > 0 AND recheck_requested_at > recheck_ran_at AND recheck_requested_at <= ?`, ns(at), host, ns(at))
	if err != nil {
		return 0, fmt.Errorf("re-check of %s: %w", host, err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
