package host

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// CronEntry is one job line of a crontab.
type CronEntry struct {
	Line     int
	Schedule string // "*/5 * * * *" or "@reboot"
	User     string // the user field of a system crontab; "" in a user's crontab
	Command  string // the command, up to its first unescaped % (the rest is its input)
	Path     string // the PATH the crontab set before this line, or ""
}

// cronNicknames stand for the five time fields.
var cronNicknames = []string{"@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}

// ParseCrontab reads a crontab: a user's (minute hour day month weekday command)
// or, with system, /etc/crontab and /etc/cron.d's form with a user field before the
// command. Variable lines (NAME=value) are kept for PATH. A line that is neither is
// an error naming it; the lines before it are kept.
func ParseCrontab(r io.Reader, system bool) ([]CronEntry, error) {
	var out []CronEntry
	sc := bufio.NewScanner(io.LimitReader(r, maxUnitSize))
	sc.Buffer(make([]byte, 0, 4096), maxUnitSize)
	pathVar, n := "", 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if name, val, ok := cronVariable(line); ok {
			if name == "PATH" {
				pathVar = val
			}
			continue
		}
		e := CronEntry{Line: n, Path: pathVar}
		fields := strings.Fields(line)
		nsched := 5
		if strings.HasPrefix(fields[0], "@") {
			if !slices.Contains(cronNicknames, fields[0]) {
				return out, fmt.Errorf("line %d: unknown schedule %q", n, fields[0])
			}
			nsched = 1
		}
		need := nsched + 1
		if system {
			need++
		}
		if len(fields) < need {
			return out, fmt.Errorf("line %d: want %d schedule fields%s and a command", n, nsched, map[bool]string{true: ", a user"}[system])
		}
		e.Schedule = strings.Join(fields[:nsched], " ")
		if nsched == 5 && !cronTimeFields(fields[:5]) {
			return out, fmt.Errorf("line %d: %q is not a cron schedule", n, e.Schedule)
		}
		rest := fields[nsched:]
		if system {
			e.User, rest = rest[0], rest[1:]
		}
		e.Command = cronCommand(afterFields(line, len(fields)-len(rest)))
		out = append(out, e)
	}
	if err := sc.Err(); err != nil && !errors.Is(err, bufio.ErrTooLong) {
		return out, err
	}
	return out, nil
}

// cronVariable reads NAME=value (the value optionally quoted).
func cronVariable(line string) (string, string, bool) {
	name, val, ok := strings.Cut(line, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.ContainsAny(name, " \t") || strings.HasPrefix(name, "@") || !isAssignment(name+"=") {
		return "", "", false
	}
	val = strings.TrimSpace(val)
	if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
		val = val[1 : len(val)-1]
	}
	return name, val, true
}

// cronTimeFields checks the five time fields' alphabet: digits, *, -, /, commas and
// month or weekday names.
func cronTimeFields(f []string) bool {
	for _, x := range f {
		for _, c := range strings.ToLower(x) {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || strings.ContainsRune("*-/,?LW#", c)) {
				return false
			}
		}
	}
	return true
}

// afterFields returns line without its first n whitespace-separated fields.
func afterFields(line string, n int) string {
	s := line
	for range n {
		s = strings.TrimLeft(s, " \t")
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			return ""
		}
		s = s[i:]
	}
	return strings.TrimSpace(s)
}

// cronCommand cuts a command at its first unescaped %: cron feeds what follows to
// the command as input, and turns \% into %.
func cronCommand(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '%':
			b.WriteByte('%')
			i++
		case s[i] == '%':
			return strings.TrimSpace(b.String())
		default:
			b.WriteByte(s[i])
		}
	}
	return strings.TrimSpace(b.String())
}
