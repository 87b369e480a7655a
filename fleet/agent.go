package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/scanner"
)

// AgentOptions configure an Agent.
type AgentOptions struct {
	// URL names the NATS servers ("nats://manager.example.net:4222", several
	// separated by commas).
	URL string
	// Credentials is a NATS credentials file (user JWT and NKey seed); empty: none.
	Credentials string
	// TLSCA is a PEM file of the CA that signed the server's certificate: with it
	// the agent speaks TLS and checks the server (TLSOption); empty: plain.
	TLSCA string
	// Host is this agent's host id: findings without a host get it, and heartbeats
	// carry it.
	Host string
	// SpoolDir and SpoolSize are the on-disk queue used while the server cannot be
	// reached (SpoolSize defaults to 64 MiB).
	SpoolDir  string
	SpoolSize int64
	// Heartbeat is the interval between heartbeats (default 30s).
	Heartbeat time.Duration
	// Timeout bounds one publish, acknowledgement included (default 5s).
	Timeout time.Duration
	// ReconnectWait is the pause between reconnection attempts (default 2s).
	ReconnectWait time.Duration
	Log           *slog.Logger
}

// AgentStats counts what an agent did since it started.
type AgentStats struct {
	Published  uint64 // findings the stream acknowledged (duplicates included)
	Duplicates uint64 // of those, acknowledged as duplicates of an earlier message
	Replayed   uint64 // findings sent from the spool
	Spooled    int    // findings waiting in the spool now
	Dropped    uint64 // findings the full spool deleted unsent
	Refused    uint64 // sends the stream refused (this host's share, or the stream, full)
	Heartbeats uint64
}

// Agent publishes one host's findings and heartbeats to JetStream. A finding the
// stream does not acknowledge goes to the spool, and so does every finding while the
// spool is not empty, so findings reach the stream in the order they were published;
// the spool is replayed as soon as the server is back.
type Agent struct {
	o     AgentOptions
	nc    *nats.Conn
	js    jetstream.JetStream
	spool *Spool
	log   *slog.Logger
	kick  chan struct{}

	mu sync.Mutex // one sender at a time: keeps the order

	published, duplicates, replayed, refused, heartbeats atomic.Uint64
}

// NewAgent opens the spool and connects. The server need not be reachable: the
// connection keeps retrying in the background.
func NewAgent(o AgentOptions) (*Agent, error) {
	if o.Host == "" {
		return nil, errors.New("fleet agent: no host id")
	}
	if o.SpoolSize <= 0 {
		o.SpoolSize = 64 << 20
	}
	if o.Heartbeat <= 0 {
		o.Heartbeat = 30 * time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 5 * time.Second
	}
	if o.ReconnectWait <= 0 {
		o.ReconnectWait = 2 * time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	sp, err := OpenSpool(o.SpoolDir, o.SpoolSize)
	if err != nil {
		return nil, err
	}
	a := &Agent{o: o, spool: sp, log: o.Log, kick: make(chan struct{}, 1)}
	opts := []nats.Option{
		nats.Name("aupscan-agent " + o.Host),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(o.ReconnectWait),
		nats.RetryOnFailedConnect(true),
		// No buffering while disconnected: a publish fails at once and the finding
		// goes to the spool, which survives a restart; the client's buffer would not.
		nats.ReconnectBufSize(-1),
		nats.ReconnectHandler(func(*nats.Conn) { a.wake() }),
		nats.ConnectHandler(func(*nats.Conn) { a.wake() }),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			a.log.Warn("fleet server unreachable: findings are spooled", "err", err)
		}),
		// The agent's credentials allow subscriptions below this prefix only: JetStream
		// acknowledgements and API replies come to it. Harmless on an open server.
		nats.CustomInboxPrefix(AgentInboxPrefix(o.Host)),
		// Expired or refused credentials are not the end: the credentials file is read
		// again at every attempt, so a re-enrolled agent reconnects without a restart.
		nats.IgnoreAuthErrorAbort(),
		nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
			a.log.Warn("fleet server reported an error", "err", err)
		}),
	}
	if o.Credentials != "" {
		opts = append(opts, nats.UserCredentials(o.Credentials))
	}
	opts = append(opts, TLSOption(o.TLSCA)...)
	nc, err := nats.Connect(o.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("fleet agent: connect %s: %w", o.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("fleet agent: %w", err)
	}
	a.nc, a.js = nc, js
	return a, nil
}

func (a *Agent) wake() {
	select {
	case a.kick <- struct{}{}:
	default:
	}
}

