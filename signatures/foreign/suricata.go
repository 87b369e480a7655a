package foreign

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// ConvertSuricata converts Suricata and Snort rules into traffic rules: content
// in the payload (nocase, offset, depth), the sticky buffers tls.sni, dns.query
// and http.host (and their older forms tls_sni, dns_query, http_host after a
// content), ja3.hash, flow:to_server and to_client, and the header's protocol and
// destination ports. Relative placement (distance, within), pcre, byte tests, flow
// bits and the other buffers keep a rule out.
func ConvertSuricata(file string, data []byte) *Result {
	r := &Result{File: file}
	eachLine(data, func(line string, n int) {
		r.Seen++
		rule, name, notes, err := suricataRule(line, file)
		if err != nil {
			r.Problems = append(r.Problems, Problem{File: file, Line: n, Rule: name, Message: err.Error()})
			return
		}
		for _, note := range notes {
			r.Problems = append(r.Problems, Problem{File: file, Line: n, Rule: name, Message: note, Approximated: true})
		}
		r.Rules = append(r.Rules, rule)
	})
	return r
}

var suricataHeadRe = regexp.MustCompile(`^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(->|<>|=>)\s+(\S+)\s+(\S+)\s*\((.*)\)\s*$`)

// suricataOption is one "keyword:value" of a rule's options.
type suricataOption struct{ key, value string }

// suricataOptions splits a rule's options at unquoted semicolons.
func suricataOptions(s string) ([]suricataOption, error) {
	var out []suricataOption
	var cur strings.Builder
	inQuote := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			cur.WriteByte(c)
			cur.WriteByte(s[i+1])
			i++
			continue
		case c == '"':
			inQuote = !inQuote
		case c == ';' && !inQuote:
			opt := strings.TrimSpace(cur.String())
			cur.Reset()
			if opt == "" {
				continue
			}
			k, v, _ := strings.Cut(opt, ":")
			out = append(out, suricataOption{strings.TrimSpace(k), strings.TrimSpace(v)})
			continue
		}
		cur.WriteByte(c)
	}
	if inQuote {
		return nil, fmt.Errorf("unclosed quote in the options")
	}
	if rest := strings.TrimSpace(cur.String()); rest != "" {
		return nil, fmt.Errorf("options do not end with ';': %.40q", rest)
	}
	return out, nil
}

// suricataBuffer is what a content applies to.
type suricataBuffer int

const (
	bufPayload suricataBuffer = iota
	bufSNI
	bufDNS
	bufHost
	bufJA3
)

// pendingContent is a content with its modifiers, before it is placed.
type pendingContent struct {
	raw                  []byte
	nocase               bool
	offset, depth        int
	startsWith, endsWith bool
	dotprefix            bool
	buf                  suricataBuffer
}

