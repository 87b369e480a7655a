package notify

import (
	"bytes"
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/aupscan/aupscan/notify/libvirt"
	"github.com/aupscan/aupscan/notify/store"
)

// Action kinds.
const (
	KindSuspend   = "suspend"
	KindUnsuspend = "unsuspend"
)

// SignatureHeader carries the webhook body's HMAC-SHA256, as "sha256=HEX".
const SignatureHeader = "X-Aupscan-Signature"

// ActionPayload is the JSON document a suspension hook receives, the same bytes on
// every attempt: the receiver ignores repeats by IdempotencyKey.
type ActionPayload struct {
	IdempotencyKey string    `json:"idempotency_key"`
	Action         string    `json:"action"`
	Case           string    `json:"case"`
	Tenant         string    `json:"tenant"`
	Host           string    `json:"host"`
	Rule           string    `json:"rule"`
	Category       string    `json:"category"`
	Reason         string    `json:"reason"`
	Actor          string    `json:"actor"`
	Time           time.Time `json:"time"`
}

// IdempotencyKey is the key of a case's action: the same on every attempt.
func IdempotencyKey(caseID int64, kind string) string { return store.CaseRef(caseID) + ":" + kind }

// insertAction queues an action unless one with the same key exists: an action is
// queued once per case and kind, and never run again after it succeeded. Its payload
// is fixed here, the same bytes on every attempt.
func insertAction(ctx context.Context, tx store.Tx, c *store.Case, kind, actor, reason, status string, now time.Time) error {
	p := ActionPayload{IdempotencyKey: IdempotencyKey(c.ID, kind), Action: kind, Case: c.Ref(), Tenant: c.Tenant,
		Host: c.Host, Rule: c.Rule, Category: c.Category, Reason: reason, Actor: actor, Time: now.UTC()}
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return tx.InsertAction(ctx, &store.Action{CaseID: c.ID, Kind: kind, Key: p.IdempotencyKey, Payload: body, Status: status,
		NextAttempt: now, CreatedAt: now})
}

// suspend records a due suspension: the case is suspended and the action queued in
// one transaction; in dry run only the intent is recorded. The case is locked and
// decided again first: it reports false when the suspension is no longer due (another
// manager made it, or the case changed since the snapshot d was decided from).
func (n *Notifier) suspend(ctx context.Context, c store.Case, d Decision, now time.Time) (bool, error) {
	done := false
	err := n.store.Update(ctx, func(tx store.Tx) error {
		c, d, ok, err := n.recheck(ctx, tx, c, d, now)
		if err != nil || !ok {
			return err
		}
		dry := n.dryRun(c)
		event := "suspended"
		if dry {
			event = "dry-run: suspension recorded"
		} else {
			c.State = store.StateSuspended
		}
		status := n.actionStatus(dry)
		if !dry {
			// "suspension pending" (or "carry it out by hand") until the action is done.
			c.SuspendStatus = caseActionStatus(status)
		}
		c.Stage, c.UpdatedAt = store.StageSuspend, now
		if err := tx.UpdateCase(ctx, &c); err != nil {
			return err
		}
		if err := insertAction(ctx, tx, &c, KindSuspend, cmp.Or(c.ApprovedBy, ActorPolicy), d.Reason, status, now); err != nil {
			return err
		}
		done = true
		return tx.Audit(ctx, &c, now, ActorPolicy, event, d.Reason)
	})
	return done, err
}

// An ActionRunner runs the queued suspension and reinstatement actions through the
// configured hook, retrying with backoff until each succeeds. The runners of several
// managers share one actions table: each claims the actions it runs (a lease, see
// store.DefaultLease), so no action is run by two at once.
type ActionRunner struct {
	hook   Hook
	secret []byte
	store  *store.Store
	log    *slog.Logger
	client *http.Client
	vm     *libvirt.Client // the libvirt action, when configured
	owner  string
	// Lease is how long a claim on an action lasts unless renewed; 0 takes
	// store.DefaultLease, or 4 hook timeouts if that is longer.
	Lease time.Duration
}

// NewActionRunner returns a runner for the hook (reading its secret file, if any).
func NewActionRunner(h Hook, st *store.Store, log *slog.Logger) (*ActionRunner, error) {
	if log == nil {
		log = slog.Default()
	}
	secret := []byte(h.Secret)
	if h.SecretFile != "" {
		b, err := os.ReadFile(h.SecretFile)
		if err != nil {
			return nil, fmt.Errorf("action secret: %w", err)
		}
		secret = bytes.TrimSpace(b)
	}
	r := &ActionRunner{hook: h, secret: secret, store: st, log: log,
		client: &http.Client{Timeout: time.Duration(h.Timeout)}, owner: store.NewOwner("actions"), Lease: time.Duration(h.Lease)}
	if h.Libvirt.Enabled() {
		vm, err := libvirt.New(h.Libvirt)
		if err != nil {
			return nil, err
		}
		r.vm = vm
	}
	return r, nil
}

