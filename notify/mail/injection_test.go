package mail

import (
	"bytes"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify/store"
)

// hostile are values a tenant could put in a host name, a path, a server name or
// any evidence string.
var hostile = map[string]string{
	"crlf header":      "web-1\r\nBcc: victim@evil.example\r\nX-Injected: yes",
	"lf header":        "web-1\nBcc: victim@evil.example",
	"cr only":          "web-1\rBcc: victim@evil.example",
	"blank line body":  "x\r\n\r\n<html>fake body</html>",
	"html script":      `<script>alert("x")</script>`,
	"html attribute":   `"><img src=x onerror=alert(1)>`,
	"html comment":     "<!-- --><a href='javascript:alert(1)'>click</a>",
	"boundary guess":   "\r\n--aupscan-000000000000000000000000\r\nContent-Type: text/html\r\n\r\n<b>fake</b>",
	"encoded word":     "=?utf-8?b?QmNjOiB2aWN0aW1AZXZpbC5leGFtcGxl?=",
	"bidi override":    "invoice\u202Egpj.exe",
	"line separator":   "a\u2028Bcc: b@evil.example",
	"invalid utf-8":    "bad\xff\xfe\x00bytes",
	"nul and controls": "a\x00b\x1bc\x7fd",
	"very long":        strings.Repeat("A", 100000),
	"long unicode":     strings.Repeat("界\r\n", 20000),
	"dot line":         "x\r\n.\r\nMAIL FROM:<evil@evil.example>",
}

// setters put a value in one tenant-controlled field of a case.
var setters = map[string]func(*store.Case, string){
	"host":       func(c *store.Case, v string) { c.Host = v },
	"subject":    func(c *store.Case, v string) { c.Subject, c.Kind = v, "process" },
	"path":       func(c *store.Case, v string) { c.Subject, c.Kind, c.FlowProto = v, "file", "" },
	"evidence":   func(c *store.Case, v string) { c.Evidence = v },
	"source":     func(c *store.Case, v string) { c.Source = v },
	"sha256":     func(c *store.Case, v string) { c.SHA256 = v },
	"rule name":  func(c *store.Case, v string) { c.RuleName = v },
	"rule":       func(c *store.Case, v string) { c.Rule = v },
	"category":   func(c *store.Case, v string) { c.Category = v },
	"confidence": func(c *store.Case, v string) { c.Confidence = v },
	"flow proto": func(c *store.Case, v string) { c.FlowProto = v },
}

// TestInjection renders every stage with every hostile value in every tenant-controlled
// field and checks the message: the same header fields and nothing else, every header
// on one logical line, two MIME parts, no markup reaching the HTML part unescaped, no
// control character in the text part, and a bounded size.
func TestInjection(t *testing.T) {
	r := newTestRenderer(t)
	wantHeaders := []string{"Auto-Submitted", "Content-Type", "Date", "From", "Message-Id", "Mime-Version",
		"Reply-To", "Subject", "To", "X-Aupscan-Cases"}
	for _, loc := range Locales {
		for field, set := range setters {
			for name, v := range hostile {
				n := fixtureNotice(t, loc, store.StageWarning, store.StageFinal)
				set(&n.Items[0].Case, v)
				n.Items[0].RuleName = ""
				for _, single := range []bool{true, false} {
					nn := n
					if single {
						nn.Items = n.Items[:1]
					}
					m, err := r.Render(nn)
					if err != nil {
						t.Fatalf("%s/%s/%s: %v", loc, field, name, err)
					}
					checkMessage(t, loc+"/"+field+"/"+name, m.Raw, wantHeaders)
				}
			}
		}
	}
}

func checkMessage(t *testing.T, what string, raw []byte, wantHeaders []string) {
	t.Helper()
	if len(raw) > 96<<10 {
		t.Errorf("%s: message of %d bytes: long values are not cut", what, len(raw))
	}
	head, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	var names []string
	for _, line := range strings.Split(string(head), "\r\n") {
		if len(line) > 998 {
			t.Errorf("%s: header line of %d bytes", what, len(line))
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("%s: bare CR or LF in header line %q", what, line)
		}
		if line != "" && line[0] != ' ' && line[0] != '\t' {
			k, _, _ := strings.Cut(line, ":")
			names = append(names, canonical(k))
		}
	}
	if strings.Join(names, ",") != strings.Join(wantHeaders, ",") && !sameSet(names, wantHeaders) {
		t.Errorf("%s: header fields %v, want %v", what, names, wantHeaders)
	}
	h, text, html := testenv.MessageParts(t, raw)
	if s := testenv.DecodedSubject(t, h); strings.ContainsAny(s, "\r\n") {
		t.Errorf("%s: subject decodes to a line break: %q", what, s)
	}
	if len(h["To"]) != 1 || strings.Contains(strings.ToLower(h.Get("To")), "evil") {
		t.Errorf("%s: recipients %q", what, h["To"])
	}
	for _, bad := range []string{"<script", "<img", "<a href='javascript", "<!--", "<html>fake", "<b>fake"} {
		if strings.Contains(html, bad) {
			t.Errorf("%s: HTML part contains %q unescaped", what, bad)
		}
	}
	for _, r := range text {
		if (r < 0x20 && r != '\n' && r != '\r') || r == 0x7f || r == 0x202e || r == 0x2028 {
			t.Errorf("%s: text part contains control %U", what, r)
			break
		}
	}
	if strings.Contains(text, "\n.\r\n") || strings.Contains(text, "\r\n.\r\n") {
		t.Errorf("%s: a lone dot line reached the text part", what)
	}
}

func canonical(k string) string {
	k = strings.ToLower(k)
	b := []byte(k)
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
		up = c == '-'
	}
	return string(b)
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		if m[x]--; m[x] < 0 {
			return false
		}
	}
	return true
}

// TestCleanTruncates checks the cutting and escaping helper on its own.
func TestCleanTruncates(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"plain", 100, "plain"},
		{"a\r\nb", 100, `a\x0d\x0ab`},
		{"rtl\u202Eexe", 100, `rtl\u202eexe`},
		{"bad\xffutf", 100, "bad\uFFFDutf"},
		{strings.Repeat("x", 10), 5, "xxxxx…"},
		{"ab\r\n", 4, "ab…"}, // an escape is never cut in half
		{"界界界", 2, "界界…"},
	}
	for _, tt := range tests {
		if got := clean(tt.in, tt.max); got != tt.want {
			t.Errorf("clean(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}