func suricataRule(line, file string) (*Rule, string, []string, error) {
	m := suricataHeadRe.FindStringSubmatch(line)
	if m == nil {
		return nil, "", nil, fmt.Errorf("not a rule: want ACTION PROTO SRC SPORT -> DST DPORT (OPTIONS)")
	}
	opts, err := suricataOptions(m[8])
	if err != nil {
		return nil, "", nil, err
	}
	var msg, sid, classtype string
	var refs []string
	priority := 0
	for _, o := range opts {
		switch o.key {
		case "msg":
			msg = unquote(o.value)
		case "sid":
			sid = o.value
		case "classtype":
			classtype = o.value
		case "priority":
			priority, _ = strconv.Atoi(o.value)
		case "reference":
			if kind, v, ok := strings.Cut(o.value, ","); ok && kind == "url" {
				refs = append(refs, "https://"+strings.TrimPrefix(strings.TrimPrefix(v, "http://"), "https://"))
			}
		}
	}
	name := msg
	if name == "" {
		name = "sid " + sid
	}
	if m[1] != "alert" {
		return nil, name, nil, fmt.Errorf("action %s: only alert rules report (drop, pass and firewall rules do not)", m[1])
	}
	t := &Traffic{}
	var notes []string
	switch proto := m[2]; proto {
	case "tcp", "http", "tls", "ssh", "ftp", "smtp", "http2", "tcp-pkt", "tcp-stream":
		t.Transport = "tcp"
	case "udp", "dns", "quic", "dhcp", "ntp":
		t.Transport = "udp"
	case "ip", "any", "pkthdr":
	default:
		return nil, name, nil, fmt.Errorf("protocol %s does not map", proto)
	}
	if m[2] == "dns" {
		t.Transport = "" // DNS runs over both
	}
	ports, note := suricataPorts(m[7])
	t.Ports = ports
	if note != "" {
		notes = append(notes, note)
	}
	direction := ""
	var contents []*pendingContent
	var cur *pendingContent
	buf := bufPayload
	dot := false // the dotprefix transform on the current buffer
	for _, o := range opts {
		switch o.key {
		case "msg", "sid", "rev", "classtype", "priority", "reference", "metadata", "target", "gid",
			"fast_pattern", "threshold", "detection_filter", "tag":
		case "flow":
			for _, f := range strings.Split(o.value, ",") {
				switch strings.TrimSpace(f) {
				case "to_server", "from_client":
					direction = "client"
				case "to_client", "from_server":
					direction = "server"
				case "established", "stateless", "not_established":
				default:
					return nil, name, nil, fmt.Errorf("flow:%s does not map", f)
				}
			}
		case "content":
			if strings.HasPrefix(o.value, "!") {
				return nil, name, nil, fmt.Errorf("negated content does not map")
			}
			raw, err := suricataContent(unquote(o.value))
			if err != nil {
				return nil, name, nil, err
			}
			cur = &pendingContent{raw: raw, buf: buf, dotprefix: dot}
			contents = append(contents, cur)
		case "tls.sni", "tls_sni":
			if o.key == "tls_sni" && cur != nil {
				cur.buf = bufSNI
			}
			buf, dot = bufSNI, false
		case "dns.query", "dns_query":
			if o.key == "dns_query" && cur != nil {
				cur.buf = bufDNS
			}
			buf, dot = bufDNS, false
		case "http.host", "http_host":
			if o.key == "http_host" && cur != nil {
				cur.buf = bufHost
			}
			buf, dot = bufHost, false
		case "ja3.hash", "ja3_hash":
			if o.key == "ja3_hash" && cur != nil {
				cur.buf = bufJA3
			}
			buf, dot = bufJA3, false
		case "pkt_data":
			buf, dot = bufPayload, false
		case "dotprefix": // a transform of the sticky buffer, before its content
			dot = true
		case "nocase", "offset", "depth", "startswith", "endswith":
			if cur == nil {
				return nil, name, nil, fmt.Errorf("%s before any content", o.key)
			}
			n, _ := strconv.Atoi(o.value)
			switch o.key {
			case "nocase":
				cur.nocase = true
			case "offset":
				cur.offset = n
			case "depth":
				cur.depth = n
			case "startswith":
				cur.startsWith = true
			case "endswith":
				cur.endsWith = true
			}
		default:
			return nil, name, nil, fmt.Errorf("keyword %s does not map (relative placement, pcre, byte tests, flow bits and other buffers do not)", o.key)
		}
	}
	for _, c := range contents {
		if err := placeContent(t, c, direction); err != nil {
			return nil, name, nil, err
		}
	}
	if len(t.Content)+len(t.JA3) == 0 && t.TLSServerName == nil && t.DNSQuery == nil && t.HTTPHost == nil {
		return nil, name, nil, fmt.Errorf("no content, name or JA3 condition: a rule of addresses and ports alone is not a finding here")
	}
	rule := &Rule{ID: ruleID("suricata", "sid-"+sid), Name: name, Category: categoryOf(msg + " " + classtype),
		Severity: suricataSeverity(priority, classtype), References: refs,
		Description: fmt.Sprintf("Suricata rule sid %s (%s), imported from %s: %s", sid, classtype, baseName(file), msg),
		Traffic:     []*Traffic{t}}
	if sid == "" {
		return nil, name, nil, fmt.Errorf("rule without a sid")
	}
	return rule, name, notes, nil
}

