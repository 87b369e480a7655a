package notify

import (
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/notify/mail"
)

// mailpit is the shared test SMTP server, with the notifier's mail settings for it.
type mailpit struct{ *testenv.Mailpit }

func startMailpit(t testing.TB, extra ...string) *mailpit {
	return &mailpit{testenv.StartMailpit(t, extra...)}
}

// smtp is the mail configuration that sends to this mailpit in plain text.
func (m *mailpit) smtp() mail.SMTP {
	return mail.SMTP{Host: "127.0.0.1", Port: m.SMTPPort, TLS: "none", Timeout: Duration(5 * time.Second)}
}
