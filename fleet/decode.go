package fleet

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aupscan/aupscan/scanner"
)

// What a manager reads from the stream is written by agents, which a tenant may have
// taken over: these decoders are its only parsers of that input (FuzzDecode).

// errMalformed marks a message that is no finding or heartbeat at all; errNotSender
// one whose claimed host is not the host of the subject it came on.
var (
	errMalformed = errors.New("malformed")
	errNotSender = errors.New("claimed host is not the sender's")
)

// decodeFinding decodes a finding published on subject and holds it to the subject's
// host, the one thing an agent's credentials vouch for; its id is recomputed from
// host, rule and subject, so an agent cannot pass its finding off as another's.
func decodeFinding(subject string, data []byte) (scanner.Finding, error) {
	host, err := subjectHost(subject, FindingsPrefix)
	if err != nil {
		return scanner.Finding{}, fmt.Errorf("%w: %v", errMalformed, err)
	}
	var f scanner.Finding
	if err := json.Unmarshal(data, &f); err != nil {
		return scanner.Finding{}, fmt.Errorf("%w: not a finding: %v", errMalformed, err)
	}
	if f.Rule == "" {
		return scanner.Finding{}, fmt.Errorf("%w: not a finding: no rule", errMalformed)
	}
	if f.Host != host {
		return f, fmt.Errorf("%w: host %q does not match subject host %q", errNotSender, f.Host, host)
	}
	f.SetID()
	return f, nil
}

// decodeHeartbeat decodes a heartbeat published on subject, held to its host.
func decodeHeartbeat(subject string, data []byte) (Heartbeat, string, error) {
	host, err := subjectHost(subject, HeartbeatPrefix)
	if err != nil {
		return Heartbeat{}, "", fmt.Errorf("%w: %v", errMalformed, err)
	}
	var hb Heartbeat
	if err := json.Unmarshal(data, &hb); err != nil {
		return Heartbeat{}, host, fmt.Errorf("%w: %v", errMalformed, err)
	}
	if hb.Host != host {
		return hb, host, fmt.Errorf("%w: claimed host %q is not the sender %q", errNotSender, hb.Host, host)
	}
	return hb, host, nil
}

// decodeSpooled decodes a finding an agent kept in its spool (a file on its disk).
func decodeSpooled(rec []byte) (scanner.Finding, error) {
	var f scanner.Finding
	if err := json.Unmarshal(rec, &f); err != nil {
		return f, fmt.Errorf("%w: %v", errMalformed, err)
	}
	return f, nil
}