// placeContent turns a content into a payload pattern or a name condition.
func placeContent(t *Traffic, c *pendingContent, direction string) error {
	if c.buf == bufPayload {
		if c.startsWith || c.endsWith || c.dotprefix {
			return fmt.Errorf("startswith, endswith and dotprefix on payload content do not map")
		}
		ct := &Content{NoCase: c.nocase, Offset: c.offset, Depth: c.depth, Direction: direction}
		if isPlainText(string(c.raw)) {
			ct.Text = string(c.raw)
		} else {
			if c.nocase {
				return fmt.Errorf("nocase on content that is not text")
			}
			ct.Hex = spacedHex(c.raw)
		}
		t.Content = append(t.Content, ct)
		return nil
	}
	if c.offset != 0 || c.depth != 0 {
		return fmt.Errorf("offset or depth within a sticky buffer does not map")
	}
	v := strings.ToLower(string(c.raw))
	if !isPlainText(v) {
		return fmt.Errorf("a name that is not text")
	}
	if c.buf == bufJA3 {
		if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(v) || c.startsWith || c.endsWith {
			return fmt.Errorf("ja3.hash content %q is not a whole JA3 hash", v)
		}
		t.JA3 = append(t.JA3, v)
		return nil
	}
	n := &Names{}
	q := regexp.QuoteMeta(strings.TrimSuffix(v, "."))
	switch {
	case c.dotprefix && c.endsWith && strings.HasPrefix(v, "."):
		n.Suffix = []string{strings.TrimPrefix(v, ".")} // the name or a name under it, by labels
	case c.startsWith && c.endsWith:
		n.Exact = []string{v}
	case c.endsWith:
		n.Regex = []string{".*" + q}
	case c.startsWith:
		n.Regex = []string{q + ".*"}
	default:
		n.Regex = []string{".*" + q + ".*"} // content in a buffer matches anywhere in it
	}
	target := map[suricataBuffer]**Names{bufSNI: &t.TLSServerName, bufDNS: &t.DNSQuery, bufHost: &t.HTTPHost}[c.buf]
	if *target != nil {
		return fmt.Errorf("two contents on one name buffer (both must hold) do not map")
	}
	*target = n
	return nil
}

// suricataContent decodes a content string: text with |hex| runs and \" \; \\ escapes.
func suricataContent(s string) ([]byte, error) {
	var out []byte
	inHex := false
	var hexbuf strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '|':
			if inHex {
				h := strings.ReplaceAll(hexbuf.String(), " ", "")
				if len(h)%2 != 0 {
					return nil, fmt.Errorf("content hex |%s| has an odd number of digits", hexbuf.String())
				}
				for j := 0; j < len(h); j += 2 {
					v, err := strconv.ParseUint(h[j:j+2], 16, 8)
					if err != nil {
						return nil, fmt.Errorf("content hex |%s|", hexbuf.String())
					}
					out = append(out, byte(v))
				}
				hexbuf.Reset()
			}
			inHex = !inHex
		case inHex:
			hexbuf.WriteByte(c)
		case c == '\\' && i+1 < len(s):
			i++
			out = append(out, s[i])
		default:
			out = append(out, c)
		}
	}
	if inHex {
		return nil, fmt.Errorf("content hex not closed")
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty content")
	}
	return out, nil
}

func spacedHex(b []byte) string {
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = fmt.Sprintf("%02x", c)
	}
	return strings.Join(parts, " ")
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return s
}

// suricataPorts reads the destination ports: numbers and lists become ports;
// "any" and variables ($HTTP_PORTS) none, with a note that the rule is wider.
func suricataPorts(s string) ([]int, string) {
	if s == "any" {
		return nil, ""
	}
	var out []int
	for _, p := range strings.Split(strings.Trim(s, "[]"), ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 || n > 65535 {
			return nil, fmt.Sprintf("destination ports %s (variables, ranges, negations) not checked: the rule is wider", s)
		}
		out = append(out, n)
	}
	return out, ""
}

// suricataSeverity maps a rule's priority (or its class's usual one) to severity.
func suricataSeverity(priority int, classtype string) string {
	if priority == 0 {
		switch classtype {
		case "trojan-activity", "command-and-control", "exploit-kit", "attempted-admin", "successful-admin":
			priority = 1
		case "policy-violation", "bad-unknown", "coin-mining", "misc-activity":
			priority = 2
		default:
			priority = 3
		}
	}
	switch priority {
	case 1:
		return "high"
	case 2:
		return "medium"
	}
	return "low"
}
