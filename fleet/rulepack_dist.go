package fleet

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/fleet/rulepack"
)

// ErrRollback is what the fetcher returns (errors.Is) for a pack older than the
// installed one, or of the same version with other files.
var ErrRollback = errors.New("rule pack older than the installed one")

// Rule packs travel in a JetStream key-value bucket: the manager writes the signed
// envelope under one key, agents read it. Agents only need to read the bucket's
// stream: $JS.API.STREAM.INFO.KV_aupscan-rules (js.KeyValue),
// $JS.API.DIRECT.GET.KV_aupscan-rules.> (Get; the bucket allows direct gets) and,
// for servers without direct gets, $JS.API.STREAM.MSG.GET.KV_aupscan-rules. No
// watcher: a watcher makes a consumer, which agents may not.
const (
	RulesBucket = "aupscan-rules"
	RulesKey    = "pack"
)

// RulesBucketOptions size the rules bucket.
type RulesBucketOptions struct {
	// Replicas is the bucket's replication factor in a cluster (default 1).
	Replicas int
	// History is how many packs the bucket keeps (default 5; at most 64).
	History int
}

// EnsureRulesBucket creates or updates the rules bucket (file storage, direct gets
// allowed, values up to 1 MiB).
func EnsureRulesBucket(ctx context.Context, js jetstream.JetStream, o RulesBucketOptions) (jetstream.KeyValue, error) {
	if o.Replicas <= 0 {
		o.Replicas = 1
	}
	if o.History <= 0 {
		o.History = 5
	}
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:       RulesBucket,
		Description:  "aupscan signed rule packs, for the agents",
		History:      uint8(min(o.History, 64)),
		MaxValueSize: 1 << 20,
		Storage:      jetstream.FileStorage,
		Replicas:     o.Replicas,
	})
	if err != nil {
		return nil, fmt.Errorf("rules bucket %s: %w", RulesBucket, err)
	}
	return kv, nil
}

// checkPayloadSize refuses an envelope the server would not take as one message.
func checkPayloadSize(js jetstream.JetStream, envelope []byte) error {
	if len(envelope) > rulepack.MaxSize {
		return fmt.Errorf("%w: %s, a pack takes at most %s", rulepack.ErrTooLarge, humanize.IBytes(uint64(len(envelope))), humanize.IBytes(rulepack.MaxSize))
	}
	if nc := js.Conn(); nc != nil {
		if mp := nc.MaxPayload(); mp > 0 && int64(len(envelope))+1024 > mp {
			return fmt.Errorf("%w: %s, the server takes messages up to %s (max_payload)", rulepack.ErrTooLarge,
				humanize.IBytes(uint64(len(envelope))), humanize.IBytes(uint64(mp)))
		}
	}
	return nil
}

// PublishPack writes a signed envelope into the rules bucket (created or updated
// first) and returns its revision. It does not check the envelope's signature or
// version: PublishRules does, for a manager.
func PublishPack(ctx context.Context, js jetstream.JetStream, envelope []byte, o RulesBucketOptions) (uint64, error) {
	if err := checkPayloadSize(js, envelope); err != nil {
		return 0, fmt.Errorf("publish rule pack: %w", err)
	}
	kv, err := EnsureRulesBucket(ctx, js, o)
	if err != nil {
		return 0, err
	}
	rev, err := kv.Put(ctx, RulesKey, envelope)
	if err != nil {
		return 0, fmt.Errorf("publish rule pack: %w", err)
	}
	return rev, nil
}

// PublishResult says what PublishRules did.
type PublishResult struct {
	// Published is false when the bucket already held a pack of the same files
	// signed with this key.
	Published bool
	Version   uint64 // of the pack in the bucket now
	Revision  uint64 // of its key-value entry
	Files     int
	Size      int64 // the files' bytes
	Envelope  int   // the signed envelope's bytes
	// Replaced says why the pack in the bucket was replaced when it was not this
	// key's: "" (none, or this key's older pack), or why it did not open.
	Replaced string
	// Objects are the lists that travel beside the pack, in the lists store;
	// ObjectsWritten those written to it now.
	Objects, ObjectsWritten int
}

