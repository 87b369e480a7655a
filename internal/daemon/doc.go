// Package daemon is aupscand, the aupscan daemon, as a library: it loads the rules,
// replays capture files and captures live on the configured interfaces, scans host
// roots on a cron schedule and as watched folders change, queues the findings, turns
// them into cases and notices through the notifier, serves Prometheus metrics, and
// reloads its configuration and rules on SIGHUP. In fleet mode it runs as an agent
// (scans and publishes to NATS JetStream) or as a manager (consumes the agents'
// findings into the notifier, and may run the NATS server and publish signed rule
// packs).
//
// Run is the daemon and CheckConfig its check-config; cmd/aupscand holds only what
// a process needs around them: flags, loading the configuration, the logger,
// signals and exit codes.
package daemon
