// Package fleet is fleet mode: agents inside tenant VMs publish findings and
// heartbeats to NATS JetStream on subjects named after their host, spooling to disk
// while the server is away; managers on the operator side share one durable consumer
// and hand each batch to the notifier exactly once. It also holds the credentials
// authority (per-agent NATS users that may publish only on their own subjects), the
// embedded NATS server, and the distribution of signed rule packs (the format is
// fleet/rulepack's).
package fleet
