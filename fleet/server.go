package fleet

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Stream names.
const (
	FindingsStream   = "AUPSCAN_FINDINGS"
	HeartbeatsStream = "AUPSCAN_HEARTBEATS"
)

// StreamOptions size the streams a manager creates.
type StreamOptions struct {
	// Replicas is the stream replication factor in a cluster (default 1).
	Replicas int
	// DuplicateWindow is how long the stream remembers message ids to drop repeats
	// (default 2m, JetStream's own default).
	DuplicateWindow time.Duration
	// MaxAge drops findings no manager took within it (default 30 days).
	MaxAge time.Duration
	// MaxPerHost is how many findings of one host the stream holds waiting for a
	// manager (default 10,000); MaxMsgs and MaxBytes bound the whole stream
	// (default 1,000,000 and 1 GiB), MaxMsgSize one finding (default 64 KiB). The
	// stream refuses what is beyond them (discard new, per host first), so one
	// agent flooding the fleet fills its own subject and its own spool, never the
	// server's disk, and the other agents go on. -1: no limit.
	MaxPerHost, MaxMsgs int64
	MaxBytes            int64
	MaxMsgSize          int32
}

// Stream limits when StreamOptions leaves them 0.
const (
	DefaultMaxPerHost = 10000
	DefaultMaxMsgs    = 1000000
	DefaultMaxBytes   = 1 << 30
	DefaultMaxMsgSize = 64 << 10
)

// limit is v, or def when v is 0; -1 (no limit) stays.
func limit[T int32 | int64](v, def T) T {
	if v == 0 {
		return def
	}
	return v
}

// EnsureStreams creates or updates the findings stream (a work queue: a finding
// acknowledged by one manager is gone) and the heartbeats stream (the last
// heartbeat of each host).
func EnsureStreams(ctx context.Context, js jetstream.JetStream, o StreamOptions) error {
	if o.Replicas <= 0 {
		o.Replicas = 1
	}
	if o.DuplicateWindow <= 0 {
		o.DuplicateWindow = 2 * time.Minute
	}
	if o.MaxAge <= 0 {
		o.MaxAge = 30 * 24 * time.Hour
	}
	_, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        FindingsStream,
		Description: "aupscan findings, one subject a host",
		Subjects:    []string{FindingsPrefix + "*"},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    o.Replicas,
		Duplicates:  o.DuplicateWindow,
		MaxAge:      o.MaxAge,
		// Discard new: a full stream refuses the publish, and the agent spools it.
		// Discard old would delete findings no manager has read.
		Discard:              jetstream.DiscardNew,
		DiscardNewPerSubject: limit(o.MaxPerHost, DefaultMaxPerHost) > 0,
		MaxMsgsPerSubject:    limit(o.MaxPerHost, DefaultMaxPerHost),
		MaxMsgs:              limit(o.MaxMsgs, DefaultMaxMsgs),
		MaxBytes:             limit(o.MaxBytes, DefaultMaxBytes),
		MaxMsgSize:           limit(o.MaxMsgSize, DefaultMaxMsgSize),
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", FindingsStream, err)
	}
	_, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:              HeartbeatsStream,
		Description:       "aupscan agent heartbeats: the last one of each host",
		Subjects:          []string{HeartbeatPrefix + "*"},
		Storage:           jetstream.FileStorage,
		Replicas:          o.Replicas,
		MaxMsgsPerSubject: 1,
		MaxMsgs:           limit(o.MaxMsgs, DefaultMaxMsgs), // one a host
		MaxMsgSize:        4 << 10,
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", HeartbeatsStream, err)
	}
	return nil
}

// TLSOption makes a client check the server's certificate against the CA
// certificates in the PEM file ca, and so speak TLS; empty: no option.
func TLSOption(ca string) []nats.Option {
	if ca == "" {
		return nil
	}
	return []nats.Option{nats.RootCAs(ca)}
}

// Connect opens a manager's connection to url with a credentials file (empty: none)
// and any further options (Authority.ManagerOption). It retries in the background
// when the server is not up yet.
func Connect(url, credentials, name string, more ...nats.Option) (*nats.Conn, error) {
	opts := []nats.Option{nats.Name(name), nats.MaxReconnects(-1), nats.RetryOnFailedConnect(true)}
	if credentials != "" {
		opts = append(opts, nats.UserCredentials(credentials))
	}
	opts = append(opts, more...)
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", url, err)
	}
	return nc, nil
}

// ServerOptions configure an embedded NATS server.
type ServerOptions struct {
	// Dir holds JetStream's files.
	Dir string
	// Listen is the client address, "127.0.0.1:4222" by default; port 0 picks a
	// free one.
	Listen string
	// Name is the server's name (default "aupscan").
	Name string
	// TLSCert and TLSKey are PEM files of the server's certificate (valid for the
	// address clients dial) and key: with them, clients must speak TLS and check
	// the certificate (fleet.tls_ca), so findings never cross the network in clear.
	TLSCert, TLSKey string
	// Authority, when set, puts the server in operator mode: only users the
	// authority issued connect, each with its permissions (IssueAgent, IssueManager).
	// Nil: an open server, for tests and a loopback-only small installation.
	Authority *Authority
}

// Server is a NATS server with JetStream running inside this process, for a small
// installation where one binary is enough.
type Server struct {
	s *server.Server
}

// StartServer starts an embedded NATS server with JetStream in o.Dir and waits until
// it accepts connections.
func StartServer(o ServerOptions) (*Server, error) {
	if o.Dir == "" {
		return nil, errors.New("embedded server: no data folder")
	}
	if o.Listen == "" {
		o.Listen = "127.0.0.1:4222"
	}
	if o.Name == "" {
		o.Name = "aupscan"
	}
	host, ps, err := net.SplitHostPort(o.Listen)
	if err != nil {
		return nil, fmt.Errorf("embedded server: listen %q: %w", o.Listen, err)
	}
	port, err := strconv.Atoi(ps)
	if err != nil {
		return nil, fmt.Errorf("embedded server: listen %q: bad port", o.Listen)
	}
	if port == 0 {
		port = server.RANDOM_PORT
	}
	if err := os.MkdirAll(o.Dir, 0o750); err != nil {
		return nil, fmt.Errorf("embedded server: %w", err)
	}
	opts := &server.Options{
		ServerName: o.Name,
		Host:       host,
		Port:       port,
		JetStream:  true,
		StoreDir:   o.Dir,
		NoSigs:     true,
		NoLog:      true,
	}
	if o.Authority != nil {
		if err := o.Authority.configure(opts); err != nil {
			return nil, fmt.Errorf("embedded server: %w", err)
		}
	}
	if o.TLSCert != "" || o.TLSKey != "" {
		tc, err := server.GenTLSConfig(&server.TLSConfigOpts{CertFile: o.TLSCert, KeyFile: o.TLSKey})
		if err != nil {
			return nil, fmt.Errorf("embedded server: TLS: %w", err)
		}
		opts.TLS, opts.TLSConfig, opts.TLSTimeout = true, tc, 5
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("embedded server: %w", err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		s.Shutdown()
		return nil, fmt.Errorf("embedded server on %s: not ready after 10s", o.Listen)
	}
	return &Server{s: s}, nil
}

// URL is the address clients connect to.
func (s *Server) URL() string { return s.s.ClientURL() }

// Addr is the host:port the server listens on.
func (s *Server) Addr() string { return s.s.Addr().String() }

// Shutdown stops the server and waits until it has.
func (s *Server) Shutdown() {
	s.s.Shutdown()
	s.s.WaitForShutdown()
}