// Publish sends f (with this agent's host when it has none) to the stream on its
// host's subject, or spools it. It returns an error only when the finding could be neither sent nor
// spooled.
func (a *Agent) Publish(ctx context.Context, f scanner.Finding) error {
	if f.Host == "" {
		f.Host = a.o.Host
	}
	f.SetID() // the manager recomputes it too: the id is a function of host, rule and subject
	rec, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("fleet agent: encode finding: %w", err)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.spool.Len() == 0 && a.nc.IsConnected() {
		err := a.send(ctx, &f, rec)
		if err == nil {
			return nil
		}
		a.log.Debug("publish failed: spooling", "finding", f.ID, "err", err)
	}
	if err := a.spool.Put(rec); err != nil {
		return err
	}
	a.wake()
	return nil
}

// send publishes one finding and waits for the stream's acknowledgement.
func (a *Agent) send(ctx context.Context, f *scanner.Finding, rec []byte) error {
	ctx, cancel := context.WithTimeout(ctx, a.o.Timeout)
	defer cancel()
	ack, err := a.js.Publish(ctx, FindingsSubject(f.Host), rec, jetstream.WithMsgID(MsgID(f)))
	var refused *jetstream.APIError
	if errors.As(err, &refused) {
		// The server answered no: this host's share of the stream, or the stream or
		// account, is full. The spool holds the finding until the managers catch up.
		if n := a.refused.Add(1); n&(n-1) == 0 {
			a.log.Warn("fleet stream refuses findings: spooled until it has room", "refused", n, "err", err)
		}
	}
	if err != nil {
		return err
	}
	a.published.Add(1)
	if ack.Duplicate {
		a.duplicates.Add(1)
	}
	return nil
}

// Run sends heartbeats and replays the spool until ctx ends.
func (a *Agent) Run(ctx context.Context) {
	hb := time.NewTicker(a.o.Heartbeat)
	defer hb.Stop()
	retry := time.NewTicker(a.o.ReconnectWait)
	defer retry.Stop()
	a.heartbeat(ctx)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hb.C:
			a.heartbeat(ctx)
		case <-a.kick:
			a.Replay(ctx)
		case <-retry.C:
			a.Replay(ctx)
		}
	}
}

// Replay sends the spooled findings, oldest first, until the spool is empty or a
// send fails; it returns how many it sent.
func (a *Agent) Replay(ctx context.Context) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := 0
	for ctx.Err() == nil && a.nc.IsConnected() {
		seq, rec, ok, err := a.spool.Oldest()
		if err != nil {
			a.log.Error("spool unreadable", "err", err)
			break
		}
		if !ok {
			break
		}
		f, err := decodeSpooled(rec)
		if err != nil {
			a.log.Error("spooled record unreadable: deleted", "seq", seq, "err", err)
		} else if err := a.send(ctx, &f, rec); err != nil {
			a.log.Debug("replay paused", "spooled", a.spool.Len(), "err", err)
			break
		} else {
			a.replayed.Add(1)
			n++
		}
		if err := a.spool.Remove(seq); err != nil {
			a.log.Error("spool", "err", err)
			break
		}
	}
	if n > 0 {
		a.log.Info("spooled findings delivered", "findings", n, "left", a.spool.Len())
	}
	return n
}

// heartbeat publishes one heartbeat; a failure is only logged: the next one will do.
func (a *Agent) heartbeat(ctx context.Context) {
	if !a.nc.IsConnected() {
		return
	}
	b, _ := json.Marshal(Heartbeat{Host: a.o.Host, Time: time.Now().UTC(), Spooled: a.spool.Len(), Dropped: a.spool.Dropped()})
	ctx, cancel := context.WithTimeout(ctx, a.o.Timeout)
	defer cancel()
	if _, err := a.js.Publish(ctx, HeartbeatSubject(a.o.Host), b); err != nil {
		a.log.Debug("heartbeat not sent", "err", err)
		return
	}
	a.heartbeats.Add(1)
}

// Stats returns the agent's counters.
func (a *Agent) Stats() AgentStats {
	return AgentStats{Published: a.published.Load(), Duplicates: a.duplicates.Load(), Replayed: a.replayed.Load(),
		Spooled: a.spool.Len(), Dropped: a.spool.Dropped(), Refused: a.refused.Load(), Heartbeats: a.heartbeats.Load()}
}

// Close closes the connection; spooled findings stay on disk for the next start.
func (a *Agent) Close() { a.nc.Close() }
