package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRulesImport imports a YARA rule of Yara-Rules and a Suricata rule of
// suricata-verify, then scans with what it wrote: a file holding the YARA rule's
// string is a finding, and the report names what was left out.
func TestRulesImport(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"rules", "import", "-o", out, "../../testdata/import/yara-rules/MALW_XMRIG_Miner.yar",
		"../../testdata/import/yara-rules/MALW_LinuxMoose.yar"}, &stdout, &stderr)
	if code != exitClean || !strings.Contains(stderr.String(), "MALW_XMRIG_Miner.yar: 1 of 1 rules imported") {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"url": "stratum+tcp://pool.example:3333"}`), 0o644)
	stdout.Reset()
	if code := run([]string{"--format", "json", "--no-builtin", "--rules", out, "files", dir}, &stdout, &stderr); code != exitFindings ||
		!strings.Contains(stdout.String(), `"rule":"yara.xmrig_miner"`) || !strings.Contains(stdout.String(), `"category":"mining"`) {
		t.Errorf("scan with the imported rule: exit %d\n%s", code, stdout.String())
	}
	stderr.Reset()
	if code := run([]string{"rules", "import", "../../testdata/import/clamav/Test.GenSig.NDB_11of22_PE_EP_testexe_0.UNOFFICIAL.ndb"}, &stdout, &stderr); code != exitClean ||
		!strings.Contains(stderr.String(), "not imported: offset \"EP+") {
		t.Errorf("exit %d, report:\n%s", code, stderr.String())
	}
}
