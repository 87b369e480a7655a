package foreign_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/aupscan/aupscan/signatures"
	"github.com/aupscan/aupscan/signatures/foreign"
)

var update = flag.Bool("update", false, "write testdata/import/summary.txt")

// TestRealRules converts every rule file written by others in testdata/import, pins
// what each became (summary.txt), and loads all the imported rules as one folder.
func TestRealRules(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "import")
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && foreign.Handles(p) {
			files = append(files, p)
		}
		return nil
	})
	slices.Sort(files)
	out := t.TempDir()
	var sum bytes.Buffer
	ids := map[string]bool{}
	total := map[string][3]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := foreign.Convert(f, data)
		if err != nil {
			t.Fatal(err)
		}
		res.Dedupe(ids)
		approx := map[string]bool{}
		for _, p := range res.Problems {
			if p.Approximated {
				approx[p.Rule] = true
			}
			if strings.Contains(p.Message, "does not parse") {
				t.Errorf("%s", p)
			}
		}
		rel, _ := filepath.Rel(root, f)
		fmt.Fprintf(&sum, "%s: %d of %d imported, %d approximated\n", rel, res.Imported(), res.Seen, len(approx))
		engine := strings.SplitN(rel, "/", 2)[0]
		tt := total[engine]
		total[engine] = [3]int{tt[0] + res.Seen, tt[1] + res.Imported(), tt[2] + len(approx)}
		var decoded map[string]any
		if _, err := toml.Decode(string(res.TOML()), &decoded); err != nil {
			t.Errorf("%s: the TOML does not parse: %v", f, err)
		}
		os.WriteFile(filepath.Join(out, strings.ReplaceAll(rel, "/", "_")+".toml"), res.TOML(), 0o644)
	}
	for _, e := range []string{"clamav", "signature-base", "suricata-verify", "yara-rules"} {
		tt := total[e]
		fmt.Fprintf(&sum, "total %s: %d of %d imported, %d approximated\n", e, tt[1], tt[0], tt[2])
		t.Logf("%s: %d of %d rules imported (%.0f%%), %d approximated", e, tt[1], tt[0], 100*float64(tt[1])/float64(max(tt[0], 1)), tt[2])
	}
	golden := filepath.Join(root, "summary.txt")
	if *update {
		os.WriteFile(golden, sum.Bytes(), 0o644)
	}
	want, _ := os.ReadFile(golden)
	if !bytes.Equal(want, sum.Bytes()) {
		t.Errorf("%s differs (-update writes it):\n%s", golden, sum.String())
	}
	s, err := signatures.Load(signatures.Options{Dirs: []string{out}, NoBuiltin: true})
	if err != nil {
		t.Fatalf("the imported rules do not load: %v", err)
	}
	if s.Len() == 0 {
		t.Fatal("no rule imported")
	}
}

// TestMappings checks what single rules of each engine become.
func TestMappings(t *testing.T) {
	for _, tc := range []struct {
		file, src string
		want      []string // substrings of the TOML
		problem   string   // substring of a problem, "" for none
	}{
		{"x.yar", `rule Miner : mining { meta: description = "XMRig" strings: $a = "stratum+tcp://" nocase $b = { 4D 5A ?? [2] 00 } $c = "donate" wide ascii condition: uint16(0) == 0x5A4D and filesize < 2MB and ($a or $c) }`,
			[]string{`id = "yara.miner"`, `category = "mining"`, `text = "stratum+tcp://"`, `nocase = true`, `hex = "4d5a"`, `required = true`, `max_size = 2097151`, `condition = "any"`, `regex = "(?:donate|d\\x00o\\x00`},
			"strings the condition does not use left out: $b"},
		{"x.yar", `rule R { strings: $a = "abc" condition: $a at pe.entry_point }`, nil, "pe.entry_point"},
		{"x.yar", `rule R { strings: $a = "abcd" $b = "efgh" $c = "ijkl" condition: 2 of them and $a in (0..100) }`, nil, "not a conjunction"},
		{"x.yar", `rule R { strings: $a = "abcd" $b = "efgh" $c = "ijkl" condition: $a in (0..100) and 2 of ($b, $c) }`,
			[]string{`depth = 104`, `required = true`}, ""},
		{"x.ndb", "Test.Sig:0:0:434c414d41562d54??54{2}4e47\n", []string{`hex = "434c414d41562d54??54????4e47"`, `depth = 14`}, ""},
		{"x.ndb", "Test.PE:1:EP+0:4d5a\nTest.Any:1:*:4d5a*9090\n", []string{`id = "clamav.test.any"`, `condition = "all"`}, "EP+0"},
		{"x.ldb", "Test.Ldb;Engine:51-255,Target:0,FileSize:0-4096;0&(1|2);0:4d5a;41424344::i;45464748::w\n",
			[]string{`text = "ABCD"`, `hex = "4500460047004800"`, `max_size = 4096`, `condition = "any"`}, ""},
		{"x.ldb", "Test.Ldb;Target:0;0=2;41424344\n", nil, "count =2"},
		{"x.rules", `alert tls $HOME_NET any -> $EXTERNAL_NET any (msg:"ET POLICY Observed ngrok tunnel (tls.sni)"; flow:established,to_server; tls.sni; dotprefix; content:".ngrok.io"; endswith; nocase; classtype:policy-violation; sid:2023; rev:1;)`,
			[]string{`id = "suricata.sid-2023"`, `category = "tunnel"`, `suffix = ["ngrok.io"]`, `transport = "tcp"`}, ""},
		{"x.rules", `alert tcp any any -> any 3333 (msg:"stratum login"; flow:to_server; content:"|7b 22|method|22 3a 22|login"; depth:20; sid:7;)`,
			[]string{`ports = [3333]`, `text = "{\"method\":\"login"`, `depth = 20`, `direction = "client"`, `category = "mining"`}, ""},
		{"x.rules", `alert http any any -> any any (msg:"x"; content:"a"; content:"b"; distance:0; sid:8;)`, nil, "keyword distance"},
		{"x.rules", `alert dns any any -> any any (msg:"evil"; dns.query; content:"evil.example"; sid:9;)`, []string{`regex = [".*evil\\.example.*"]`}, ""},
		{"x.rules", `alert tls any any -> any any (msg:"ja3"; ja3.hash; content:"e7d705a3286e19ea42f587b344ee6865"; sid:10;)`, []string{`ja3 = ["e7d705a3286e19ea42f587b344ee6865"]`}, ""},
	} {
		res, err := foreign.Convert(tc.file, []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		got := string(res.TOML())
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %s in:\n%s", tc.src, w, got)
			}
		}
		var msgs []string
		for _, p := range res.Problems {
			msgs = append(msgs, p.String())
		}
		if all := strings.Join(msgs, "\n"); (tc.problem == "") != (all == "") || !strings.Contains(all, tc.problem) {
			t.Errorf("%s: problems %q, want one with %q", tc.src, all, tc.problem)
		}
	}
}

