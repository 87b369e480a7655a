package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/textproto"
	"os"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// An SMTPTransport submits messages to an SMTP server. go-mail makes the connection
// (implicit TLS or STARTTLS, authentication); the message itself goes through its
// low-level client as the stored bytes, because a notice must be byte-identical on
// every attempt and go-mail's message builder would re-encode it.
type SMTPTransport struct {
	client  *gomail.Client
	timeout time.Duration
	conn    *smtp.Client // kept between messages of one drain; nil when closed
}

// NewSMTPTransport returns a transport for the server in c.
func NewSMTPTransport(c SMTP) (*SMTPTransport, error) {
	timeout := time.Duration(c.Timeout)
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	tc := &tls.Config{ServerName: c.Host, MinVersion: tls.VersionTLS12}
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, fmt.Errorf("smtp ca_file: %w", err)
		}
		tc.RootCAs = x509.NewCertPool()
		if !tc.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("smtp ca_file %s: no PEM certificate", c.CAFile)
		}
	}
	opts := []gomail.Option{gomail.WithTimeout(timeout), gomail.WithTLSConfig(tc)}
	switch c.TLS {
	case "implicit":
		opts = append(opts, gomail.WithSSL())
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if c.Username != "" {
		pw := c.Password
		if c.PasswordFile != "" {
			b, err := os.ReadFile(c.PasswordFile)
			if err != nil {
				return nil, fmt.Errorf("smtp password_file: %w", err)
			}
			pw = strings.TrimSpace(string(b))
		}
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover), gomail.WithUsername(c.Username), gomail.WithPassword(pw))
	}
	if c.Port != 0 {
		opts = append(opts, gomail.WithPort(c.Port))
	}
	client, err := gomail.NewClient(c.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("smtp %s: %w", c.Host, err)
	}
	return &SMTPTransport{client: client, timeout: timeout}, nil
}

// Send submits one message, connecting first if needed. An error is a
// *PermanentError when the server refused the message for good (5xx).
func (t *SMTPTransport) Send(ctx context.Context, e Envelope) error {
	if t.conn == nil {
		conn, err := t.client.DialToSMTPClientWithContext(ctx)
		if err != nil {
			return fmt.Errorf("smtp connect: %w", err)
		}
		t.conn = conn
	}
	err := t.send(e)
	switch {
	case err == nil:
		return nil
	case IsPermanent(err):
		// The session is fine, the message is not: clear it and keep the connection.
		if t.conn.Reset() != nil {
			t.Close()
		}
	default:
		// The session is in an unknown state: start the next message afresh.
		t.Close()
	}
	return err
}

func (t *SMTPTransport) send(e Envelope) error {
	if err := t.conn.UpdateDeadline(t.timeout); err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	if err := t.conn.Mail("<" + e.From + ">"); err != nil {
		return classify("MAIL FROM", err)
	}
	var refused []error
	for _, rcpt := range e.To {
		if err := t.conn.Rcpt("<" + rcpt + ">"); err != nil {
			err = classify("RCPT TO "+rcpt, err)
			if !IsPermanent(err) {
				return err
			}
			refused = append(refused, err)
		}
	}
	if len(refused) == len(e.To) {
		return &PermanentError{fmt.Errorf("every recipient refused: %w", errors.Join(refused...))}
	}
	w, err := t.conn.Data()
	if err != nil {
		return classify("DATA", err)
	}
	if _, err := w.Write(e.Raw); err != nil {
		w.Close()
		return fmt.Errorf("smtp write: %w", err)
	}
	if err := w.Close(); err != nil {
		return classify("end of DATA", err)
	}
	return nil
}

// classify marks 5xx replies permanent; 4xx replies and broken connections are
// temporary.
func classify(step string, err error) error {
	var tp *textproto.Error
	if errors.As(err, &tp) && tp.Code >= 500 {
		return &PermanentError{fmt.Errorf("smtp %s: %w", step, err)}
	}
	return fmt.Errorf("smtp %s: %w", step, err)
}

// Close ends the SMTP session, if one is open.
func (t *SMTPTransport) Close() error {
	if t.conn == nil {
		return nil
	}
	err := t.conn.Quit()
	if err != nil {
		t.conn.Close()
	}
	t.conn = nil
	return err
}
