package signatures

import (
	"fmt"
	"strconv"
	"strings"
)

// Conditions describes a rule's conditions in short lines, for `aupscan rules show`.
func Conditions(r *Rule) []string {
	var out []string
	for i, t := range r.Traffic {
		if len(r.Traffic) > 1 {
			out = append(out, fmt.Sprintf("traffic, alternative %d of %d (all of):", i+1, len(r.Traffic)))
		} else {
			out = append(out, "traffic (all of):")
		}
		out = append(out, indent(trafficConditions(t))...)
	}
	if f := r.File; f != nil {
		out = append(out, "file (any of):")
		out = append(out, indent(fileConditions(f))...)
	}
	for i, c := range r.Config {
		if len(r.Config) > 1 {
			out = append(out, fmt.Sprintf("config, alternative %d of %d:", i+1, len(r.Config)))
		} else {
			out = append(out, "config:")
		}
		out = append(out, indent(configConditions(c))...)
	}
	if p := r.Package; p != nil {
		out = append(out, "package, any of:")
		for _, m := range []struct {
			mgr   string
			names []string
		}{{"any manager", p.Names}, {"dpkg", p.Dpkg}, {"rpm", p.RPM}, {"apk", p.APK}} {
			if len(m.names) > 0 {
				out = append(out, fmt.Sprintf("  %s: %s", m.mgr, strings.Join(m.names, ", ")))
			}
		}
	}
	if p := r.Process; p != nil {
		line := "process named " + strings.Join(p.Names, ", ")
		if len(p.ListenPorts) > 0 {
			line += ", listening on port " + joinInts(p.ListenPorts)
		}
		out = append(out, line)
	}
	if c := r.Container; c != nil {
		out = append(out, "container image, any of: "+strings.Join(c.Images, ", "))
	}
	return out
}

func trafficConditions(t *Traffic) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if t.Fingerprint != "" {
		add("fingerprint %s", t.Fingerprint)
	}
	if t.Transport != "" {
		add("transport %s", t.Transport)
	}
	if len(t.Ports) > 0 {
		add("server port %s", joinInts(t.Ports))
	}
	for _, c := range t.Content {
		add("payload has %s (offset %d, depth %d, direction %s)", c.Display(), c.Offset, c.Depth, or(c.Direction, "either"))
	}
	for _, nc := range t.NameConditions() {
		add("%s %s", nc.What, nc.Names.describe())
	}
	if len(t.JA3) > 0 {
		add("JA3 one of %s", strings.Join(t.JA3, ", "))
	}
	if len(t.JA4) > 0 {
		add("JA4 one of %s", strings.Join(t.JA4, ", "))
	}
	if a := t.Addrs(); a != nil {
		add("server address in %d ranges (%s)", a.Len(), strings.Join(append(t.Addresses, t.AddressFiles...), ", "))
	}
	return out
}

func fileConditions(f *FileCond) []string {
	var out []string
	if len(f.Patterns) > 0 {
		line := fmt.Sprintf("%d of these %d patterns, in %s files", f.Need(), len(f.Patterns), or(f.Type, "any"))
		if len(f.Paths) > 0 {
			line += " at " + strings.Join(f.Paths, ", ")
		}
		out = append(out, line)
		for _, p := range f.Patterns {
			line := "  " + p.Label()
			if p.Offset != 0 || p.Depth != 0 {
				line += fmt.Sprintf(" (offset %d, depth %d)", p.Offset, p.Depth)
			}
			if p.Required {
				line += " (required)"
			}
			out = append(out, line)
		}
	}
	if h := f.HashSet(); h != nil {
		line := fmt.Sprintf("hash in a set of %d (%d inline", h.Len(), len(f.Hashes))
		if len(f.HashFiles) > 0 {
			line += ", from " + strings.Join(f.HashFiles, ", ")
		}
		out = append(out, line+")")
	}
	if len(f.GoModules) > 0 {
		out = append(out, "Go program of module "+strings.Join(f.GoModules, ", "))
	}
	if len(f.GoDeps) > 0 {
		out = append(out, "Go program depending on "+strings.Join(f.GoDeps, ", "))
	}
	if f.Fallback {
		out = append(out, "(fallback: only when no other rule matched the file)")
	}
	return out
}

func (n *Names) describe() string {
	var parts []string
	if len(n.Exact) > 0 {
		parts = append(parts, "is "+strings.Join(n.Exact, ", "))
	}
	if len(n.Suffix) > 0 {
		parts = append(parts, "is in domain "+strings.Join(n.Suffix, ", "))
	}
	if len(n.Regex) > 0 {
		parts = append(parts, "matches /"+strings.Join(n.Regex, "/, /")+"/")
	}
	if len(n.SuffixFiles) > 0 {
		parts = append(parts, "is in a domain listed in "+strings.Join(n.SuffixFiles, ", "))
	}
	return strings.Join(parts, " or ")
}

func indent(lines []string) []string {
	for i := range lines {
		lines[i] = "  " + lines[i]
	}
	return lines
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
