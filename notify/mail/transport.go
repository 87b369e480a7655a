package mail

import (
	"context"
	"errors"
	"fmt"
)

// An Envelope is one message to deliver: the stored bytes, sent as they are.
type Envelope struct {
	MessageID string
	From      string
	To        []string
	Raw       []byte
}

// A Transport delivers messages: SMTP, or a mail folder.
type Transport interface {
	Send(ctx context.Context, e Envelope) error
	Close() error
}

// A PermanentError is a delivery failure that retrying cannot fix (an SMTP 5xx reply).
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return "permanent: " + e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// IsPermanent reports whether err is a permanent delivery failure.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}

// NewTransport returns the transport the mail configuration names: SMTP when a host is
// set, otherwise the mail folder.
func NewTransport(m Config) (Transport, error) {
	if m.SMTP.Host != "" {
		return NewSMTPTransport(m.SMTP)
	}
	if m.Folder == "" {
		return nil, fmt.Errorf("mail: neither smtp.host nor folder is set")
	}
	return NewFolderTransport(m.Folder)
}
