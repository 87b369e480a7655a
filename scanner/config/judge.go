package config

import (
	"fmt"
	"slices"
	"strings"
)

// A judge decides what a directive file of one program means. It is Go code where
// keys alone cannot say it: access rules read in order, flags that turn a port off,
// a mode set by one of several directives. Every judge is named in
// signatures.ConfigJudges, which rules are checked against.
type judge struct {
	opts  DirectiveOptions
	judge func(ds []Directive) (Verdict, bool)
}

// judges are the built-in judges by name.
var judges = map[string]judge{
	"dante":     {DirectiveOptions{Comments: "#", Blocks: true}, judgeDante},
	"openvpn":   {DirectiveOptions{Comments: "#;", InlineFiles: true}, judgeOpenVPN},
	"privoxy":   {DirectiveOptions{Comments: "#"}, judgePrivoxy},
	"squid":     {DirectiveOptions{Comments: "#", Continue: true}, judgeSquid},
	"tinyproxy": {DirectiveOptions{Comments: "#"}, judgeTinyproxy},
	"tor":       {DirectiveOptions{Comments: "#", Continue: true}, judgeTor},
}

// JudgeNames returns the names of the built-in judges, sorted.
func JudgeNames() []string {
	names := make([]string, 0, len(judges))
	for n := range judges {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Judge runs the named judge on a file's bytes.
func Judge(name string, data []byte) (Verdict, bool, error) {
	j, ok := judges[name]
	if !ok {
		return Verdict{}, false, fmt.Errorf("unknown judge %q", name)
	}
	ds, err := ReadDirectives(data, j.opts)
	if err != nil {
		return Verdict{}, false, fmt.Errorf("%s: %w", name, err)
	}
	v, ok := j.judge(ds)
	return v, ok, nil
}

// key returns a directive's key in lower case, without the "--" an OpenVPN file may
// carry over from the command line.
func key(d Directive) string { return strings.ToLower(strings.TrimPrefix(d.Key, "--")) }

// arg returns the directive's ith word, or "".
func arg(d Directive, i int) string {
	if i < len(d.Args) {
		return d.Args[i]
	}
	return ""
}

// rest returns the directive's words from the ith on.
func rest(d Directive, i int) []string {
	if i < len(d.Args) {
		return d.Args[i:]
	}
	return nil
}

// at names where a directive sits in evidence: "line 12".
func at(d Directive) string { return fmt.Sprintf("line %d", d.Line) }

// describe writes where a listening address is for evidence: "all addresses", or
// the address itself ("192.0.2.1:9001", "eth0").
func describe(l Listen) string {
	if l.Host == "" {
		return "all addresses"
	}
	l.Port = ""
	return l.String()
}

// directive writes a directive and where it listens for evidence:
// "ORPort 9001 on all addresses (line 3)".
func directive(d Directive, l Listen) string {
	sep := " "
	if strings.HasSuffix(d.Key, ":") {
		sep = ""
	}
	return fmt.Sprintf("%s%s%s on %s (%s)", d.Key, sep, shown(d.Value), describe(l), at(d))
}

// access follows ordered allow and deny rules for a client from beyond loopback, as
// squid, tinyproxy and Dante apply them (first match wins). It tracks who is still
// undecided: everyone at first; only private ranges once a rule has turned away the
// rest; no one once a rule has turned away everyone.
type access struct {
	left Reach
}

// cover says whom a deny rule turns away entirely.
type cover int

const (
	coverNone   cover = iota // some sources only: it decides nothing for the rest
	coverPublic              // everyone but private ranges ("!localnet")
	coverAll                 // everyone ("all", "!localhost")
)

func newAccess() *access { return &access{left: ReachBeyond} }

// allow returns who an allow rule that passes clients of reach pass lets in
// (ReachLoopback or less: no one from beyond loopback).
func (a *access) allow(pass Reach) Reach { return min(pass, a.left) }

// deny records a deny rule.
func (a *access) deny(c cover) {
	switch c {
	case coverAll:
		a.left = ReachNone
	case coverPublic:
		a.left = min(a.left, ReachPrivate)
	}
}

// closed reports whether no one from beyond loopback is left undecided.
func (a *access) closed() bool { return a.left <= ReachLoopback }

// everyone reports whether an access source is every address.
func everyone(s string) bool {
	switch strings.ToLower(s) {
	case "all", "any", "*", "0/0", "0.0.0.0/0", "::/0", "0.0.0.0/0.0.0.0":
		return true
	}
	return false
}

// opened makes the verdict of a server whose access rules let in clients of reach r:
// private ranges only are named as such, at low confidence, since the scanner cannot
// tell whose private network it is.
func opened(r Reach, parts ...string) Verdict {
	v := server(parts...)
	if r == ReachPrivate {
		v = server(append(parts, "clients from private ranges only")...)
		v.Confidence = "low"
	}
	return v
}
