package fleet

import (
	"fmt"

	"github.com/nats-io/nats.go"
)

// A tenant's "fixed: please check again" on the case page asks the host's agent for
// a scan at once. The request goes on a subject below the agent's inbox prefix: the
// agent's credentials let only that host's agent subscribe there (agentPermissions),
// so no other agent learns of it or can answer it.

// RecheckSubject is the subject of re-check requests for host's agent.
func RecheckSubject(host string) string { return AgentInboxPrefix(host) + ".recheck" }

// RequestRecheck asks host's agent for a scan now. It is fire and forget (core NATS):
// an agent that is away misses it, and the case's quiet period
// (policy.recheck_quiet) bounds the wait either way.
func RequestRecheck(nc *nats.Conn, host string) error {
	if err := nc.Publish(RecheckSubject(host), nil); err != nil {
		return fmt.Errorf("re-check request for %s: %w", host, err)
	}
	return nil
}

// OnRecheck runs f for every re-check request for this agent's host, until the
// returned stop is called or the connection closes.
func (a *Agent) OnRecheck(f func()) (stop func(), err error) {
	sub, err := a.nc.Subscribe(RecheckSubject(a.o.Host), func(*nats.Msg) { f() })
	if err != nil {
		return nil, fmt.Errorf("re-check subscription: %w", err)
	}
	return func() { sub.Unsubscribe() }, nil
}
