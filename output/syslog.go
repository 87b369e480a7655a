package output

import (
	"cmp"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

// syslogSink sends each finding as one RFC 5424 message: over a local socket
// (datagram, else stream with a newline after each message), one UDP datagram each
// (RFC 5426), or over TCP and TLS with octet counting ("LEN SP MSG", RFC 6587 and
// RFC 5425), which a message with newlines in it cannot break. The message is the
// finding's record; the syslog severity follows the rule's.
type syslogSink struct {
	network, addr string
	tls           *tls.Config
	facility      int
	app, host     string
	pid           string
	timeout       time.Duration
	enc           Encoder
	conn          net.Conn
	datagram      bool // the open conn takes one message a write
	buf           []byte
}

// facilities are the syslog facility codes by name (RFC 5424, section 6.2.1).
var facilities = map[string]int{"kern": 0, "user": 1, "mail": 2, "daemon": 3, "auth": 4, "syslog": 5, "lpr": 6,
	"news": 7, "uucp": 8, "cron": 9, "authpriv": 10, "ftp": 11, "security": 13, "local0": 16, "local1": 17,
	"local2": 18, "local3": 19, "local4": 20, "local5": 21, "local6": 22, "local7": 23}

// parseSyslogAddress reads unix:///PATH, udp://HOST:PORT, tcp://HOST:PORT or
// tls://HOST:PORT into a network and an address for net.Dial.
func parseSyslogAddress(a string) (network, addr string, err error) {
	u, err := url.Parse(a)
	if err != nil {
		return "", "", fmt.Errorf("syslog address %q: %w", a, err)
	}
	switch u.Scheme {
	case "unix":
		if u.Path == "" {
			return "", "", fmt.Errorf("syslog address %q: unix:// needs a socket path (unix:///dev/log)", a)
		}
		return "unix", u.Path, nil
	case "udp", "tcp", "tls":
		if _, port, err := net.SplitHostPort(u.Host); err != nil || port == "" {
			return "", "", fmt.Errorf("syslog address %q: needs HOST:PORT", a)
		}
		return u.Scheme, u.Host, nil
	}
	return "", "", fmt.Errorf("syslog address %q: must be unix:///PATH, udp://HOST:PORT, tcp://HOST:PORT or tls://HOST:PORT", a)
}

func newSyslog(c Config, enc Encoder) (*syslogSink, error) {
	network, addr, err := parseSyslogAddress(c.Address)
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	s := &syslogSink{network: network, addr: addr, facility: facilities[cmp.Or(c.Facility, "local0")],
		app: cmp.Or(c.AppName, "aupscan"), host: cmp.Or(host, "-"), pid: strconv.Itoa(os.Getpid()),
		timeout: c.Timeout.Or(10 * time.Second), enc: enc}
	if network == "tls" {
		s.tls = &tls.Config{MinVersion: tls.VersionTLS12}
		if h, _, err := net.SplitHostPort(addr); err == nil {
			s.tls.ServerName = h
		}
		if c.CAFile != "" {
			if s.tls.RootCAs, err = loadCAs(c.CAFile); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// loadCAs reads a PEM file of CA certificates.
func loadCAs(path string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s: no PEM certificate in it", path)
	}
	return pool, nil
}

func (s *syslogSink) maxBatch() int { return 64 }

// syslogSeverity is the message's severity (RFC 5424, section 6.2.1) for a rule's:
// critical 2, high 3 (error), medium 4 (warning), low 5 (notice).
func syslogSeverity(sev string) int {
	switch sev {
	case "critical":
		return 2
	case "high":
		return 3
	case "medium":
		return 4
	}
	return 5
}

// message is one RFC 5424 message: <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID
// STRUCTURED-DATA MSG, with the finding's record as MSG.
func (s *syslogSink) message(f *scanner.Finding) ([]byte, error) {
	rec, err := s.enc(f)
	if err != nil {
		return nil, err
	}
	t := f.Time
	if t.IsZero() {
		t = time.Now()
	}
	head := fmt.Sprintf("<%d>1 %s %s %s %s finding - ", s.facility*8+syslogSeverity(f.Severity),
		t.UTC().Format("2006-01-02T15:04:05.000000Z07:00"), field(s.host, 255), field(s.app, 48), field(s.pid, 128))
	return append([]byte(head), rec...), nil
}

// field makes a header field of RFC 5424: printable US-ASCII without spaces, at most
// n bytes, "-" when empty.
func field(v string, n int) string {
	v = strings.Map(func(r rune) rune {
		if r <= ' ' || r > '~' {
			return '_'
		}
		return r
	}, v)
	if len(v) > n {
		v = v[:n]
	}
	return cmp.Or(v, "-")
}

// dial connects; datagram says whether each message goes in a write of its own.
func (s *syslogSink) dial(ctx context.Context) (c net.Conn, datagram bool, err error) {
	d := net.Dialer{Timeout: s.timeout}
	switch s.network {
	case "unix":
		if c, err = d.DialContext(ctx, "unixgram", s.addr); err == nil {
			return c, true, nil
		}
		c, err = d.DialContext(ctx, "unix", s.addr)
		return c, false, err
	case "tls":
		td := tls.Dialer{NetDialer: &d, Config: s.tls}
		c, err = td.DialContext(ctx, "tcp", s.addr)
		return c, false, err
	}
	c, err = d.DialContext(ctx, s.network, s.addr)
	return c, s.network == "udp", err
}

func (s *syslogSink) deliver(ctx context.Context, batch []*scanner.Finding) error {
	if s.conn == nil {
		c, dg, err := s.dial(ctx)
		if err != nil {
			return fmt.Errorf("syslog %s://%s: %w", s.network, s.addr, err)
		}
		s.conn, s.datagram = c, dg
	}
	_ = s.conn.SetWriteDeadline(time.Now().Add(s.timeout))
	err := s.write(batch)
	if err != nil {
		// The next attempt dials again: a TCP receiver that restarted, or a socket
		// that went away, is taken up without a restart of ours.
		s.conn.Close()
		s.conn = nil
		var perm permanent
		if errors.As(err, &perm) {
			return err
		}
		return fmt.Errorf("syslog %s://%s: %w", s.network, s.addr, err)
	}
	return nil
}

func (s *syslogSink) write(batch []*scanner.Finding) error {
	s.buf = s.buf[:0]
	for _, f := range batch {
		msg, err := s.message(f)
		if err != nil {
			return permanent{err}
		}
		switch {
		case s.datagram:
			if _, err := s.conn.Write(msg); err != nil {
				return err
			}
			continue
		case s.network == "unix":
			s.buf = append(append(s.buf, msg...), '\n')
		default:
			s.buf = strconv.AppendInt(s.buf, int64(len(msg)), 10)
			s.buf = append(append(s.buf, ' '), msg...)
		}
	}
	if len(s.buf) == 0 {
		return nil
	}
	_, err := s.conn.Write(s.buf)
	return err
}

func (s *syslogSink) close() error {
	if s.conn != nil {
		return s.conn.Close()
	}
	return nil
}
