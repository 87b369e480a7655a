package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// The tenant's calls, from the case page its notices link to. Each is recorded in the
// audit trail with the time and the client's address (the actor "tenant@ADDRESS").

// TenantActor is the audit actor of a tenant's action from its case page.
func TenantActor(addr string) string { return "tenant@" + addr }

// maxAppeal caps the appeal text a tenant may write: the case keeps the first 4000
// characters, enough for an explanation, not for a file.
const maxAppeal = 4000

// TenantAppeal records a tenant's appeal ("this is wrong") with its text. The first
// appeal at a stage pauses the ladder until staff resolve or resume the case; later
// ones at the same stage go to the staff queue without pausing it again.
func (n *Notifier) TenantAppeal(ctx context.Context, id int64, addr, text string) (paused bool, err error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return false, fmt.Errorf("appeal %s: %w: the appeal needs a few words of explanation", store.CaseRef(id), ErrState)
	}
	if r := []rune(text); len(r) > maxAppeal {
		text = string(r[:maxAppeal])
	}
	event := "appeal"
	err = n.change(ctx, id, TenantActor(addr), event, text, func(_ store.Tx, c *store.Case, _ time.Time) error {
		if c.State != store.StateOpen {
			return fmt.Errorf("%w: case is %s", ErrState, DisplayState(*c))
		}
		c.Attention = true
		if c.AppealStage != c.Stage || c.AppealStage == "" && !c.Appealed {
			c.Appealed, c.AppealStage, paused = true, c.Stage, true
		}
		return nil
	})
	return paused, err
}

// TenantRecheck records a tenant's "fixed: please check again": the ladder holds
// until a check has run (HostChecked, or the quiet period), and a check that finds
// nothing resolves the case (Decide).
func (n *Notifier) TenantRecheck(ctx context.Context, id int64, addr string) error {
	return n.change(ctx, id, TenantActor(addr), "re-check requested", "the tenant says it is fixed",
		func(_ store.Tx, c *store.Case, now time.Time) error {
			if c.State != store.StateOpen {
				return fmt.Errorf("%w: case is %s", ErrState, DisplayState(*c))
			}
			c.RecheckRequestedAt = now
			return nil
		})
}

// TenantAck records that the tenant has read the case.
func (n *Notifier) TenantAck(ctx context.Context, id int64, addr string) error {
	return n.change(ctx, id, TenantActor(addr), "acknowledged", "", func(_ store.Tx, c *store.Case, now time.Time) error {
		if c.AcknowledgedAt.IsZero() {
			c.AcknowledgedAt = now
		}
		return nil
	})
}

// HostChecked records that a scan of host finished at: the re-checks the host's
// tenants asked for before then have run. It returns how many cases it touched.
func (n *Notifier) HostChecked(ctx context.Context, host string, at time.Time) (int, error) {
	return n.store.MarkRechecked(ctx, host, at)
}
