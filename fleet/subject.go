package fleet

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

// Subject prefixes. An agent publishes only below its own host's token, so a NATS
// permission "publish aupscan.*.<token>" is all its credentials need.
const (
	FindingsPrefix  = "aupscan.findings."
	HeartbeatPrefix = "aupscan.heartbeat."
)

// FindingsSubject is the subject host's findings are published on.
func FindingsSubject(host string) string { return FindingsPrefix + HostToken(host) }

// HeartbeatSubject is the subject host's heartbeats are published on.
func HeartbeatSubject(host string) string { return HeartbeatPrefix + HostToken(host) }

// HostToken encodes a host id as one subject token: bytes that NATS gives a meaning
// ('.', '*', '>'), '%', spaces and control or non-ASCII bytes are written %XX, the
// rest is kept, so "web-1.example.net" reads "web-1%2Eexample%2Enet".
func HostToken(host string) string {
	var b strings.Builder
	for i := 0; i < len(host); i++ {
		c := host[i]
		if c <= ' ' || c >= 0x7f || c == '.' || c == '*' || c == '>' || c == '%' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// ParseHostToken decodes what HostToken wrote; a token that HostToken cannot have
// written is an error.
func ParseHostToken(tok string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+2 >= len(tok) {
			return "", fmt.Errorf("host token %q: truncated escape", tok)
		}
		v, err := strconv.ParseUint(tok[i+1:i+3], 16, 8)
		if err != nil {
			return "", fmt.Errorf("host token %q: bad escape", tok)
		}
		b.WriteByte(byte(v))
		i += 2
	}
	if HostToken(b.String()) != tok {
		return "", fmt.Errorf("host token %q: not in canonical form", tok)
	}
	return b.String(), nil
}

// subjectHost returns the host a subject below prefix names.
func subjectHost(subject, prefix string) (string, error) {
	tok, ok := strings.CutPrefix(subject, prefix)
	if !ok || tok == "" || strings.Contains(tok, ".") {
		return "", fmt.Errorf("subject %q is not below %s<host>", subject, prefix)
	}
	return ParseHostToken(tok)
}

// MsgID is the JetStream message id of one sighting of a finding: the finding's
// stable id and its time in nanoseconds. The same sighting published twice (a retry,
// a replay from the spool) has the same id, so the stream's duplicate window drops
// quick repeats and the manager's own table drops late ones; a later sighting of the
// same finding is a new message.
func MsgID(f *scanner.Finding) string {
	id := f.ID
	if id == "" {
		id = scanner.FindingID(f.Host, f.Rule, f.Subject)
	}
	return id + "@" + strconv.FormatInt(f.Time.UnixNano(), 10)
}

// Heartbeat is what an agent publishes every heartbeat interval.
type Heartbeat struct {
	Host    string    `json:"host"`
	Time    time.Time `json:"time"`
	Spooled int       `json:"spooled"` // findings waiting in the agent's spool
	Dropped uint64    `json:"dropped"` // findings the full spool has dropped since start
}
