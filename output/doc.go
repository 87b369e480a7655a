// Package output sends findings to the places a security team reads them, as they
// are made: a JSON Lines file (reopened on SIGHUP for logrotate), syslog (RFC 5424
// over a local socket, UDP, TCP or TLS), an HTTP webhook (HMAC-signed, retried with
// backoff) and Alertmanager (its v2 alerts API). It also holds the record forms a
// SIEM reads: the native JSON of the contract, Suricata's EVE and OCSF's Detection
// Finding.
//
// Outputs never hold up detection: each has a bounded queue and a goroutine of its
// own; a finding that finds its queue full is dropped and counted, and a receiver
// that is down delays only its own queue.
package output
