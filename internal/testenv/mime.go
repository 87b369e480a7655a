package testenv

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
)

// MessageParts splits a notice as the notifier renders it into its headers and
// decoded text and HTML parts, failing the test when the MIME structure is not
// multipart/alternative with one text and one HTML part.
func MessageParts(t testing.TB, raw []byte) (mail.Header, string, string) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("read message: %v", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("content type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	var text, html string
	n := 0
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("part: %v", err)
		}
		b, err := io.ReadAll(p) // multipart decodes quoted-printable itself
		if err != nil {
			t.Fatalf("part body: %v", err)
		}
		n++
		switch ct := p.Header.Get("Content-Type"); {
		case strings.HasPrefix(ct, "text/plain"):
			text = string(b)
		case strings.HasPrefix(ct, "text/html"):
			html = string(b)
		default:
			t.Fatalf("unexpected part %q", ct)
		}
	}
	if n != 2 || text == "" || html == "" {
		t.Fatalf("want a text and an HTML part, got %d parts", n)
	}
	return msg.Header, text, html
}

// TextPart returns the decoded text part of a notice (MessageParts).
func TextPart(t testing.TB, raw []byte) string {
	_, text, _ := MessageParts(t, raw)
	return text
}

// DecodedSubject returns the Subject header with its RFC 2047 encoded words decoded.
func DecodedSubject(t testing.TB, h mail.Header) string {
	t.Helper()
	s, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if err != nil {
		t.Fatalf("subject: %v", err)
	}
	return s
}
