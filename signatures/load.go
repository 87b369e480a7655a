package signatures

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/aupscan/aupscan/signatures/foreign"
)

// Options says which rules to load.
type Options struct {
	// Dirs are operator rule folders: every *.toml file directly inside is read, in
	// name order. Their rules add to the built-in rules or replace a built-in rule of
	// the same id; their [[disable]] entries turn rules off.
	Dirs []string
	// NoBuiltin leaves the built-in rules out.
	NoBuiltin bool
}

// source is one rule file's bytes and where they came from.
type source struct {
	name    string // as shown in problems
	dir     string
	data    []byte
	builtin bool
	foreign bool // converted from another engine's rules (foreignload.go)
}

// Load reads the built-in rules and the operator folders, validates and compiles every
// rule, and returns the immutable Set. The error, when not nil, is Problems: every
// error of the run, each naming its file and line or rule.
func Load(o Options) (*Set, error) {
	var ps Problems
	srcs := readSources(o, &ps)
	s, err := loadSources(srcs, ps)
	if err == nil {
		s.warnings = append(s.warnings, unreadFiles(o.Dirs, s)...)
	}
	return s, err
}

// loadSources decodes, validates and merges rule files already read.
func loadSources(srcs []source, ps Problems) (*Set, error) {
	lists := newListCache()
	b := newSetBuilder()
	for i, d := range decodeAll(srcs) {
		src, rf, lines := srcs[i], d.rf, d.lines
		ps = append(ps, d.problems...)
		if rf == nil {
			continue
		}
		for _, r := range rf.Rules {
			r.Origin = Origin{File: src.name, Line: lines[r.ID], Builtin: src.builtin, Dir: src.dir}
			if src.foreign {
				addForeign(r, lists, b, &ps)
				continue
			}
			compileRule(r, lists, &ps)
			b.add(r, &ps)
		}
		for _, d := range rf.Disable {
			b.disable(d, src.name, &ps)
		}
	}
	s := b.finish(&ps)
	checkPrograms(s.rules, &ps)
	s.version = version(srcs, lists)
	s.warnings = slices.DeleteFunc(slices.Clone(ps), func(p Problem) bool { return !p.Warning })
	if errs := ps.errors(); len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

func readSources(o Options, ps *Problems) []source {
	var srcs []source
	if !o.NoBuiltin {
		names, err := builtinRuleFiles()
		if err != nil {
			*ps = append(*ps, Problem{File: "builtin", Message: err.Error()})
		}
		for _, n := range names {
			data, _ := readBuiltin(n)
			srcs = append(srcs, source{name: "builtin:" + n, dir: builtinDir, data: data, builtin: true})
		}
	}
	for _, dir := range o.Dirs {
		names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
		if err == nil {
			_, err = os.Stat(dir)
		}
		if err != nil {
			*ps = append(*ps, Problem{File: dir, Message: fmt.Sprintf("rule folder: %v", err)})
			continue
		}
		slices.Sort(names)
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				*ps = append(*ps, Problem{File: n, Message: err.Error()})
				continue
			}
			srcs = append(srcs, source{name: n, dir: dir, data: data})
		}
		// Other engines' rules after the folder's own: a TOML rule keeps its id.
		for _, n := range foreignFiles(dir) {
			if src, ok := readForeign(n, dir, ps); ok {
				srcs = append(srcs, src)
			}
		}
	}
	return srcs
}