// PublishRules builds the pack of folders, and when the bucket does not hold the same
// files signed with key already, signs it with a version above the bucket's (the
// current Unix time in nanoseconds, or the bucket's version + 1) and writes it. The
// write is conditional on the entry it read, so two managers publishing at once do
// not lose a pack: the one that lost reads again and retries.
func PublishRules(ctx context.Context, js jetstream.JetStream, key ed25519.PrivateKey, folders []string, o RulesBucketOptions) (PublishResult, error) {
	p, err := rulepack.Build(folders, 1)
	if err != nil {
		return PublishResult{}, err
	}
	rulepack.SplitObjects(p, rulepack.InlineMax) // big lists travel beside the pack (lists.go)
	res := PublishResult{Files: len(p.Files), Size: p.Size(), Objects: len(p.Objects())}
	kv, err := EnsureRulesBucket(ctx, js, o)
	if err != nil {
		return res, err
	}
	own := []ed25519.PublicKey{key.Public().(ed25519.PublicKey)}
	for range 5 {
		var prev, rev uint64
		exists := false
		e, err := kv.Get(ctx, RulesKey)
		switch {
		case err == nil:
			exists, rev = true, e.Revision()
			cur, err := rulepack.Open(e.Value(), own)
			if err == nil {
				if cur.Digest() == p.Digest() {
					res.Version, res.Revision, res.Replaced = cur.Version, rev, ""
					return res, nil
				}
				prev = cur.Version
			} else {
				res.Replaced = err.Error()
			}
		case errors.Is(err, jetstream.ErrKeyNotFound):
		default:
			return res, fmt.Errorf("publish rule pack: read %s/%s: %w", RulesBucket, RulesKey, err)
		}
		p.Version = max(uint64(time.Now().UnixNano()), prev+1)
		p.Created = time.Time{}
		env, err := rulepack.Sign(p, key)
		if err != nil {
			return res, err
		}
		if err := checkPayloadSize(js, env); err != nil {
			return res, fmt.Errorf("publish rule pack: %w", err)
		}
		// The objects first: an agent that reads the pack finds its lists.
		if res.ObjectsWritten, err = putObjects(ctx, js, p, o); err != nil {
			return res, fmt.Errorf("publish rule pack: %w", err)
		}
		if exists {
			rev, err = kv.Update(ctx, RulesKey, env, rev)
		} else {
			rev, err = kv.Create(ctx, RulesKey, env)
		}
		if errors.Is(err, jetstream.ErrKeyExists) || errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
			continue // another manager wrote first: compare with its pack
		}
		if err != nil {
			return res, fmt.Errorf("publish rule pack: %w", err)
		}
		res.Published, res.Version, res.Revision, res.Envelope = true, p.Version, rev, len(env)
		if err := pruneObjects(ctx, js, p); err != nil {
			return res, fmt.Errorf("rule pack published; old lists not removed from %s: %w", ListsBucket, err)
		}
		return res, nil
	}
	return res, errors.New("publish rule pack: the bucket kept changing under us (other managers publishing other rules?)")
}

// RulePackOptions configure a RulePackFetcher.
type RulePackOptions struct {
	// URL, Credentials and Name are the NATS connection's, as for an Agent; the
	// fetcher has a connection of its own.
	URL, Credentials, Name string
	// TLSCA is the CA file the server's certificate is checked against (TLSOption).
	TLSCA string
	// InboxPrefix is the connection's inbox prefix: an agent's credentials let it
	// receive replies below AgentInboxPrefix(host) only. Empty: "_INBOX".
	InboxPrefix string
	// Dir is the folder packs are installed into; it is created when missing. The
	// fetcher owns the files it installs there and its state file
	// (.aupscan-pack.json).
	Dir string
	// Trusted are the keys a pack may be signed with (at least one).
	Trusted []ed25519.PublicKey
	// Interval is the pause between two reads of the bucket (default 60s), plus a
	// random tenth of it so that agents do not all ask at once. The bucket is read
	// at start and after each (re)connection too.
	Interval time.Duration
	// Timeout bounds one read (default 10s).
	Timeout time.Duration
	// OnInstall is called after a pack was installed, with its version: the daemon
	// reloads its rules there.
	OnInstall func(version uint64)
	Log       *slog.Logger
}