// TestFolderReadsForeignRules: a rule folder with a .yar, a .rules, an .hsb and a
// stray file loads the first three and warns about the fourth.
func TestFolderReadsForeignRules(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "miner.yar"), []byte(`rule XMRig_Strings { strings: $a = "stratum+tcp://" $b = "donate-level" condition: all of them }`+"\nrule Bad { condition: pe.is_pe }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "tunnels.rules"), []byte(`alert tls any any -> any any (msg:"ngrok"; tls.sni; content:"tunnel.ngrok.com"; startswith; endswith; sid:1;)`+"\n"), 0o644)
	hsb, _ := os.ReadFile(filepath.Join("..", "..", "testdata", "lists", "clamav", "logo.hsb"))
	os.WriteFile(filepath.Join(dir, "logo.hsb"), hsb, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("nothing reads me\n"), 0o644)
	s, err := signatures.Load(signatures.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"yara.xmrig_strings", "suricata.sid-1", "clamav.logo.hsb"} {
		if s.Rule(id) == nil {
			t.Errorf("rule %s not loaded", id)
		}
	}
	var ws []string
	for _, p := range s.Warnings() {
		ws = append(ws, p.String())
	}
	w := strings.Join(ws, "\n")
	for _, want := range []string{`"Bad": not imported`, "notes.txt: warning: nothing reads this file"} {
		if !strings.Contains(w, want) {
			t.Errorf("no warning %q in:\n%s", want, w)
		}
	}
	if strings.Contains(w, "logo.hsb: nothing reads") {
		t.Errorf("the hash database is reported unread:\n%s", w)
	}
}

func fuzzConvert(f *testing.F, file string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := foreign.Convert(file, data)
		if err != nil {
			t.Fatal(err)
		}
		var decoded map[string]any
		if _, err := toml.Decode(string(res.TOML()), &decoded); err != nil {
			t.Fatalf("the TOML of %q does not parse: %v\n%s", data, err, res.TOML())
		}
	})
}

func FuzzYARA(f *testing.F) {
	fuzzConvert(f, "f.yar", `rule A : t { meta: d = "x" strings: $a = "ab\x00c" wide ascii fullword $b = { 4D [2] 5A ?? } $c = /a.b/i condition: uint16(0) == 0x5a4d and (any of ($a*) or $b) and filesize < 1KB }`,
		`rule B { strings: $ = "x" condition: 1 of them and $a at 3 }`)
}

func FuzzNDB(f *testing.F) {
	fuzzConvert(f, "f.ndb", "A:0:*:41424344*45{3}46\nB:6:10,20:4142??43\n")
}

func FuzzLDB(f *testing.F) {
	fuzzConvert(f, "f.ldb", "A;Engine:51-255,Target:0;(0|1|2)>1&3;4142;4344::i;0:4546;4748::w\n")
}

func FuzzSuricata(f *testing.F) {
	fuzzConvert(f, "f.rules", `alert tls any any -> any 443 (msg:"a"; tls.sni; content:".x.com"; dotprefix; endswith; sid:1;)`,
		`alert tcp any any -> any [80,8080] (msg:"b \; c"; content:"GET |20|/"; nocase; offset:0; depth:8; flow:to_server; sid:2;)`)
}
