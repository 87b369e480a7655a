package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/aupscan/aupscan/scanner"
	"github.com/aupscan/aupscan/signatures"
)

// maxElements bounds the elements a verdict names; the rest are counted.
const maxElements = 3

// judgeKeys judges a document by a section's keys: each element (of Each, or the
// document) whose tests hold and, for a server, that listens beyond loopback, is
// named in the evidence.
func judgeKeys(c *signatures.ConfigCond, d *Document) (Verdict, bool) {
	var found []string
	n := 0
	for _, el := range elements(c, d.Tree) {
		ev, ok := judgeElement(c, el, d.Tree)
		if !ok {
			continue
		}
		if n++; n <= maxElements {
			found = append(found, ev)
		}
	}
	if n == 0 {
		return Verdict{}, false
	}
	if n > maxElements {
		found = append(found, fmt.Sprintf("and %d more", n-maxElements))
	}
	v := Verdict{Evidence: clip(strings.Join(found, "; ")), Role: scanner.RoleServer}
	if c.RoleName() == signatures.ConfigClient {
		v.Role = scanner.RoleClient
	}
	return v, true
}

// elements are the parts of the document a section judges one by one.
func elements(c *signatures.ConfigCond, tree any) []Value {
	if c.EachPath().IsZero() {
		return []Value{{V: tree}}
	}
	var out []Value
	for _, v := range Lookup(tree, c.EachPath(), "") {
		if l, ok := v.V.([]any); ok { // "inbounds" written without [*]
			for i, e := range l {
				out = append(out, Value{fmt.Sprintf("%s[%d]", v.Path, i), e})
			}
			continue
		}
		out = append(out, v)
	}
	return out
}

// judgeElement checks one element of the document root: its tests, then where it
// listens.
func judgeElement(c *signatures.ConfigCond, el Value, root any) (string, bool) {
	var parts []string
	for _, t := range c.When {
		part, ok := runTest(t, el.V, root)
		if !ok {
			return "", false
		}
		parts = append(parts, part)
	}
	ev := strings.Join(parts, ", ")
	if c.RoleName() == signatures.ConfigServer {
		where, ok := listening(c, el.V, root)
		if !ok {
			return "", false
		}
		ev = strings.TrimSpace(ev + " on " + where)
	}
	if el.Path != "" {
		ev = el.Path + ": " + ev
	}
	return ev, true
}

// runTest runs one test on an element and words what passed. Only values the rule
// names are shown (a matched equals, in or regex); a key that is merely set is
// "KEY set", since it may hold a secret.
func runTest(t *signatures.ConfigTest, el, root any) (string, bool) {
	vals := lookupIn(el, root, t.Path())
	if t.Presence() {
		if (len(vals) > 0) == t.Negated() {
			return "", false
		}
		if t.Negated() {
			return "no " + t.Key, true
		}
		return vals[0].Path + " set", true
	}
	var hit *Value
	for _, v := range Scalars(vals) {
		s := v.V.(string)
		if (t.Regexp() != nil && t.Regexp().MatchString(s)) || slices.Contains(t.Values(), s) {
			hit = &v
			break
		}
	}
	switch {
	case (hit != nil) == t.Negated():
		return "", false
	case t.Negated():
		return fmt.Sprintf("%s not %s", t.Key, strings.Join(t.Values(), " or ")), true
	}
	return hit.Path + " " + shown(hit.V.(string)), true
}

// listening finds where an element listens and words the addresses beyond loopback;
// false when it listens only on loopback, on a Unix socket, or nowhere it says.
func listening(c *signatures.ConfigCond, el, root any) (string, bool) {
	var addrs []Listen
	fromDefault := false
	if !c.ListenPath().IsZero() {
		for _, v := range Scalars(lookupIn(el, root, c.ListenPath())) {
			addrs = append(addrs, ParseListen(v.V.(string)))
		}
	}
	if len(addrs) == 0 && c.ListenDefault != "" {
		addrs, fromDefault = []Listen{ParseListen(c.ListenDefault)}, true
	}
	port := ""
	if !c.PortPath().IsZero() {
		if ps := Scalars(lookupIn(el, root, c.PortPath())); len(ps) > 0 {
			port = ps[0].V.(string)
		}
	}
	if port == "" && c.PortDefault != 0 {
		port = strconv.Itoa(c.PortDefault)
	}
	var beyond []string
	for _, a := range addrs {
		if a.Reach != ReachBeyond {
			continue
		}
		if a.Port == "" {
			a.Port = port
		}
		beyond = append(beyond, a.String())
	}
	if len(beyond) == 0 {
		return "", false
	}
	where := strings.Join(beyond, " and ")
	if fromDefault {
		where += " (" + c.Listen + " absent: the default)"
		if c.Listen == "" {
			where = strings.Join(beyond, " and ")
		}
	}
	return where, true
}

// lookupIn looks p up in the element, or in the document when p starts with "$.".
func lookupIn(el, root any, p signatures.KeyPath) []Value {
	if p.Root {
		return Lookup(root, p, "$")
	}
	return Lookup(el, p, "")
}