// RulePackStats count what a fetcher did.
type RulePackStats struct {
	Version   uint64 // of the installed pack; 0: none
	KeyID     string // that signed it
	Installs  uint64 // packs installed since start
	Refused   uint64 // packs refused: bad envelope, untrusted key, bad signature, rollback
	Failures  uint64 // packs that could not be written to the folder
	LastError string // of the last refused or failed pack
}

// RulePackFetcher reads the rules bucket, checks each new pack (signature by a trusted
// key, a version above the installed one) and installs it into its folder. A pack it
// refuses changes nothing in the folder: the running rules stay.
type RulePackFetcher struct {
	o      RulePackOptions
	nc     *nats.Conn
	js     jetstream.JetStream
	folder *packFolder
	log    *slog.Logger
	kick   chan struct{}

	mu      sync.Mutex // one check at a time
	kv      jetstream.KeyValue
	lastRev uint64
	quiet   bool // "nothing published yet" logged

	smu   sync.Mutex
	stats RulePackStats
}

// NewRulePackFetcher prepares the folder (reading the installed pack's state) and
// connects; the server need not be reachable yet.
func NewRulePackFetcher(o RulePackOptions) (*RulePackFetcher, error) {
	if len(o.Trusted) == 0 {
		return nil, errors.New("rule packs: no trusted key")
	}
	if o.Dir == "" {
		return nil, errors.New("rule packs: no folder")
	}
	if o.Interval <= 0 {
		o.Interval = time.Minute
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Name == "" {
		o.Name = "aupscan-rules"
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	folder, err := openPackFolder(o.Dir)
	if err != nil {
		return nil, err
	}
	f := &RulePackFetcher{o: o, folder: folder, log: o.Log, kick: make(chan struct{}, 1)}
	f.stats.Version, f.stats.KeyID = folder.state.Version, folder.state.KeyID
	opts := []nats.Option{
		nats.Name(o.Name),
		nats.MaxReconnects(-1),
		nats.RetryOnFailedConnect(true),
		// Refused credentials are read again at the next attempt (a re-enrolled agent).
		nats.IgnoreAuthErrorAbort(),
		nats.ConnectHandler(func(*nats.Conn) { f.Wake() }),
		nats.ReconnectHandler(func(*nats.Conn) { f.Wake() }),
	}
	if o.Credentials != "" {
		opts = append(opts, nats.UserCredentials(o.Credentials))
	}
	if o.InboxPrefix != "" {
		opts = append(opts, nats.CustomInboxPrefix(o.InboxPrefix))
	}
	opts = append(opts, TLSOption(o.TLSCA)...)
	nc, err := nats.Connect(o.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("rule packs: connect %s: %w", o.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("rule packs: %w", err)
	}
	f.nc, f.js = nc, js
	return f, nil
}

// Wake makes Run read the bucket now.
func (f *RulePackFetcher) Wake() {
	select {
	case f.kick <- struct{}{}:
	default:
	}
}

// Run reads the bucket at once, then every Interval (plus jitter) and after each
// reconnection, until ctx ends.
func (f *RulePackFetcher) Run(ctx context.Context) {
	for {
		if err := f.Check(ctx); err != nil && ctx.Err() == nil {
			f.log.Debug("rule pack check", "err", err)
		}
		wait := f.o.Interval + rand.N(f.o.Interval/10+1)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		case <-f.kick:
			t.Stop()
		}
	}
}

// Check reads the bucket once and installs its pack when it is new, signed by a
// trusted key and newer than the installed one. It returns why a pack was refused or
// not installed, or why the bucket could not be read; no pack published yet is no
// error.
func (f *RulePackFetcher) Check(ctx context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, f.o.Timeout)
	defer cancel()
	if f.kv == nil {
		kv, err := f.js.KeyValue(ctx, RulesBucket)
		if errors.Is(err, jetstream.ErrBucketNotFound) {
			f.nothingYet("no rules bucket")
			return nil
		}
		if err != nil {
			return fmt.Errorf("rule packs: bucket %s: %w", RulesBucket, err)
		}
		f.kv = kv
	}
	e, err := f.kv.Get(ctx, RulesKey)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		f.nothingYet("no pack in the bucket")
		return nil
	}
	if err != nil {
		if errors.Is(err, jetstream.ErrStreamNotFound) || errors.Is(err, jetstream.ErrBucketNotFound) {
			f.kv = nil
		}
		return fmt.Errorf("rule packs: read %s/%s: %w", RulesBucket, RulesKey, err)
	}
	if e.Revision() == f.lastRev {
		return nil
	}
	err = f.offer(ctx, e.Value(), e.Revision())
	if err == nil || !errors.Is(err, errInstall) {
		f.lastRev = e.Revision() // a refused pack is refused once; a failed install is tried again
	}
	return err
}

