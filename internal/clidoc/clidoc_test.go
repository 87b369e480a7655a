package clidoc

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/kong"

	"github.com/aupscan/aupscan/internal/testenv"
)

// A small program in kong's terms, with what the real ones have: global flags with
// values and enums, nested commands, positional paths, a hidden flag.
type testCLI struct {
	Format string `enum:"text,json" default:"text" help:"Output format."`
	Config string `type:"path" placeholder:"FILE" help:"Configuration file."`
	Quiet  bool   `short:"q" help:"Print less."`
	Secret bool   `hidden:"" help:"Not for users."`

	Scan struct {
		Paths []string `arg:"" type:"path" help:"Files."`
		Rate  int      `help:"Bytes a second."`
	} `cmd:"" help:"Scan files."`
	Cases struct {
		List struct {
			Tenant string `help:"Only this tenant's."`
			All    bool   `help:"Closed ones too."`
		} `cmd:"" help:"List cases."`
		Show struct {
			ID string `arg:"" help:"Case id."`
		} `cmd:"" help:"Show a case."`
	} `cmd:"" help:"Review cases."`
}

func testModel(t *testing.T) *Command {
	t.Helper()
	var c testCLI
	k, err := kong.New(&c, kong.Name("demo"), kong.Description("A demo program."))
	if err != nil {
		t.Fatal(err)
	}
	return FromKong(k.Model)
}

func TestFromKong(t *testing.T) {
	m := testModel(t)
	var names []string
	for _, f := range m.Flags {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); got != "help format config quiet" {
		t.Errorf("root flags %q, want help format config quiet (the hidden one left out)", got)
	}
	if len(m.Commands) != 2 || m.Commands[1].Commands[0].Path != "cases list" || m.Commands[0].Args != "<paths> ..." || !m.Commands[0].Files {
		t.Errorf("commands: %+v", m.Commands)
	}
}

func TestFromFlagSet(t *testing.T) {
	fs := flag.NewFlagSet("demod", flag.ContinueOnError)
	fs.String("config", "", "configuration file")
	fs.Bool("once", false, "one cycle")
	fs.Bool("man", false, "the man page")
	m := FromFlagSet("demod", "A daemon.", fs, []string{"config"}, [][2]string{{"check-config", "Check it."}}, "man")
	if len(m.Flags) != 2 || !reflect.DeepEqual(m.Flags[0], Flag{Name: "config", Placeholder: "FILE", Help: "configuration file", Path: true}) ||
		!m.Flags[1].Switch() || len(m.Commands) != 1 || m.Commands[0].Path != "check-config" {
		t.Errorf("FromFlagSet: %+v %+v", m.Flags, m.Commands)
	}
}

