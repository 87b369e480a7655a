package host

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

// errUnresolvable says a command's program cannot be told without running
// something: it comes from a variable, a substitution or a glob.
var errUnresolvable = errors.New("program named through a variable or substitution")

// errNotRegular says a path leads to something other than a regular file.
var errNotRegular = errors.New("not a regular file")

// shellWords splits the first simple command of a POSIX shell command line into
// words: quotes and backslashes are honoured, and the command ends at an unquoted
// ;, &, |, newline, redirection or parenthesis. Leading variable assignments are
// dropped. A word holding an expansion ($, `) or a glob makes the command
// unresolvable, since only the shell could say what it becomes.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord, dynamic := false, false
	end := func() {
		if inWord {
			w := cur.String()
			if dynamic && len(words) == 0 && !isAssignment(w) {
				words = append(words, "\x00") // marks the program as unknowable
			} else {
				words = append(words, w)
			}
		}
		cur.Reset()
		inWord, dynamic = false, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			if s[i] != '\n' {
				cur.WriteByte(s[i])
				inWord = true
			}
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unterminated single quote")
			}
			cur.WriteString(s[i+1 : i+1+j])
			inWord, i = true, i+1+j
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\\n", s[i+1]) >= 0 {
					i++
				} else if s[i] == '$' || s[i] == '`' {
					dynamic = true
				}
				cur.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New("unterminated double quote")
			}
			inWord = true
		case c == ' ' || c == '\t':
			end()
		case strings.IndexByte(";&|\n<>()", c) >= 0:
			end()
			return dropAssignments(words)
		case c == '#' && !inWord:
			end()
			return dropAssignments(words)
		default:
			if strings.IndexByte("$`*?[~", c) >= 0 {
				dynamic = true
			}
			cur.WriteByte(c)
			inWord = true
		}
	}
	end()
	return dropAssignments(words)
}

func dropAssignments(words []string) ([]string, error) {
	for len(words) > 0 && isAssignment(words[0]) {
		words = words[1:]
	}
	if len(words) > 0 && words[0] == "\x00" {
		return nil, errUnresolvable
	}
	return words, nil
}

