package rulepack

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/dustin/go-humanize"

	"github.com/aupscan/aupscan/signatures"
	"github.com/aupscan/aupscan/signatures/foreign"
)

// Build reads the rule files of folders (every *.toml file directly inside each,
// as signatures.Load reads them) and every list file their rules name
// (address_files, suffix_files, hash_files), checks that the rules load (without the
// built-in rules), and returns the pack with version and the current time.
//
// A pack installs into one flat folder: a list file must lie beside the rule file
// that names it (a name without a folder), and no two files of all the folders may
// share a name.
func Build(folders []string, version uint64) (*Pack, error) {
	if version == 0 {
		return nil, errors.New("rule pack: version must be above 0")
	}
	if len(folders) == 0 {
		return nil, errors.New("rule pack: no rule folders")
	}
	if _, err := signatures.Load(signatures.Options{Dirs: folders, NoBuiltin: true}); err != nil {
		return nil, fmt.Errorf("rule pack: the rules do not load: %w", err)
	}
	from := map[string]string{} // pack name -> path it was read from
	p := &Pack{Version: version, Created: time.Now().UTC()}
	var size int64
	add := func(name, path string) error {
		if prev, ok := from[name]; ok {
			if filepath.Clean(prev) == filepath.Clean(path) {
				return nil
			}
			return fmt.Errorf("rule pack: %w: %q is both %s and %s (a pack is one flat folder)", ErrBadFileName, name, prev, path)
		}
		if err := CheckFileName(name); err != nil {
			return fmt.Errorf("rule pack: %s: %w", path, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("rule pack: %w", err)
		}
		// A big list may travel beside the pack (SplitObjects): it counts against
		// the bound of one object, not the pack's.
		switch {
		case len(data) > InlineMax && !strings.HasSuffix(name, ".toml"):
			if len(data) > MaxObject {
				return fmt.Errorf("rule pack: %w: %s is larger than %s", ErrTooLarge, path, humanize.IBytes(MaxObject))
			}
		default:
			size += int64(len(data))
		}
		if size > MaxContent {
			return fmt.Errorf("rule pack: %w: the files exceed %s", ErrTooLarge, humanize.IBytes(MaxContent))
		}
		from[name] = path
		p.Files = append(p.Files, File{Name: name, Data: data})
		return nil
	}
	for _, dir := range folders {
		names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
		if err != nil {
			return nil, fmt.Errorf("rule pack: %s: %w", dir, err)
		}
		slices.Sort(names)
		// Other engines' rule files the loader converts travel as they are.
		for _, path := range foreignRuleFiles(dir) {
			if err := add(filepath.Base(path), path); err != nil {
				return nil, err
			}
		}
		for _, path := range names {
			if err := add(filepath.Base(path), path); err != nil {
				return nil, err
			}
			lists, err := listFileNames(path)
			if err != nil {
				return nil, err
			}
			for _, l := range lists {
				if filepath.IsAbs(l) || l != filepath.Base(l) || l == "." || l == ".." {
					return nil, fmt.Errorf("rule pack: %s: %w: list file %q is not beside the rule file (a pack is one flat folder: move the list into %s and name it without a folder)",
						path, ErrBadFileName, l, dir)
				}
				if err := add(l, filepath.Join(dir, l)); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(p.Files) > MaxFiles {
		return nil, fmt.Errorf("rule pack: %w: %d files, at most %d", ErrTooLarge, len(p.Files), MaxFiles)
	}
	slices.SortFunc(p.Files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return p, nil
}

// listFileNames returns the list files a rule file's rules name, as written, disabled
// rules included (the loader reads their lists too).
func listFileNames(path string) ([]string, error) {
	var rf struct {
		Rules []*signatures.Rule `toml:"rule"`
	}
	if _, err := toml.DecodeFile(path, &rf); err != nil {
		return nil, fmt.Errorf("rule pack: %s: %w", path, err)
	}
	var out []string
	for _, r := range rf.Rules {
		if r == nil {
			continue
		}
		for _, t := range r.Traffic {
			if t == nil {
				continue
			}
			out = append(out, t.AddressFiles...)
			for _, n := range t.NameConditions() {
				out = append(out, n.Names.SuffixFiles...)
			}
		}
		if r.File != nil {
			out = append(out, r.File.HashFiles...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// foreignRuleFiles lists dir's files in another engine's rule format.
func foreignRuleFiles(dir string) []string {
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