// TestManPage renders the page with man(1)'s formatter and reads it as a user would.
func TestManPage(t *testing.T) {
	page := Page{Root: testModel(t), Section: 1, Title: "demonstrates", Version: "demo 1.0",
		Date:     time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC),
		Sections: []Section{{Name: "Exit status", Text: "0: fine."}}}
	src := page.Roff()
	if !strings.HasPrefix(src, `.TH DEMO 1 "2026-12-03" "demo" "demo 1.0"`) {
		t.Errorf("heading: %q", strings.SplitN(src, "\n", 2)[0])
	}
	groff := testenv.LookPath(t, "groff")
	path := filepath.Join(t.TempDir(), "demo.1")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(groff, "-man", "-Tutf8", "-P", "-cbou", "-rLL=200n", path).Output()
	if err != nil {
		t.Fatalf("groff: %v", err)
	}
	text := string(out)
	for _, want := range []string{"demo - demonstrates", "--format=\"text\"", "Output format. One of: text, json.",
		"-q, --quiet", "demo scan <paths> ...", "--rate=INT", "demo cases list", "--tenant=STRING", "demo cases show <id>", "EXIT STATUS"} {
		if !strings.Contains(text, want) {
			t.Errorf("the rendered page lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "secret") || strings.Contains(text, "demo cases\n") {
		t.Errorf("the page shows the hidden flag or the bare group:\n%s", text)
	}
}

// completionCases are what a user types (the last word being completed) and the
// candidates the shell must offer.
var completionCases = []struct {
	words []string
	want  string
}{
	{[]string{""}, "scan cases"},
	{[]string{"ca"}, "cases"},
	{[]string{"cases", ""}, "list show"},
	{[]string{"--format", "json", "cases", "l"}, "list"},
	{[]string{"--format", ""}, "text json"},
	{[]string{"-q", "cases", "list", "--t"}, "--tenant"},
	{[]string{"cases", "list", "--"}, "--help --format --config --quiet --tenant --all"},
	{[]string{"scan", "--rate", "5", "go.m"}, "go.mod"},
	{[]string{"--config", "go.s"}, "go.sum"},
}

func writeScript(t *testing.T, shell string) string {
	t.Helper()
	s, err := Completion(shell, testModel(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo."+shell)
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// moduleRoot is where the file candidates of completionCases are (go.mod, go.sum).
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBashCompletion sources the script in bash and runs its function as bash's
// completion does, with COMP_WORDS and COMP_CWORD.
func TestBashCompletion(t *testing.T) {
	bash := testenv.LookPath(t, "bash")
	script := writeScript(t, "bash")
	for _, tc := range completionCases {
		words := append([]string{"demo"}, tc.words...)
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + w + "'"
		}
		prog := "source " + script + "; COMP_WORDS=(" + strings.Join(quoted, " ") + "); COMP_CWORD=" +
			itoa(len(words)-1) + "; _demo; echo \"${COMPREPLY[*]}\""
		cmd := exec.Command(bash, "--norc", "-c", prog)
		cmd.Dir = moduleRoot(t)
		out, err := cmd.CombinedOutput()
		if got := strings.TrimSpace(string(out)); err != nil || got != tc.want {
			t.Errorf("bash: demo %s<TAB> -> %q (%v), want %q", strings.Join(tc.words, " "), got, err, tc.want)
		}
	}
}

// TestFishCompletion asks fish itself: complete -C lists what it would offer.
func TestFishCompletion(t *testing.T) {
	fish := testenv.LookPath(t, "fish")
	script := writeScript(t, "fish")
	for _, tc := range completionCases {
		line := "demo " + strings.Join(tc.words, " ")
		cmd := exec.Command(fish, "--no-config", "-c", "source "+script+"; complete -C '"+line+"'")
		cmd.Dir = moduleRoot(t)
		out, err := cmd.CombinedOutput()
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			got = append(got, strings.SplitN(l, "\t", 2)[0]) // fish adds descriptions after a tab
		}
		want := strings.Fields(tc.want)
		slices.Sort(got) // fish sorts what it offers
		slices.Sort(want)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("fish: %s<TAB> -> %q (%v), want %q", line, got, err, tc.want)
		}
	}
}

// TestZshCompletion: zsh parses the script, and its data functions answer as
// bash's do (zsh's own completion widgets run only inside a line editor).
func TestZshCompletion(t *testing.T) {
	zsh := testenv.LookPath(t, "zsh")
	script := writeScript(t, "zsh")
	if out, err := exec.Command(zsh, "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("zsh -n: %v\n%s", err, out)
	}
	for _, q := range [][2]string{
		{"_demo_commands ''", "scan cases"},
		{"_demo_commands cases", "list show"},
		{"_demo_value 'cases list' --format", "text json"},
		{"_demo_value '' --quiet", "@switch"},
		{"_demo_value '' --config", "@files"},
	} {
		out, err := exec.Command(zsh, "-f", "-c", "compdef() { :; }; source "+script+"; "+q[0]).CombinedOutput()
		if got := strings.TrimSpace(string(out)); err != nil || got != q[1] {
			t.Errorf("zsh: %s -> %q (%v), want %q", q[0], got, err, q[1])
		}
	}
}

func TestCompletionUnknownShell(t *testing.T) {
	if _, err := Completion("tcsh", testModel(t)); err == nil || !strings.Contains(err.Error(), `"tcsh"`) {
		t.Errorf("tcsh: %v, want an error naming it", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
