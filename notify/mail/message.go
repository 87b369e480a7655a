package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	netmail "net/mail"
	"sort"
	"strings"
	"time"

	"github.com/aupscan/aupscan/notify/store"
)

// A Message is a rendered notice: the exact bytes that every delivery attempt sends.
type Message struct {
	ID      string // Message-ID without angle brackets
	From    string // envelope sender
	To      []string
	Subject string
	Raw     []byte
}

// MessageID derives the Message-ID of a message carrying items: a hash of the
// database's instance id, the sorted (case, stage) set and gen (how many times the same
// set was queued before, 0 but for an operator's re-send). The same set always gives
// the same id, so any repeat of a notice is recognisable as one.
func MessageID(instance string, items []store.Item, gen int, domain string) string {
	sorted := append([]store.Item(nil), items...)
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].CaseID != sorted[j].CaseID {
			return sorted[i].CaseID < sorted[j].CaseID
		}
		return sorted[i].Stage < sorted[j].Stage
	})
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d", instance, gen)
	for _, it := range sorted {
		fmt.Fprintf(h, "\x00%d:%s", it.CaseID, it.Stage)
	}
	first := sorted[0]
	return fmt.Sprintf("aupscan.%s.%s.%s@%s", store.CaseRef(first.CaseID), stageOrDigest(sorted),
		hex.EncodeToString(h.Sum(nil)[:10]), domain)
}

func stageOrDigest(items []store.Item) string {
	if len(items) == 1 {
		return string(items[0].Stage)
	}
	return fmt.Sprintf("digest%d", len(items))
}

// TestMessage composes a short message to check the mail setup (`aupscan notify test
// --to ADDRESS`): from m.From, to one address, in both languages, with a Message-ID
// on domain.
func TestMessage(m *Config, to, domain string, now time.Time) (Message, error) {
	rcpt, err := netmail.ParseAddress(to)
	if err != nil {
		return Message{}, fmt.Errorf("test message: %w", err)
	}
	from, err := netmail.ParseAddress(m.From)
	if err != nil {
		return Message{}, fmt.Errorf("test message: mail.from: %w", err)
	}
	id := fmt.Sprintf("aupscan.test.%d@%s", now.UnixNano(), domain)
	text := "This is a test message from the aupscan notifier: the mail setup works.\n\n" +
		"这是 aupscan 通知系统发送的测试邮件，说明邮件配置工作正常。\n"
	html := "<p>This is a test message from the aupscan notifier: the mail setup works.</p>\n" +
		"<p>这是 aupscan 通知系统发送的测试邮件，说明邮件配置工作正常。</p>\n"
	raw, err := compose(id, now, *from, []netmail.Address{*rcpt}, nil, "aupscan test message / 测试邮件", text, html, nil)
	if err != nil {
		return Message{}, err
	}
	return Message{ID: id, From: from.Address, To: []string{rcpt.Address}, Subject: "aupscan test message", Raw: raw}, nil
}

// compose builds the RFC 5322 message: fixed headers, then a multipart/alternative
// body with the text and HTML parts, quoted-printable. Every header value is either
// operator configuration checked at load time or passed through clean and encoded, so
// no tenant string can add a header line.
func compose(id string, date time.Time, from netmail.Address, to []netmail.Address, replyTo *netmail.Address,
	subject, text, html string, extra map[string]string) ([]byte, error) {
	tp, err := qp(text)
	if err != nil {
		return nil, err
	}
	hp, err := qp(html)
	if err != nil {
		return nil, err
	}
	boundary := pickBoundary(id, tp, hp)
	var b bytes.Buffer
	hdr := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	hdr("Message-ID", "<"+id+">")
	hdr("Date", date.Format(time.RFC1123Z))
	hdr("From", addr(from))
	tos := make([]string, len(to))
	for i, a := range to {
		tos[i] = addr(a)
	}
	hdr("To", strings.Join(tos, ",\r\n "))
	if replyTo != nil {
		hdr("Reply-To", addr(*replyTo))
	}
	hdr("Subject", encodeHeader(subject))
	hdr("MIME-Version", "1.0")
	hdr("Auto-Submitted", "auto-generated")
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		hdr(k, encodeHeader(extra[k]))
	}
	hdr("Content-Type", `multipart/alternative; boundary="`+boundary+`"`)
	b.WriteString("\r\n")
	for _, p := range []struct{ ct, body string }{{"text/plain", tp}, {"text/html", hp}} {
		fmt.Fprintf(&b, "--%s\r\nContent-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n%s\r\n",
			boundary, p.ct, p.body)
	}
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.Bytes(), nil
}

// qp encodes a body as quoted-printable with CRLF line ends.
func qp(s string) (string, error) {
	var b bytes.Buffer
	w := quotedprintable.NewWriter(&b)
	if _, err := w.Write([]byte(strings.ReplaceAll(s, "\r\n", "\n"))); err != nil {
		return "", fmt.Errorf("quoted-printable: %w", err)
	}
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("quoted-printable: %w", err)
	}
	return b.String(), nil
}

// pickBoundary derives the MIME boundary from the Message-ID, so a message renders to
// the same bytes every time, and re-derives it in the unlikely case the encoded parts
// contain it (a tenant string could, and would otherwise split the body).
func pickBoundary(id string, parts ...string) string {
	for i := 0; ; i++ {
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", id, i)))
		bd := "aupscan-" + hex.EncodeToString(sum[:12])
		clash := false
		for _, p := range parts {
			clash = clash || strings.Contains(p, bd)
		}
		if !clash {
			return bd
		}
	}
}

// encodeHeader returns a header value on one logical line: control characters are
// already escaped by clean, whitespace is collapsed, and non-ASCII text becomes
// RFC 2047 encoded words folded onto continuation lines.
func encodeHeader(s string) string {
	s = strings.Join(strings.Fields(clean(s, 300)), " ")
	enc := mime.BEncoding.Encode("utf-8", s)
	if enc == s {
		return s
	}
	return strings.ReplaceAll(enc, "?= =?", "?=\r\n =?")
}

// addr formats an address for a header; the display name is cleaned first because
// mail.Address quotes but does not refuse line breaks.
func addr(a netmail.Address) string {
	a.Name = clean(a.Name, maxField)
	return a.String()
}
