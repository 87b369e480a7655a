package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

// TestFormats runs a scan with each record form: every one is a JSON line carrying
// the rule set's version, the native one its schema and host.
func TestFormats(t *testing.T) {
	for format, check := range map[string]func(map[string]any) bool{
		"json": func(m map[string]any) bool {
			_, hasHost := m["host"]
			return m["schema"] == 1.0 && hasHost && m["rules_version"] != ""
		},
		"eve": func(m map[string]any) bool {
			return m["event_type"] == "alert" && m["src_ip"] == "10.99.0.1" && m["proto"] == "UDP"
		},
		"ocsf": func(m map[string]any) bool {
			return m["class_uid"] == 2004.0 && m["type_uid"] == 200401.0
		},
	} {
		var out, errb bytes.Buffer
		if code := run([]string{"--format", format, "pcap", "../../testdata/pcap/openvpn-real.pcap"}, &out, &errb); code != exitFindings {
			t.Fatalf("%s: exit %d: %s", format, code, errb.String())
		}
		var m map[string]any
		if err := json.Unmarshal(out.Bytes(), &m); err != nil || !check(m) {
			t.Errorf("%s: %v\n%s", format, err, out.String())
		}
	}
}

// TestFilesCarryThisHost: without --host, a file scan names this machine.
func TestFilesCarryThisHost(t *testing.T) {
	dir := t.TempDir()
	eicar := `X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`
	if err := os.WriteFile(filepath.Join(dir, "eicar.com"), []byte(eicar), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"--format", "json", "files", dir}, &out, &errb); code != exitFindings {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var m map[string]any
	if err := json.Unmarshal(bytes.SplitN(out.Bytes(), []byte("\n"), 2)[0], &m); err != nil || m["host"] != thisHost() || thisHost() == "" {
		t.Errorf("host %v, want %q: %s", m["host"], thisHost(), out.String())
	}
	if !strings.Contains(out.String(), `"rules_version":"`) {
		t.Errorf("no rules_version: %s", out.String())
	}
}

// TestTextOutputEscapesTerminalControls: a file name with bidirectional controls
// (U+202E turns "moc.exe" into what reads as "exe.com"), C0 and C1 controls reaches the
// table with each of them as '?', on stdout and in the skipped list on stderr.
func TestTextOutputEscapesTerminalControls(t *testing.T) {
	dir := t.TempDir()
	eicar := `X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`
	controls := []string{"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
		"\u200e", "\u200f", "\u061c", "\r", "\n", "\x1b", "\u009b"}
	name := "x" + strings.Join(controls, "y") + "z.com"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(eicar), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"files", dir}, &out, &errb); code != exitFindings {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want := "x" + strings.Repeat("?y", len(controls)-1) + "?z.com"
	if !strings.Contains(out.String(), want) {
		t.Errorf("table does not show %q:\n%s", want, out.String())
	}
	for _, c := range controls {
		if strings.Contains(strings.ReplaceAll(out.String(), "\n", ""), c) {
			t.Errorf("table carries %+q:\n%+q", c, out.String())
		}
	}
}

// jsonSummary finds the summary record a --format json scan writes on stderr.
func jsonSummary(t *testing.T, stderr string) scanSummary {
	t.Helper()
	for _, line := range strings.Split(stderr, "\n") {
		var s scanSummary
		if json.Unmarshal([]byte(line), &s) == nil && s.Record == "summary" {
			return s
		}
	}
	t.Fatalf("no JSON summary on stderr:\n%s", stderr)
	return scanSummary{}
}

// TestTableStreams: a row is on stdout as soon as its finding is written, before
// the scan ends; columns line up without waiting for the rows after it.
func TestTableStreams(t *testing.T) {
	set, err := signatures.Load(signatures.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := newFindingWriter(&Globals{Format: "text", stdout: &out}, set)
	short := scanner.Finding{Severity: "low", Confidence: "high", Category: "vpn", Kind: "file", Rule: "vpn.n2n", Subject: "/a", Evidence: "x"}
	long := scanner.Finding{Severity: "critical", Confidence: "medium", Category: "prohibited-content", Kind: "package", Rule: "remote-access.rustdesk-server", Subject: "/b", Evidence: "y"}
	if err := w.write(short); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "vpn.n2n") {
		t.Fatalf("the first row waits for the end:\n%q", out.String())
	}
	if err := w.write(long); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a header and two rows:\n%s", out.String())
	}
	for _, col := range []string{"RULE", "SUBJECT", "EVIDENCE"} {
		at := strings.Index(lines[0], col)
		for _, l := range lines[1:] {
			if at <= 0 || len(l) <= at || l[at-1] != ' ' || l[at] == ' ' {
				t.Errorf("column %s (at %d) does not line up:\n%s", col, at, out.String())
			}
		}
	}
}
