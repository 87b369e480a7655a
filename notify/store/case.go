package store

import (
	"fmt"
	"time"
)

// A Stage is a rung of the ladder a case has reached: the last notice queued for it,
// or the suspension.
type Stage string

// Stages in ladder order; StageResolved is the closing notice.
const (
	StageNone     Stage = ""
	StageWarning  Stage = "warning"
	StageReminder Stage = "reminder"
	StageFinal    Stage = "final"
	StageSuspend  Stage = "suspend"
	StageResolved Stage = "resolved"
	// StageSuspended and StageReinstated are the notices sent once the suspension or
	// the reinstatement action has succeeded (or staff confirmed it was done by hand).
	StageSuspended  Stage = "suspended"
	StageReinstated Stage = "reinstated"
)

// Stages lists the stages that have a notice template.
var Stages = []Stage{StageWarning, StageReminder, StageFinal, StageResolved, StageSuspended, StageReinstated}

// Statuses of a case's suspension and reinstatement (Case.SuspendStatus,
// Case.ReinstateStatus): queued for the hook, waiting for staff to do it by hand
// (no hook configured), done.
const (
	ActionStatusPending = "pending"
	ActionStatusManual  = "manual"
	ActionStatusDone    = "done"
)

// Roles of the tenant's host in the latest finding (scanner.Role*).
const (
	RoleServer    = "server"
	RoleClient    = "client"
	RoleInstalled = "installed"
)

// A State is where a case stands as a whole.
type State string

// Case states. Open and suspended cases are active: one per (tenant, host, rule).
const (
	StateOpen      State = "open"
	StateSuspended State = "suspended"
	StateResolved  State = "resolved"
)

// A Case is one violation: a rule seen on a tenant's host, from its first finding until
// it is resolved. It carries the latest evidence, never payload.
type Case struct {
	ID         int64
	Tenant     string
	Host       string
	Rule       string
	RuleName   string
	Category   string
	Severity   string
	Confidence string

	State State
	Stage Stage
	// StageQueuedAt is when the current stage's notice was written to the outbox,
	// StageDeliveredAt when it was delivered (zero until then).
	StageQueuedAt    time.Time
	StageDeliveredAt time.Time
	// FinalDeliveredAt is when the final notice was delivered: the re-check before a
	// suspension needs a sighting after it.
	FinalDeliveredAt time.Time
	// NoticeFailed holds the case: its last notice could not be delivered.
	NoticeFailed bool
	// Appealed holds the case until staff resolve or resume it.
	Appealed bool
	// Approved is the operator's approval of the suspension.
	Approved   bool
	ApprovedBy string
	// DryRun marks a case whose notices and actions are only recorded.
	DryRun bool

	FirstSeen time.Time
	LastSeen  time.Time
	Count     int64

	// Latest evidence, from the most recent finding.
	FindingID   string
	Kind        string
	Subject     string
	Evidence    string
	Source      string
	FindingTime time.Time
	FlowProto   string
	FlowSrc     string
	FlowSport   int
	FlowDst     string
	FlowDport   int
	SHA256      string

	OpenedAt  time.Time
	ClosedAt  time.Time
	UpdatedAt time.Time

	// Role is the host's side in the latest finding: server, client, installed or "".
	Role string
	// AppealStage is the stage at which an appeal last paused the ladder: one appeal
	// a stage pauses; later ones only put the case in the staff queue (Attention).
	AppealStage Stage
	// Attention puts the case in the staff queue: a tenant wrote (appeal) and no
	// staff member has acted since.
	Attention bool
	// AcknowledgedAt is when the tenant acknowledged the case on its page.
	AcknowledgedAt time.Time
	// RecheckRequestedAt is when the tenant said "fixed: please check again";
	// RecheckRanAt when a check of the host ran after that. The ladder waits between.
	RecheckRequestedAt time.Time
	RecheckRanAt       time.Time
	// SuspendStatus and ReinstateStatus follow the actions (ActionStatus*): the case
	// reads "suspended" only once SuspendStatus is done.
	SuspendStatus   string
	ReinstateStatus string

	// Loc is the tenant's time zone, filled in from the configuration when the case is
	// loaded (not stored): deadlines are counted on the tenant's calendar.
	Loc *time.Location
}

// Ref is the case reference printed in notices and taken by the operator commands.
func (c *Case) Ref() string { return CaseRef(c.ID) }

// CaseRef formats a case id as its reference.
func CaseRef(id int64) string { return fmt.Sprintf("AUP-%06d", id) }

// Active reports whether the case may still change on its own.
func (c *Case) Active() bool { return c.State == StateOpen || c.State == StateSuspended }

// RecheckPending reports whether the tenant asked for a re-check that has not run.
func (c *Case) RecheckPending() bool {
	return !c.RecheckRequestedAt.IsZero() && c.RecheckRanAt.Before(c.RecheckRequestedAt)
}

// NeedsContact reports whether staff must reach the tenant another way: a notice
// could not be delivered.
func (c *Case) NeedsContact() bool { return c.Active() && c.NoticeFailed }