// isAssignment reports whether a shell word is NAME=value.
func isAssignment(w string) bool {
	name, _, ok := strings.Cut(w, "=")
	if !ok || name == "" {
		return false
	}
	for i, c := range name {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// shells run their -c argument as a script.
var shells = []string{"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"}

// unwrap follows a command through the wrappers that only start another program
// (sh -c, env, nohup, setsid, nice, exec, timeout) to the program that does the
// work, returning its argument list. It gives up after a few levels.
func unwrap(argv []string) ([]string, error) {
	for range 8 {
		if len(argv) == 0 {
			return nil, nil
		}
		name := path.Base(argv[0])
		switch {
		case slices.Contains(shells, name):
			i := slices.Index(argv, "-c")
			if name == "busybox" && len(argv) > 1 && slices.Contains(shells, argv[1]) {
				i = slices.Index(argv[2:], "-c")
				if i >= 0 {
					i += 2
				}
			}
			if i < 0 || i+1 >= len(argv) {
				return argv, nil // a script file run by the shell: the shell is what starts
			}
			w, err := shellWords(argv[i+1])
			if err != nil {
				return nil, err
			}
			argv = w
		case name == "env":
			argv = argv[1:]
			for len(argv) > 0 && (strings.HasPrefix(argv[0], "-") || isAssignment(argv[0])) {
				argv = argv[1:]
			}
		case name == "nohup" || name == "setsid" || name == "exec":
			argv = argv[1:]
			for len(argv) > 0 && strings.HasPrefix(argv[0], "-") {
				argv = argv[1:]
			}
		case name == "nice" || name == "timeout":
			argv = argv[1:]
			for len(argv) > 0 && strings.HasPrefix(argv[0], "-") {
				if argv[0] == "-n" || argv[0] == "-s" || argv[0] == "-k" {
					argv = argv[1:]
				}
				argv = argv[1:]
			}
			if name == "timeout" && len(argv) > 0 {
				argv = argv[1:] // the duration
			}
		default:
			return argv, nil
		}
	}
	return nil, errors.New("too many wrappers")
}

// defaultPath is where a bare program name is looked up: systemd's fixed search
// path for units, which is also cron's default with the sbin folders added.
var defaultPath = []string{"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"}

// resolver resolves paths inside a root as the scanned system would, links
// included, and remembers the folders it resolved: units and crontabs name the
// same few folders again and again.
type resolver struct {
	root *os.Root
	dirs map[string]resolved
}

type resolved struct {
	rel string
	err error
}

func newResolver(root *os.Root) *resolver {
	return &resolver{root: root, dirs: map[string]resolved{}}
}

// program finds a program inside the root: an absolute path as it is, a bare name
// through search (nil: defaultPath). The result is the regular file the program
// really is, as a relative slash path for os.Root.
func (r *resolver) program(name string, search []string) (string, error) {
	if name == "" || strings.ContainsAny(name, "\x00$`") {
		return "", errUnresolvable
	}
	if strings.Contains(name, "/") {
		if !strings.HasPrefix(name, "/") {
			return "", errors.New("relative program path " + name)
		}
		return r.file(name)
	}
	if search == nil {
		search = defaultPath
	}
	var last error = fs.ErrNotExist
	for _, dir := range search {
		if !strings.HasPrefix(dir, "/") {
			continue
		}
		rel, err := r.file(path.Join(dir, name))
		if err == nil {
			return rel, nil
		}
		last = err
	}
	return "", last
}

// file resolves an absolute path to the regular file it leads to inside the root.
func (r *resolver) file(abs string) (string, error) {
	abs = path.Clean("/" + abs)
	dir, base := path.Split(abs)
	d, err := r.dir(path.Clean(dir))
	if err != nil {
		return "", err
	}
	rel := path.Join(d, base)
	fi, err := r.root.Lstat(orDot(rel))
	switch {
	case err != nil:
		return "", err
	case fi.Mode()&fs.ModeSymlink != 0:
		return resolveFile(r.root, "/"+rel)
	case !fi.Mode().IsRegular():
		return "", fmt.Errorf("/%s: %w", rel, errNotRegular)
	}
	return rel, nil
}

// dir resolves a folder's path, once.
func (r *resolver) dir(abs string) (string, error) {
	if abs == "/" {
		return "", nil
	}
	if d, ok := r.dirs[abs]; ok {
		return d.rel, d.err
	}
	rel, err := resolveLinks(r.root, abs)
	r.dirs[abs] = resolved{rel, err}
	return rel, err
}

// resolveFile resolves every symbolic link of an absolute path inside the root
// and returns the relative path of the regular file it leads to.
func resolveFile(root *os.Root, abs string) (string, error) {
	rel, err := resolveLinks(root, abs)
	if err != nil {
		return "", err
	}
	fi, err := root.Lstat(orDot(rel))
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("/%s: %w", rel, errNotRegular)
	}
	return rel, nil
}

// resolveLinks resolves every symbolic link of an absolute path inside the root
// (an absolute target starts again at the root; ".." stops at it) and returns the
// relative path it leads to, whatever is there.
func resolveLinks(root *os.Root, abs string) (string, error) {
	rest := strings.Split(strings.Trim(path.Clean(abs), "/"), "/")
	var done []string
	for hops := 0; len(rest) > 0; {
		name := rest[0]
		rest = rest[1:]
		switch name {
		case "", ".":
			continue
		case "..":
			if len(done) > 0 {
				done = done[:len(done)-1]
			}
			continue
		}
		cur := path.Join(append(done, name)...)
		fi, err := root.Lstat(cur)
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			done = append(done, name)
			continue
		}
		if hops++; hops > 40 {
			return "", errors.New(abs + ": too many levels of symbolic links")
		}
		target, err := root.Readlink(cur)
		if err != nil {
			return "", err
		}
		if strings.HasPrefix(target, "/") {
			done = nil
		}
		rest = append(strings.Split(target, "/"), rest...)
	}
	return path.Join(done...), nil
}
