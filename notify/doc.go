// Package notify turns findings into cases and cases into notices and suspensions:
// a case per (tenant, host, rule), the escalation policy and its pure decision
// (Decide), ingest (Process, ProcessOnce, the agent-silent review cases), Tick, the
// operator calls, the configuration and the suspension hook (ActionRunner). The
// case database is package notify/store; rendering and delivering the notices is
// package notify/mail. See notify/README.md.
package notify
