package output

import (
	"path"
	"strings"

	"github.com/aupscan/aupscan/scanner"
)

// OCSFVersion is the OCSF schema version the records follow.
const OCSFVersion = "1.3.0"

// OCSF class and activity of a finding: Findings (2), Detection Finding (2004),
// Create (1).
const (
	ocsfCategory = 2
	ocsfClass    = 2004
	ocsfCreate   = 1
)

// OCSFRecord is a finding as an OCSF Detection Finding: the required attributes and
// the recommended ones a finding has, with the contract's remaining fields under
// "unmapped".
type OCSFRecord struct {
	ActivityID   int             `json:"activity_id"`
	ActivityName string          `json:"activity_name"`
	CategoryUID  int             `json:"category_uid"`
	CategoryName string          `json:"category_name"`
	ClassUID     int             `json:"class_uid"`
	ClassName    string          `json:"class_name"`
	TypeUID      int             `json:"type_uid"`
	Time         int64           `json:"time"`            // milliseconds since the epoch
	Count        int             `json:"count,omitempty"` // OCSF's count: sightings this record stands for, when more than one
	SeverityID   int             `json:"severity_id"`
	Severity     string          `json:"severity"`
	ConfidenceID int             `json:"confidence_id"`
	Confidence   string          `json:"confidence"`
	StatusID     int             `json:"status_id"`
	Status       string          `json:"status"`
	Message      string          `json:"message"`
	Metadata     OCSFMetadata    `json:"metadata"`
	FindingInfo  OCSFFindingInfo `json:"finding_info"`
	Device       *OCSFDevice     `json:"device,omitempty"`
	Evidences    []OCSFEvidence  `json:"evidences,omitempty"`
	Unmapped     map[string]any  `json:"unmapped"`
}

// OCSFMetadata is the record's metadata object.
type OCSFMetadata struct {
	Version   string      `json:"version"`
	Product   OCSFProduct `json:"product"`
	UID       string      `json:"uid"`
	TenantUID string      `json:"tenant_uid,omitempty"`
}

// OCSFProduct names the tool.
type OCSFProduct struct {
	Name       string `json:"name"`
	VendorName string `json:"vendor_name"`
	Version    string `json:"version,omitempty"`
}

// OCSFFindingInfo says what was found and by which rule.
type OCSFFindingInfo struct {
	UID      string       `json:"uid"`
	Title    string       `json:"title"`
	Desc     string       `json:"desc"`
	Types    []string     `json:"types"`
	Analytic OCSFAnalytic `json:"analytic"`
}

// OCSFAnalytic is the rule.
type OCSFAnalytic struct {
	UID    string `json:"uid"`
	Name   string `json:"name"`
	TypeID int    `json:"type_id"` // 1: Rule
	Type   string `json:"type"`
	// Version is the rule set's.
	Version string `json:"version,omitempty"`
}

// OCSFDevice is the host the finding is about.
type OCSFDevice struct {
	Hostname string `json:"hostname"`
	TypeID   int    `json:"type_id"` // 0: Unknown (a VM or a server)
}

// OCSFEvidence holds the flow or the file that matched.
type OCSFEvidence struct {
	Src        *OCSFEndpoint   `json:"src_endpoint,omitempty"`
	Dst        *OCSFEndpoint   `json:"dst_endpoint,omitempty"`
	Connection *OCSFConnection `json:"connection_info,omitempty"`
	File       *OCSFFile       `json:"file,omitempty"`
	Data       map[string]any  `json:"data,omitempty"`
}

// OCSFEndpoint is one end of a flow.
type OCSFEndpoint struct {
	IP   string `json:"ip"`
	Port uint16 `json:"port,omitempty"`
}

// OCSFConnection names the flow's protocol.
type OCSFConnection struct {
	ProtocolName string `json:"protocol_name"`
}

// OCSFFile is a file that matched.
type OCSFFile struct {
	Name   string         `json:"name"`
	Path   string         `json:"path"`
	TypeID int            `json:"type_id"` // 1: Regular File
	Hashes []OCSFFingerpr `json:"hashes,omitempty"`
}

