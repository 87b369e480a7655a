package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"path/filepath"
	"strings"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/mail"
	"github.com/aupscan/aupscan/notify/store"
)

// notifyCmd groups the notice commands; like the case commands they read the [notify]
// section of the --config file.
type notifyCmd struct {
	Preview notifyPreviewCmd `cmd:"" help:"Render the notice a case would get at a stage, without sending or recording anything."`
	Test    notifyTestCmd    `cmd:"" help:"Send a test message through the configured transport (SMTP, or the mail folder)."`
}

type notifyPreviewCmd struct {
	Case   caseID `required:"" placeholder:"ID" help:"Case id: 42 or AUP-000042."`
	Stage  string `required:"" placeholder:"STAGE" enum:"warning,reminder,final,resolved" help:"Notice to render: warning, reminder, final or resolved."`
	Locale string `placeholder:"LOCALE" help:"Language: en or zh-CN (default: the tenant's)."`
	Part   string `placeholder:"PART" enum:"message,text,html" default:"message" help:"What to print: the whole message as it would be sent (message), or the decoded text or html part."`
}

func (c *notifyPreviewCmd) Run(g *Globals) error {
	ctx := context.Background()
	env, err := openCases(ctx, g, false)
	if err != nil {
		return err
	}
	defer env.Close()
	m, err := env.n.Preview(ctx, int64(c.Case), store.Stage(c.Stage), c.Locale, clock())
	if err != nil {
		if errors.Is(err, store.ErrNoCase) {
			return caseErr(c.Case, err)
		}
		return &exitErr{code: exitError, err: err}
	}
	if c.Part == "message" {
		_, err := g.stdout.Write(m.Raw)
		return err
	}
	body, err := messagePart(m.Raw, "text/"+map[string]string{"text": "plain", "html": "html"}[c.Part])
	if err != nil {
		return &exitErr{code: exitError, err: fmt.Errorf("preview %s: %w", store.CaseRef(int64(c.Case)), err)}
	}
	_, err = g.stdout.Write(body)
	return err
}

// messagePart returns the decoded body of the part of a multipart message with this
// media type, with LF line ends for a terminal.
func messagePart(raw []byte, mediaType string) ([]byte, error) {
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		return nil, fmt.Errorf("message is not multipart (%q)", msg.Header.Get("Content-Type"))
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart() // decodes quoted-printable
		if err == io.EOF {
			return nil, fmt.Errorf("message has no %s part", mediaType)
		}
		if err != nil {
			return nil, err
		}
		if pt, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type")); pt != mediaType {
			continue
		}
		b, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), nil
	}
}

type notifyTestCmd struct {
	To string `required:"" placeholder:"ADDRESS" help:"Where to send the test message."`
}

// Run sends the message straight through the transport, not the outbox: it tests the
// mail setup, and a failure is reported here and now. Exit 0 sent, 1 the transport
// failed, 2 bad usage or configuration.
func (c *notifyTestCmd) Run(g *Globals) error {
	cfg, err := loadNotifyConfig(g)
	if err != nil {
		return err
	}
	n := notify.New(cfg.Notify, nil, nil, notify.Options{Now: clock})
	m, err := n.TestMessage(c.To, clock())
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	mc := cfg.Notify.Mail
	tr, err := mail.NewTransport(mc)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	via := "mail folder " + mc.Folder
	if mc.SMTP.Host != "" {
		via = fmt.Sprintf("smtp %s:%d (%s)", mc.SMTP.Host, mc.SMTP.Port, mc.SMTP.TLS)
	}
	err = tr.Send(context.Background(), mail.Envelope{MessageID: m.ID, From: m.From, To: m.To, Raw: m.Raw})
	if cerr := tr.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &exitErr{code: exitRefused, err: fmt.Errorf("test message to %s through %s: %w", c.To, via, err)}
	}
	where := via
	if mc.SMTP.Host == "" {
		where = filepath.Join(mc.Folder, mail.FileName(m.ID))
	}
	fmt.Fprintf(g.stdout, "sent test message <%s> to %s: %s\n", m.ID, c.To, where)
	return nil
}
