package output

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net/netip"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

// EVERecord is a finding with Suricata's EVE field names: an alert event whose
// traffic fields are those of Suricata's eve.json, so a SIEM's Suricata parser reads
// it. What EVE has no field for stays under "aupscan", in the native names.
type EVERecord struct {
	Timestamp string      `json:"timestamp"`
	FlowID    uint64      `json:"flow_id,omitempty"`
	EventType string      `json:"event_type"`
	SrcIP     *netip.Addr `json:"src_ip,omitempty"`
	SrcPort   *uint16     `json:"src_port,omitempty"`
	DestIP    *netip.Addr `json:"dest_ip,omitempty"`
	DestPort  *uint16     `json:"dest_port,omitempty"`
	Proto     string      `json:"proto,omitempty"`
	Alert     EVEAlert    `json:"alert"`
	FileInfo  *EVEFile    `json:"fileinfo,omitempty"`
	Host      string      `json:"host"`
	Aupscan   EVEAupscan  `json:"aupscan"`
}

// EVEAlert is the alert object of an EVE alert event.
type EVEAlert struct {
	Action string `json:"action"` // "allowed": aupscan reports, it never blocks
	// SignatureID is a number derived from the rule id (the first 31 bits of its
	// SHA-256), for tools that key alerts on numbers; Metadata names the rule itself.
	SignatureID uint32              `json:"signature_id"`
	Signature   string              `json:"signature"`
	Category    string              `json:"category"`
	Severity    int                 `json:"severity"` // Suricata's priority: 1 most severe, 3 least
	Metadata    map[string][]string `json:"metadata"`
}

// EVEFile is the fileinfo object, for file and process findings.
type EVEFile struct {
	Filename string `json:"filename"`
	SHA256   string `json:"sha256,omitempty"`
}

// EVEAupscan carries the contract's fields EVE has no place for.
type EVEAupscan struct {
	Schema       int    `json:"schema"`
	ID           string `json:"id"`
	Rule         string `json:"rule"`
	Kind         string `json:"kind"`
	Subject      string `json:"subject"`
	Evidence     string `json:"evidence"`
	Source       string `json:"source"`
	Severity     string `json:"severity"`
	Confidence   string `json:"confidence"`
	Role         string `json:"role,omitempty"`
	Tenant       string `json:"tenant,omitempty"`
	RulesVersion string `json:"rules_version,omitempty"`
	Count        int    `json:"count,omitempty"` // sightings this record stands for, when more than one
}

// eveTime is Suricata's timestamp layout: microseconds and a numeric zone without colon.
const eveTime = "2006-01-02T15:04:05.000000-0700"

// EVE returns the EVE form of f.
func EVE(f *scanner.Finding) EVERecord {
	r := EVERecord{
		Timestamp: f.Time.Format(eveTime),
		EventType: "alert",
		Alert: EVEAlert{Action: "allowed", SignatureID: SignatureID(f.Rule), Signature: f.Name, Category: f.Category,
			Severity: eveSeverity(f.Severity), Metadata: map[string][]string{"aupscan_rule": {f.Rule}, "confidence": {f.Confidence}}},
		Host: f.Host,
		Aupscan: EVEAupscan{Schema: scanner.SchemaVersion, ID: f.ID, Rule: f.Rule, Kind: f.Kind, Subject: f.Subject,
			Evidence: f.Evidence, Source: f.Source, Severity: f.Severity, Confidence: f.Confidence, Role: f.Role,
			Tenant: f.Tenant, RulesVersion: f.RulesVersion, Count: f.Count},
	}
	if f.Time.IsZero() {
		r.Timestamp = time.Time{}.UTC().Format(eveTime)
	}
	if fl := f.Flow; fl != nil {
		r.SrcIP, r.SrcPort, r.DestIP, r.DestPort = &fl.Src, &fl.Sport, &fl.Dst, &fl.Dport
		r.Proto = fl.Proto
		r.FlowID = flowID(f.ID)
	}
	if f.Kind == scanner.KindFile || f.Kind == scanner.KindConfig || f.SHA256 != "" {
		r.FileInfo = &EVEFile{Filename: f.Subject, SHA256: f.SHA256}
	}
	return r
}

// SignatureID is the number EVE and other numeric consumers give a rule id.
func SignatureID(rule string) uint32 {
	s := sha256.Sum256([]byte(rule))
	return binary.BigEndian.Uint32(s[:4]) >> 1
}

// flowID is a number for the flow from the finding's id, below 2^53 so a JavaScript
// reader keeps it exact.
func flowID(id string) uint64 {
	b, err := hex.DecodeString(id)
	if err != nil || len(b) < 8 {
		s := sha256.Sum256([]byte(id))
		b = s[:]
	}
	return binary.BigEndian.Uint64(b[:8]) >> 11
}

func eveSeverity(s string) int {
	switch s {
	case "critical", "high":
		return 1
	case "medium":
		return 2
	}
	return 3
}