// Run claims the actions due at now, executes each once, and returns how many
// succeeded. A success is recorded (and the claim ended) once; a manager whose lease
// ran out during the attempt records nothing the holder has not (store.Work).
func (r *ActionRunner) Run(ctx context.Context, now time.Time) (int, error) {
	lease := store.LeaseFor(r.Lease, time.Duration(r.hook.Timeout))
	claims, err := r.store.Claim(ctx, store.ActionQueue, r.owner, now, 100, lease)
	if err != nil || len(claims.IDs) == 0 {
		return 0, err
	}
	due, err := r.store.ClaimedActions(ctx, claims)
	if err != nil {
		return 0, err
	}
	done := 0
	err = store.Work(ctx, claims, r.log, due, func(a store.Action) int64 { return a.ID }, func(a store.Action) error {
		what, err := r.execute(ctx, a)
		if err != nil {
			next := now.Add(store.Backoff(time.Duration(r.hook.Backoff), time.Duration(r.hook.MaxBackoff), a.Attempts+1))
			r.log.Warn("action failed, will retry", "key", a.Key, "attempt", a.Attempts+1, "next", next, "err", err)
			if err := r.store.MarkActionRetry(ctx, a, r.owner, next, err.Error()); err != nil {
				return fmt.Errorf("record %s: %w", a.Key, err)
			}
			return nil
		}
		recorded, err := r.store.MarkActionDone(ctx, a, now, what)
		if err != nil {
			return fmt.Errorf("record %s: %w", a.Key, err)
		}
		if recorded {
			done++
		}
		return nil
	})
	return done, err
}

// execute runs one attempt of an action and says what it did, when the action can
// tell (the libvirt action names the domain and its change; the audit trail keeps it).
func (r *ActionRunner) execute(ctx context.Context, a store.Action) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Duration(r.hook.Timeout))
	defer cancel()
	switch {
	case r.vm != nil:
		return r.hypervisor(ctx, a)
	case len(r.hook.Command) > 0:
		cmd := exec.CommandContext(ctx, r.hook.Command[0], r.hook.Command[1:]...)
		cmd.Stdin = bytes.NewReader(a.Payload)
		cmd.Env = append(os.Environ(), "AUPSCAN_IDEMPOTENCY_KEY="+a.Key, "AUPSCAN_ACTION="+a.Kind)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("%s: %w: %s", r.hook.Command[0], err, strings.TrimSpace(string(out)))
		}
		return "", nil
	case r.hook.Webhook != "":
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.hook.Webhook, bytes.NewReader(a.Payload))
		if err != nil {
			return "", err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", a.Key)
		req.Header.Set(SignatureHeader, Sign(r.secret, a.Payload))
		resp, err := r.client.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		if resp.StatusCode/100 != 2 {
			return "", fmt.Errorf("webhook: %s", resp.Status)
		}
		return "", nil
	}
	return "", fmt.Errorf("no suspension action configured (action.command, action.webhook or action.libvirt)")
}

// hypervisor suspends or reinstates the action's host through libvirt.
func (r *ActionRunner) hypervisor(ctx context.Context, a store.Action) (string, error) {
	var p ActionPayload
	if err := json.Unmarshal(a.Payload, &p); err != nil {
		return "", fmt.Errorf("%s: payload: %w", a.Key, err)
	}
	if a.Kind == KindUnsuspend {
		return r.vm.Reinstate(ctx, p.Host)
	}
	return r.vm.Suspend(ctx, p.Host)
}

// Sign returns the signature header value of body under secret: "sha256=" and the
// hex HMAC-SHA256.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Configured reports whether a suspension action (command, webhook or libvirt) is configured:
// without one, staff carry suspensions out by hand and confirm them.
func (h Hook) Configured() bool {
	return len(h.Command) > 0 || h.Webhook != "" || h.Libvirt.Enabled()
}

// actionStatus is the status a new action row gets: recorded only in dry run, queued
// for the hook, or waiting for staff to do it by hand when no hook is configured.
func (n *Notifier) actionStatus(dry bool) string {
	switch {
	case dry:
		return store.ActionDryRun
	case !n.cfg.Hook.Configured():
		return store.ActionManual
	}
	return store.ActionPending
}

// caseActionStatus is the case's view of a new action's status.
func caseActionStatus(status string) string {
	if status == store.ActionManual {
		return store.ActionStatusManual
	}
	return store.ActionStatusPending
}
