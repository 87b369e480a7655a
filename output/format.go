package output

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/aupscan/aupscan/scanner"
)

// Record forms of a finding.
const (
	FormatJSON = "json" // the native JSON of the contract (docs/contracts.md)
	FormatEVE  = "eve"  // Suricata's EVE JSON field names, an alert event
	FormatOCSF = "ocsf" // OCSF 1.3 Detection Finding (class 2004)
)

// Formats are the record forms, for messages and flag enums.
var Formats = []string{FormatJSON, FormatEVE, FormatOCSF}

// Product is what the EVE and OCSF records name as the tool that made them.
type Product struct {
	Name    string // "aupscan"
	Version string // the program's version, when known
}

// Encoder turns a finding into one JSON record of a form, without a trailing newline.
type Encoder func(f *scanner.Finding) ([]byte, error)

// NewEncoder returns the encoder of a form; "" is FormatJSON.
func NewEncoder(format string, p Product) (Encoder, error) {
	if p.Name == "" {
		p.Name = "aupscan"
	}
	switch format {
	case "", FormatJSON:
		return func(f *scanner.Finding) ([]byte, error) { return marshal(f) }, nil
	case FormatEVE:
		return func(f *scanner.Finding) ([]byte, error) { return marshal(EVE(f)) }, nil
	case FormatOCSF:
		return func(f *scanner.Finding) ([]byte, error) { return marshal(OCSF(f, p)) }, nil
	}
	return nil, fmt.Errorf("unknown format %q (one of json, eve, ocsf)", format)
}

// marshal is json.Marshal without HTML escaping, as scanner.NewEncoder writes: a
// subject reads "A -> B".
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
