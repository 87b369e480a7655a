package mail

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/internal/units"
)

// TestMailpitTLS delivers over STARTTLS and over implicit TLS, authenticating with a
// password read from a file, and checks that a wrong password is not a delivery.
func TestMailpitTLS(t *testing.T) {
	pki := t.TempDir()
	testenv.WritePKI(t, pki) // the server certificate names 127.0.0.1
	cert, key, ca := filepath.Join(pki, "server.pem"), filepath.Join(pki, "server.key"), filepath.Join(pki, "ca.pem")
	hash, err := bcrypt.GenerateFromPassword([]byte("s3cret"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	authFile, pwFile, badPw := filepath.Join(dir, "auth"), filepath.Join(dir, "pw"), filepath.Join(dir, "bad")
	os.WriteFile(authFile, []byte("notifier:"+string(hash)+"\n"), 0o600)
	os.WriteFile(pwFile, []byte("s3cret\n"), 0o600)
	os.WriteFile(badPw, []byte("wrong\n"), 0o600)
	for _, tc := range []struct{ mode, flag string }{{"starttls", "--smtp-require-starttls"}, {"implicit", "--smtp-require-tls"}} {
		t.Run(tc.mode, func(t *testing.T) {
			mp := testenv.StartMailpit(t, "--smtp-tls-cert", cert, "--smtp-tls-key", key, tc.flag, "--smtp-auth-file", authFile)
			conf := SMTP{Host: "127.0.0.1", Port: mp.SMTPPort, TLS: "none", Timeout: units.Duration(5 * time.Second)}
			conf.TLS, conf.CAFile, conf.Username, conf.PasswordFile = tc.mode, ca, "notifier", badPw
			tr, err := NewSMTPTransport(conf)
			if err != nil {
				t.Fatal(err)
			}
			env := Envelope{MessageID: "tls-test@cloud.example", From: "aup@cloud.example", To: []string{"ops@acme.example"},
				Raw: []byte("Message-ID: <tls-test@cloud.example>\r\nSubject: tls\r\n\r\nhello\r\n")}
			if err := tr.Send(t.Context(), env); err == nil {
				t.Fatal("a wrong password delivered")
			}
			conf.PasswordFile = pwFile
			if tr, err = NewSMTPTransport(conf); err != nil {
				t.Fatal(err)
			}
			if err := tr.Send(t.Context(), env); err != nil {
				t.Fatal(err)
			}
			tr.Close()
			if got := mp.Messages(); len(got) != 1 || got[0].MessageID != "tls-test@cloud.example" {
				t.Fatalf("received %+v", got)
			}
		})
	}
}