// foreignFiles lists the files of dir in another engine's format, in name order.
func foreignFiles(dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") && foreign.Handles(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// decoded is one rule file parsed: its rules (nil when it did not parse), the line
// of each rule id, and its problems.
type decoded struct {
	rf       *ruleFile
	lines    map[string]int
	problems Problems
}

// decodeAll parses the files side by side, one worker a CPU, and returns them in
// their order. Parsing the TOML is most of what loading the built-in rules costs,
// and every run of aupscan and aupscand pays it at start; the files are independent.
func decodeAll(srcs []source) []decoded {
	out := make([]decoded, len(srcs))
	next := make(chan int, len(srcs))
	for i := range srcs {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(srcs)) {
		wg.Go(func() {
			for i := range next {
				d := &out[i]
				rf, ok := decodeFile(srcs[i], &d.problems)
				if ok {
					d.rf, d.lines = rf, idLines(srcs[i].data)
				}
			}
		})
	}
	wg.Wait()
	return out
}

// decodeFile is the first step of loading: TOML into plain structs. Syntax errors name
// the line; keys the format does not know are errors too, so a typo is never silence.
func decodeFile(src source, ps *Problems) (*ruleFile, bool) {
	var rf ruleFile
	md, err := toml.NewDecoder(bytes.NewReader(src.data)).Decode(&rf)
	if err != nil {
		p := Problem{File: src.name, Message: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line, p.Message = pe.Position.Line, pe.Message
		} else if m := tomlLineRe.FindStringSubmatch(err.Error()); m != nil {
			// Type mismatches carry the line only in their text.
			p.Line, _ = strconv.Atoi(m[1])
			p.Key, p.Message = m[2], m[3]
		}
		*ps = append(*ps, p)
		return nil, false
	}
	// Unknown keys are errors, but the rules are still checked so that one run
	// reports everything wrong with the file.
	var kl keyLines
	for _, k := range md.Undecoded() {
		if kl == nil {
			kl = indexKeyLines(src.data)
		}
		*ps = append(*ps, Problem{File: src.name, Line: kl.line(k), Key: k.String(),
			Message: "unknown key (see the rule reference in README.md)"})
	}
	return &rf, true
}

var tomlLineRe = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// idLines maps each rule id to the line that sets it, in one pass over the file, so
// that semantic problems can point at the rule in its file.
func idLines(data []byte) map[string]int {
	out := map[string]int{}
	for i, line := range bytes.Split(data, []byte("\n")) {
		if m := idLineRe.FindSubmatch(line); m != nil {
			if _, dup := out[string(m[1])]; !dup {
				out[string(m[1])] = i + 1
			}
		}
	}
	return out
}

var idLineRe = regexp.MustCompile(`^\s*id\s*=\s*["']([^"']*)["']`)

// keyLines maps each key set in a file, by its table header and name, to the line
// that sets it, or to 0 when several lines do: built in one pass, so that a file of
// thousands of unknown keys costs one reading, not one a key (a fuzzed file of 2,000
// repeated [[a]] tables once took seconds).
type keyLines map[[2]string]int

func indexKeyLines(data []byte) keyLines {
	out := keyLines{}
	parent := ""
	for i, line := range bytes.Split(data, []byte("\n")) {
		if h := headerRe.FindSubmatch(line); h != nil {
			parent = string(h[1])
			continue
		}
		m := keyNameRe.FindSubmatch(line)
		if m == nil {
			continue
		}
		k := [2]string{parent, string(m[1]) + string(m[2])}
		if _, seen := out[k]; seen {
			out[k] = 0
		} else {
			out[k] = i + 1
		}
	}
	return out
}

// keyNameRe takes the name a line sets: quoted, or bare up to spaces or "=".
var keyNameRe = regexp.MustCompile(`^\s*(?:"([^"]*)"|([^\s="]+))\s*=`)

// line finds the line of an unknown key: the one line, under a table header of the
// key's parent, that sets the key's last part. When that is ambiguous the problem
// names file and key only.
func (kl keyLines) line(k toml.Key) int {
	if len(k) < 1 {
		return 0
	}
	return kl[[2]string{strings.Join(k[:len(k)-1], "."), k[len(k)-1]}]
}

var headerRe = regexp.MustCompile(`^\s*\[\[?\s*([^\]]+?)\s*\]\]?`)

// version is the rule-set version: a digest of the contents of every rule file and
// list file loaded, and of nothing else, so the same rules always report the same
// version however their folders are spelled, moved or mounted. Files are taken as a
// sorted set of digests: the order folders are named in changes nothing either.
func version(srcs []source, lists *listCache) string {
	sums := make([][32]byte, 0, len(srcs)+len(lists.sums))
	for _, s := range srcs {
		kind := "operator\x00"
		if s.builtin {
			kind = "builtin\x00"
		}
		sums = append(sums, sha256.Sum256(append([]byte(kind), s.data...)))
	}
	for _, sum := range lists.sums {
		sums = append(sums, sha256.Sum256(append([]byte("list\x00"), sum[:]...)))
	}
	slices.SortFunc(sums, cmp32)
	h := sha256.New()
	for _, sum := range sums {
		h.Write(sum[:])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// listFiles returns every list file path the set's rules name, for the watcher.
func listFiles(rules []*Rule) []string {
	var out []string
	for _, r := range rules {
		for _, t := range r.Traffic {
			out = append(out, resolveAll(r.Origin.Dir, t.AddressFiles)...)
			for _, n := range t.NameConditions() {
				out = append(out, resolveAll(r.Origin.Dir, n.Names.SuffixFiles)...)
			}
		}
		if r.File != nil {
			out = append(out, resolveAll(r.Origin.Dir, r.File.HashFiles)...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func resolveAll(dir string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = resolve(dir, n)
	}
	return out
}