// OCSFFingerpr is a hash of a file (OCSF's fingerprint object).
type OCSFFingerpr struct {
	AlgorithmID int    `json:"algorithm_id"` // 3: SHA-256
	Algorithm   string `json:"algorithm"`
	Value       string `json:"value"`
}

// OCSF returns the OCSF Detection Finding form of f.
func OCSF(f *scanner.Finding, p Product) OCSFRecord {
	sevID, sev := ocsfSeverity(f.Severity)
	confID, conf := ocsfConfidence(f.Confidence)
	r := OCSFRecord{
		ActivityID: ocsfCreate, ActivityName: "Create",
		CategoryUID: ocsfCategory, CategoryName: "Findings",
		ClassUID: ocsfClass, ClassName: "Detection Finding",
		TypeUID:    ocsfClass*100 + ocsfCreate,
		Time:       f.Time.UnixMilli(),
		Count:      f.Count,
		SeverityID: sevID, Severity: sev,
		ConfidenceID: confID, Confidence: conf,
		StatusID: 1, Status: "New",
		Message: f.Name + ": " + f.Evidence,
		Metadata: OCSFMetadata{Version: OCSFVersion, Product: OCSFProduct{Name: p.Name, VendorName: p.Name, Version: p.Version},
			UID: f.ID, TenantUID: f.Tenant},
		FindingInfo: OCSFFindingInfo{UID: f.ID, Title: f.Name, Desc: f.Evidence, Types: []string{f.Category},
			Analytic: OCSFAnalytic{UID: f.Rule, Name: f.Name, TypeID: 1, Type: "Rule", Version: f.RulesVersion}},
		Unmapped: map[string]any{"schema": scanner.SchemaVersion, "category": f.Category, "kind": f.Kind,
			"subject": f.Subject, "source": f.Source},
	}
	if f.Host != "" {
		r.Device = &OCSFDevice{Hostname: f.Host}
	}
	if f.Role != "" {
		r.Unmapped["role"] = f.Role
	}
	ev := OCSFEvidence{}
	if fl := f.Flow; fl != nil {
		ev.Src = &OCSFEndpoint{IP: fl.Src.String(), Port: fl.Sport}
		ev.Dst = &OCSFEndpoint{IP: fl.Dst.String(), Port: fl.Dport}
		ev.Connection = &OCSFConnection{ProtocolName: strings.ToLower(fl.Proto)}
	}
	if f.Kind == scanner.KindFile || f.Kind == scanner.KindConfig || f.SHA256 != "" {
		ev.File = &OCSFFile{Name: path.Base(f.Subject), Path: f.Subject, TypeID: 1}
		if f.SHA256 != "" {
			ev.File.Hashes = []OCSFFingerpr{{AlgorithmID: 3, Algorithm: "SHA-256", Value: f.SHA256}}
		}
	}
	if f.Kind == scanner.KindPackage || f.Kind == scanner.KindProcess {
		ev.Data = map[string]any{f.Kind: f.Subject}
	}
	r.Evidences = []OCSFEvidence{ev}
	return r
}

// ocsfSeverity maps a rule's severity to OCSF's severity_id: 2 Low, 3 Medium,
// 4 High, 5 Critical.
func ocsfSeverity(s string) (int, string) {
	switch s {
	case "low":
		return 2, "Low"
	case "medium":
		return 3, "Medium"
	case "high":
		return 4, "High"
	case "critical":
		return 5, "Critical"
	}
	return 0, "Unknown"
}

// ocsfConfidence maps a finding's confidence to OCSF's confidence_id: 1 Low,
// 2 Medium, 3 High.
func ocsfConfidence(s string) (int, string) {
	switch s {
	case "low":
		return 1, "Low"
	case "medium":
		return 2, "Medium"
	case "high":
		return 3, "High"
	}
	return 0, "Unknown"
}
