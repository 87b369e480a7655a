package feed

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"aead.dev/minisign"
	"github.com/dustin/go-humanize"

	"github.com/aupscan/aupscan/signatures"
)

// Defaults of a feed's limits.
const (
	DefaultMaxSize  = 64 << 20
	DefaultTimeout  = 60 * time.Second
	DefaultInterval = time.Hour
	maxSignature    = 64 << 10
)

// Result is what one update of a feed did.
type Result struct {
	Name string
	// Installed: a new copy was written; NotModified: the source has not changed
	// since the installed copy. Neither, with Err nil, cannot happen.
	Installed, NotModified bool
	Entries                int   // in the installed copy
	Bytes                  int64 // of the installed copy
	Err                    error // why the update failed; the last good copy stays
	State                  State // after the update
}

// Update fetches feed c, checks it and installs it over its destination. It never
// leaves a bad or partial file there: on any error the last good copy stays, and
// the error says what happened. The state file records the outcome.
func Update(ctx context.Context, c Config, client *http.Client) Result {
	st, _ := LoadState(c)
	now := time.Now()
	st.LastAttempt = now
	r := Result{Name: c.Name}
	data, meta, err := fetch(ctx, c, client, st)
	if err == nil && meta.notModified {
		r.NotModified = true
	}
	if err == nil && !r.NotModified {
		var entries int
		entries, err = check(c, data)
		if err == nil && hexSum(data) == st.SHA256 && fileExists(c.Destination) {
			r.NotModified = true // the same bytes under a new ETag
			st.Source = source(c)
		} else if err == nil {
			if err = writeAtomic(c.Destination, data, 0o644); err == nil {
				r.Installed = true
				st.SHA256, st.Entries, st.Installed, st.Source = hexSum(data), entries, now, source(c)
				st.ETag, st.LastModified = meta.etag, meta.lastModified
			}
		}
	}
	if err != nil {
		st.Failures++
		st.LastError = err.Error()
		r.Err = fmt.Errorf("feed %s: %w (the last good copy stays)", c.Name, err)
	} else {
		st.Failures, st.LastError, st.LastSuccess = 0, "", now
		if r.NotModified && meta.etag != "" {
			st.ETag = meta.etag
		}
	}
	r.Entries = st.Entries
	if fi, err := os.Stat(c.Destination); err == nil {
		r.Bytes = fi.Size()
	}
	if err := saveState(c, st); err != nil && r.Err == nil {
		r.Err = fmt.Errorf("feed %s: state: %w", c.Name, err)
	}
	r.State = st
	return r
}

// fetchMeta is what a fetch learnt besides the bytes.
type fetchMeta struct {
	notModified        bool
	etag, lastModified string
}

// fetch reads the feed (conditionally, over http) within its size and time limits
// and verifies its pinned digest or signature.
func fetch(ctx context.Context, c Config, client *http.Client, st State) ([]byte, fetchMeta, error) {
	ctx, cancel := context.WithTimeout(ctx, c.Timeout.Or(DefaultTimeout))
	defer cancel()
	limit := int64(cmp.Or(c.MaxSize, DefaultMaxSize))
	var meta fetchMeta
	var data []byte
	var err error
	u, _ := url.Parse(c.URL)
	if u.Scheme == "file" {
		data, err = readFile(u.Path, limit)
	} else {
		cond := fileExists(c.Destination) && st.Source == source(c)
		data, meta, err = get(ctx, client, c.URL, limit, st, cond)
	}
	if err != nil || meta.notModified {
		return nil, meta, err
	}
	if c.SHA256 != "" && !strings.EqualFold(hexSum(data), c.SHA256) {
		return nil, meta, fmt.Errorf("SHA-256 %s is not the pinned %s", hexSum(data), strings.ToLower(c.SHA256))
	}
	if c.MinisignKey != "" {
		if err := verify(ctx, c, client, data); err != nil {
			return nil, meta, err
		}
	}
	return data, meta, nil
}

func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, limit)
}

// readLimited reads r to its end, refusing more than max bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than max_size %s", humanize.IBytes(uint64(limit)))
	}
	return data, nil
}

