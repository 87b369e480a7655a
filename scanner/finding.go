// Package scanner holds what every scanner shares: the Finding record that the traffic
// and host scanners emit and the notifier consumes.
package scanner

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/netip"
	"time"
)

// Kinds of finding, as the JSON contract names them.
const (
	KindTraffic = "traffic"
	KindFile    = "file"
	KindPackage = "package"
	KindProcess = "process"
	KindConfig  = "config"
)

// Roles of the monitored host in a finding, as the JSON contract names them: the
// server offers the service (accepts the connection, listens beyond loopback, runs a
// server configuration), the client uses one, and installed software is present
// (a package, a program file) without anything saying it serves anyone. Empty when
// it cannot be told.
const (
	RoleServer    = "server"
	RoleClient    = "client"
	RoleInstalled = "installed"
)

// A Finding is one rule matched on one subject: a flow, a file, a package or a process.
// Its JSON form is a contract (docs/contracts.md): other tools read it, so fields are only added.
type Finding struct {
	ID         string    `json:"id"`
	Rule       string    `json:"rule"`
	Name       string    `json:"name"`
	Category   string    `json:"category"`
	Severity   string    `json:"severity"`
	Confidence string    `json:"confidence"`
	Kind       string    `json:"kind"`
	Subject    string    `json:"subject"`
	Evidence   string    `json:"evidence"`
	Source     string    `json:"source"`
	Time       time.Time `json:"time"`
	// Host is always written, empty when it is not known.
	Host string `json:"host"`
	Flow *Flow  `json:"flow,omitempty"`
	// Role is RoleServer, RoleClient or RoleInstalled when the scanned host's side is known.
	Role string `json:"role,omitempty"`
	// SHA256 is the file's hash, for file and process findings: evidence a person can
	// check without the file itself.
	SHA256 string `json:"sha256,omitempty"`
	// Container names the container whose filesystem view the file was found in
	// ("docker:relay", "podman:web", "containerd:k8s.io/ID"); the subject is then
	// the path inside the container. Empty for the host itself.
	Container string `json:"container,omitempty"`
	// Tenant is the tenant the host belongs to, where the daemon's configuration
	// says; RulesVersion the version of the rule set that made the finding.
	Tenant       string `json:"tenant,omitempty"`
	RulesVersion string `json:"rules_version,omitempty"`
	// Count is how many sightings of the same rule on the same subject this record
	// stands for, when more than one: the daemon collapses repeats within a short
	// window into one record (its Time the last sighting's). 0 and 1 both mean one.
	Count int `json:"count,omitempty"`
}

// Sightings is the number of sightings the finding stands for: Count, at least 1.
func (f *Finding) Sightings() int { return max(f.Count, 1) }

// SchemaVersion is the version of the finding's JSON form, written as "schema" first
// in every record. Adding a field keeps it; changing a field's meaning or form would
// raise it (docs/contracts.md).
const SchemaVersion = 1

// MarshalJSON writes the finding with "schema" first, so a reader knows the form
// before it reads the rest.
func (f Finding) MarshalJSON() ([]byte, error) {
	type plain Finding // without this method, so no recursion
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Schema int `json:"schema"`
		plain
	}{SchemaVersion, plain(f)})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

// Flow is a traffic finding's 5-tuple, client first. Ports are 0 for protocols that
// have none (ESP, GRE, ICMP).
type Flow struct {
	Proto string     `json:"proto"`
	Src   netip.Addr `json:"src"`
	Sport uint16     `json:"sport"`
	Dst   netip.Addr `json:"dst"`
	Dport uint16     `json:"dport"`
}

// Subject renders the flow the way the contract writes a traffic subject:
// "PROTO SRC:SPORT -> DST:DPORT".
func (f Flow) Subject() string {
	return fmt.Sprintf("%s %s -> %s", f.Proto,
		netip.AddrPortFrom(f.Src, f.Sport), netip.AddrPortFrom(f.Dst, f.Dport))
}

// FindingID returns the stable id of a finding: the same host, rule and subject always
// give the same id, so a rescan refreshes a case instead of opening another.
func FindingID(host, rule, subject string) string {
	h := sha256.New()
	for _, s := range []string{host, rule, subject} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// SetID fills in f.ID from its host, rule and subject, and its container when it has
// one: the same path in two containers is two findings, and a finding outside any
// container keeps the id it always had.
func (f *Finding) SetID() {
	subject := f.Subject
	if f.Container != "" {
		subject = f.Container + "\x00" + subject
	}
	f.ID = FindingID(f.Host, f.Rule, subject)
}

// NewEncoder returns a JSON Lines encoder for findings. HTML escaping is off, so a
// subject reads "A -> B" rather than "A -\u003e B" for the people and tools that
// read the stream.
func NewEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}