func (f *RulePackFetcher) nothingYet(why string) {
	if !f.quiet {
		f.log.Info("no rule pack published yet: running the local rules", "bucket", RulesBucket, "why", why)
		f.quiet = true
	}
}

var errInstall = errors.New("rule pack not installed")

// offer checks and installs one envelope, with the lists that travel beside it.
func (f *RulePackFetcher) offer(ctx context.Context, env []byte, rev uint64) error {
	p, err := rulepack.Open(env, f.o.Trusted)
	if err == nil && p.Version > f.folder.state.Version && len(p.Objects()) > 0 {
		if err = fetchObjects(ctx, f.js, p, f.o.Dir); err != nil && !errors.Is(err, rulepack.ErrBadSignature) {
			err = fmt.Errorf("%w: %w", errInstall, err) // not there yet, or unreadable: tried again
		}
	}
	if err == nil {
		var installed bool
		installed, err = f.folder.offer(p)
		if err == nil {
			f.quiet = false
			if !installed {
				return nil
			}
			f.smu.Lock()
			f.stats.Version, f.stats.KeyID = p.Version, p.KeyID
			f.stats.Installs++
			f.smu.Unlock()
			f.log.Info("rule pack installed", "version", p.Version, "key", p.KeyID, "files", len(p.Files),
				"created", p.Created, "dir", f.o.Dir, "revision", rev)
			if f.o.OnInstall != nil {
				f.o.OnInstall(p.Version)
			}
			return nil
		}
	}
	f.smu.Lock()
	defer f.smu.Unlock()
	f.stats.LastError = err.Error()
	if errors.Is(err, errInstall) {
		f.stats.Failures++
		f.log.Error("rule pack not installed, keeping the running rules", "err", err, "dir", f.o.Dir, "revision", rev)
		return err
	}
	f.stats.Refused++
	f.log.Warn("rule pack refused, keeping the running rules", "reason", err.Error(), "installed_version", f.stats.Version,
		"revision", rev, "refused", f.stats.Refused)
	return err
}

// Stats returns the fetcher's counters.
func (f *RulePackFetcher) Stats() RulePackStats {
	f.smu.Lock()
	defer f.smu.Unlock()
	return f.stats
}

// Close closes the fetcher's connection.
func (f *RulePackFetcher) Close() { f.nc.Close() }

// packFolder is the folder packs are installed into, with the state of the installed
// pack in a hidden file: a restart neither installs that pack again nor takes an
// older one.
type packFolder struct {
	dir   string
	state packState
}