// get fetches url; with cond, conditionally on the installed copy's ETag and date.
func get(ctx context.Context, client *http.Client, u string, limit int64, st State, cond bool) ([]byte, fetchMeta, error) {
	var meta fetchMeta
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, meta, err
	}
	req.Header.Set("User-Agent", "aupscan-feed")
	if cond && st.ETag != "" {
		req.Header.Set("If-None-Match", st.ETag)
	}
	if cond && st.LastModified != "" {
		req.Header.Set("If-Modified-Since", st.LastModified)
	}
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, meta, fmt.Errorf("no answer within the timeout: %w", err)
		}
		return nil, meta, err
	}
	defer resp.Body.Close()
	meta.etag, meta.lastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	switch {
	case resp.StatusCode == http.StatusNotModified && cond:
		meta.notModified = true
		return nil, meta, nil
	case resp.StatusCode != http.StatusOK:
		return nil, meta, fmt.Errorf("%s answered %s", u, resp.Status)
	}
	if resp.ContentLength > limit {
		return nil, meta, fmt.Errorf("larger than max_size %s (Content-Length %d)", humanize.IBytes(uint64(limit)), resp.ContentLength)
	}
	data, err := readLimited(resp.Body, limit)
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, meta, fmt.Errorf("not read within the timeout: %w", err)
	}
	return data, meta, err
}

// verify checks data's minisign signature, fetched from the signature URL.
func verify(ctx context.Context, c Config, client *http.Client, data []byte) error {
	var key minisign.PublicKey
	if err := key.UnmarshalText([]byte(c.MinisignKey)); err != nil {
		return fmt.Errorf("minisign_key: %w", err)
	}
	su := cmp.Or(c.SignatureURL, c.URL+".minisig")
	var sig []byte
	var err error
	if u, _ := url.Parse(su); u != nil && u.Scheme == "file" {
		sig, err = readFile(u.Path, maxSignature)
	} else {
		sig, _, err = get(ctx, client, su, maxSignature, State{}, false)
	}
	if err != nil {
		return fmt.Errorf("signature: %w", err)
	}
	if !minisign.Verify(key, data, sig) {
		return fmt.Errorf("the minisign signature %s does not verify with key %X", su, key.ID())
	}
	return nil
}

// check parses data as its declared format, as the rule loader will read it, and
// counts its entries: a file of another form, with a bad line, or with fewer than
// MinEntries entries is refused.
func check(c Config, data []byte) (int, error) {
	n := 0
	if lf := listFormat(c.Format); lf != "" {
		if got := signatures.SniffAddressList(data[:min(len(data), 4096)]); got != lf {
			return 0, fmt.Errorf("not a %s document: its content reads as %s", c.Format, got)
		}
		ps, err := signatures.ReadAddressList(bytes.NewReader(data), lf)
		if err != nil {
			return 0, fmt.Errorf("not a valid %s: %w", c.Format, err)
		}
		n = len(ps)
	} else {
		if c.Format == FormatClamAVHash && !bytes.Contains(data, []byte(":")) {
			return 0, fmt.Errorf("not a ClamAV hash database: no HASH:SIZE:NAME line")
		}
		h, err := signatures.ReadHashList(bytes.NewReader(data))
		if err != nil {
			return 0, fmt.Errorf("not a valid %s: %w", c.Format, err)
		}
		n = h.Len()
	}
	if least := cmp.Or(c.MinEntries, 1); n < least {
		return n, fmt.Errorf("%d entries, fewer than min_entries %d: an empty or truncated list is refused", n, least)
	}
	return n, nil
}

// source identifies what a copy was fetched and checked under.
func source(c Config) string {
	return strings.Join([]string{c.URL, c.Format, strings.ToLower(c.SHA256), c.MinisignKey, c.SignatureURL}, "\x00")
}

func hexSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Client returns the HTTP client for feed c: its CAs when it names some.
func Client(c Config) (*http.Client, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%s: no PEM certificate", c.CAFile)
		}
		tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	return &http.Client{Transport: tr}, nil
}
