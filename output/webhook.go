package output

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

// Webhook headers. The signature is the one notify's suspension hook sends, so one
// receiver checks both alike.
const (
	SignatureHeader   = "X-Aupscan-Signature" // "sha256=" and the hex HMAC-SHA256 of the body
	IdempotencyHeader = "Idempotency-Key"     // the finding's id and sighting time: the same on every attempt
)

// webhookSink POSTs each finding's record, signed, to a URL. A 2xx answer delivers
// it; 408, 429 and 5xx answers and network errors are retried; any other answer
// refuses the record for good.
type webhookSink struct {
	url     string
	secret  []byte
	headers map[string]string
	client  *http.Client
	enc     Encoder
}

func newWebhook(c Config, enc Encoder) (*webhookSink, error) {
	secret := []byte(c.Secret)
	if c.SecretFile != "" {
		b, err := os.ReadFile(c.SecretFile)
		if err != nil {
			return nil, fmt.Errorf("secret_file: %w", err)
		}
		secret = bytes.TrimSpace(b)
	}
	client, err := httpClient(c)
	if err != nil {
		return nil, err
	}
	return &webhookSink{url: c.URL, secret: secret, headers: c.Headers, client: client, enc: enc}, nil
}

// httpClient is a client with the section's timeout and CAs.
func httpClient(c Config) (*http.Client, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if c.CAFile != "" {
		pool, err := loadCAs(c.CAFile)
		if err != nil {
			return nil, err
		}
		tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	return &http.Client{Transport: tr, Timeout: c.Timeout.Or(10 * time.Second)}, nil
}

// Sign returns the signature header's value for body: "sha256=" and the hex of its
// HMAC-SHA256 under secret.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

func (w *webhookSink) maxBatch() int { return 1 }

func (w *webhookSink) deliver(ctx context.Context, batch []*scanner.Finding) error {
	f := batch[0]
	body, err := w.enc(f)
	if err != nil {
		return permanent{err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return permanent{err}
	}
	for k, v := range w.headers {
		req.Header.Set(k, v)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(SignatureHeader, Sign(w.secret, body))
	req.Header.Set(IdempotencyHeader, f.ID+"@"+strconv.FormatInt(f.Time.UnixNano(), 10))
	return httpResult(w.client.Do(req))
}

// httpResult turns an answer into a delivery result: nil for 2xx, a retried error
// for 408, 429, 5xx and network errors, a permanent one for the rest.
func httpResult(resp *http.Response, err error) error {
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // reuse the connection
	if resp.StatusCode/100 == 2 {
		return nil
	}
	err = fmt.Errorf("%s answered %s: %s", resp.Request.URL.Redacted(), resp.Status, strings.TrimSpace(string(snippet)))
	switch c := resp.StatusCode; {
	case c == http.StatusRequestTimeout, c == http.StatusTooManyRequests, c >= 500:
		return err
	}
	return permanent{err}
}

func (w *webhookSink) close() error {
	w.client.CloseIdleConnections()
	return nil
}