type packState struct {
	Version   uint64    `json:"version"`
	KeyID     string    `json:"key_id"`
	Created   time.Time `json:"created"`
	Digest    string    `json:"digest"`
	Files     []string  `json:"files"`
	Installed time.Time `json:"installed"`
}

const (
	packStateFile = ".aupscan-pack.json"
	packTempGlob  = ".aupscan-pack-*.tmp"
)

func openPackFolder(dir string) (*packFolder, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("rule pack folder: %w", err)
	}
	// Temporary files of an install a crash interrupted.
	if old, err := filepath.Glob(filepath.Join(dir, packTempGlob)); err == nil {
		for _, o := range old {
			_ = os.Remove(o)
		}
	}
	pf := &packFolder{dir: dir}
	data, err := os.ReadFile(filepath.Join(dir, packStateFile))
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("rule pack state: %w", err)
	default:
		if err := json.Unmarshal(data, &pf.state); err != nil {
			return nil, fmt.Errorf("rule pack state %s: %w (delete it to accept the next pack)", filepath.Join(dir, packStateFile), err)
		}
	}
	return pf, nil
}

// offer installs p when its version is above the installed one. The same files
// again (under any version) are no change; other files under an older or equal
// version are refused (ErrRollback). Errors writing the folder wrap errInstall.
func (pf *packFolder) offer(p *rulepack.Pack) (installed bool, err error) {
	digest := p.Digest()
	if p.Version <= pf.state.Version {
		if digest == pf.state.Digest {
			return false, nil
		}
		return false, fmt.Errorf("%w: version %d (key %s, created %s), the installed pack is version %d",
			ErrRollback, p.Version, p.KeyID, p.Created.Format(time.RFC3339), pf.state.Version)
	}
	if err := pf.install(p, digest); err != nil {
		return false, fmt.Errorf("%w: %w", errInstall, err)
	}
	return true, nil
}

// install writes p's files (list files first, then rule files; each through a
// temporary file renamed into place), removes the files of the previous pack that p
// does not have (rule files first), then records the new state.
func (pf *packFolder) install(p *rulepack.Pack, digest string) error {
	for _, f := range p.Files { // checked by rulepack.Open; once more, as this writes
		if err := rulepack.CheckFileName(f.Name); err != nil {
			return err
		}
	}
	isRules := func(name string) bool { return strings.HasSuffix(name, ".toml") }
	files := slices.Clone(p.Files)
	slices.SortStableFunc(files, func(a, b rulepack.File) int {
		switch ra, rb := isRules(a.Name), isRules(b.Name); {
		case ra == rb:
			return 0
		case rb:
			return -1
		default:
			return 1
		}
	})
	names := map[string]bool{}
	for _, f := range files {
		names[f.Name] = true
		path := filepath.Join(pf.dir, f.Name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, f.Data) {
			continue
		}
		if err := writeFileAtomic(pf.dir, f.Name, f.Data); err != nil {
			return err
		}
	}
	var gone []string
	for _, n := range pf.state.Files {
		if !names[n] && rulepack.CheckFileName(n) == nil {
			gone = append(gone, n)
		}
	}
	slices.SortStableFunc(gone, func(a, b string) int {
		switch ra, rb := isRules(a), isRules(b); {
		case ra == rb:
			return 0
		case ra:
			return -1
		default:
			return 1
		}
	})
	for _, n := range gone {
		if err := os.Remove(filepath.Join(pf.dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	st := packState{Version: p.Version, KeyID: p.KeyID, Created: p.Created, Digest: digest, Installed: time.Now().UTC()}
	for _, f := range p.Files {
		st.Files = append(st.Files, f.Name)
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(pf.dir, packStateFile, append(data, '\n')); err != nil {
		return err
	}
	pf.state = st
	return nil
}

// writeFileAtomic replaces dir/name with data: a temporary file in dir, synced, then
// renamed over the old one, and the folder synced.
func writeFileAtomic(dir, name string, data []byte) error {
	tmp, err := os.CreateTemp(dir, packTempGlob)
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return err
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
