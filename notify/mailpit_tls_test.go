package notify

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// selfSigned writes a certificate for 127.0.0.1 and its key, and returns their paths.
func selfSigned(t *testing.T) (cert, key string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cert, key = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return cert, key
}

// TestMailpitTLS delivers over STARTTLS and over implicit TLS, authenticating with a
// password read from a file, and checks that a wrong password is not a delivery.
func TestMailpitTLS(t *testing.T) {
	cert, key := selfSigned(t)
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
			mp := startMailpit(t, "--smtp-tls-cert", cert, "--smtp-tls-key", key, tc.flag, "--smtp-auth-file", authFile)
			conf := mp.smtp()
			conf.TLS, conf.CAFile, conf.Username, conf.PasswordFile = tc.mode, cert, "notifier", badPw
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
