package fleet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"
)

// AccountName is the NATS account every agent and manager of the fleet is a user of.
const AccountName = "AUPSCAN"

// systemAccountName names the operator's system account (server events, monitoring).
const systemAccountName = "SYS"

// agentRulesKV is the key-value bucket holding the signed rule pack, the one thing
// besides its own subjects that an agent's credentials may read.
const agentRulesKV = "aupscan-rules"

// The files of an authority folder: NKey seeds (0600) and the JWTs they signed.
const (
	operatorSeedFile = "operator.nk"
	operatorJWTFile  = "operator.jwt"
	systemSeedFile   = "system.nk"
	systemJWTFile    = "system.jwt"
	accountSeedFile  = "aupscan.nk"
	accountJWTFile   = "aupscan.jwt"
)

// The fleet account's JetStream limits: the findings stream (1 GiB at most), the
// heartbeats, the rule packs and their list files with room to spare.
const (
	AccountDiskStorage   = 16 << 30
	AccountMemoryStorage = 1 << 30
	AccountStreams       = 16
)

// AgentInboxPrefix is the inbox prefix of host's agent ("_INBOX_<HostToken(host)>"):
// the only subjects its credentials may subscribe to are below it, so the agent's
// connection must use nats.CustomInboxPrefix(AgentInboxPrefix(host)) for JetStream
// acknowledgements and API replies to reach it.
func AgentInboxPrefix(host string) string { return "_INBOX_" + HostToken(host) }

// Authority is the fleet's NATS trust chain, kept in a folder: an operator NKey, the
// operator's system account, and the account AUPSCAN (JetStream enabled) whose users
// are the agents and the managers. A server that trusts the operator and knows the
// two account JWTs accepts every user the authority issues, so enrolling an agent
// needs no change on the servers.
type Authority struct {
	dir                    string
	operator, sys, account nkeys.KeyPair
	operatorJWT            string
	operatorClaims         *jwt.OperatorClaims
	sysJWT, accountJWT     string
	sysPub, accountPub     string
}

// InitAuthority creates an authority in dir (created 0700; seeds written 0600), or
// loads the one already there.
func InitAuthority(dir string) (*Authority, error) {
	if _, err := os.Stat(filepath.Join(dir, operatorJWTFile)); err == nil {
		return LoadAuthority(dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	for _, f := range []string{operatorSeedFile, systemSeedFile, systemJWTFile, accountSeedFile, accountJWTFile} {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			return nil, fmt.Errorf("fleet authority %s: incomplete (%s without %s): remove the folder and init again", dir, f, operatorJWTFile)
		}
	}
	a := &Authority{dir: dir}
	var err error
	if a.operator, err = nkeys.CreateOperator(); err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	if a.sys, err = nkeys.CreateAccount(); err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	if a.account, err = nkeys.CreateAccount(); err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	opPub, _ := a.operator.PublicKey()
	a.sysPub, _ = a.sys.PublicKey()
	a.accountPub, _ = a.account.PublicKey()

	oc := jwt.NewOperatorClaims(opPub)
	oc.Name = "aupscan"
	oc.SystemAccount = a.sysPub
	if a.operatorJWT, err = oc.Encode(a.operator); err != nil {
		return nil, fmt.Errorf("fleet authority: operator: %w", err)
	}
	sc := jwt.NewAccountClaims(a.sysPub)
	sc.Name = systemAccountName
	if a.sysJWT, err = sc.Encode(a.operator); err != nil {
		return nil, fmt.Errorf("fleet authority: system account: %w", err)
	}
	ac := jwt.NewAccountClaims(a.accountPub)
	ac.Name = AccountName
	// JetStream on, within account limits: the streams' own limits (per host, per
	// stream, discard new; the spool on the agents) bound what the fleet stores, and
	// the account's bound everything together, so that nothing in it can fill the
	// server's disk. Consumers stay unlimited: each agent watches the rule packs.
	ac.Limits.JetStreamLimits = jwt.JetStreamLimits{MemoryStorage: AccountMemoryStorage, DiskStorage: AccountDiskStorage,
		Streams: AccountStreams, Consumer: jwt.NoLimit, MaxAckPending: jwt.NoLimit}
	if a.accountJWT, err = ac.Encode(a.operator); err != nil {
		return nil, fmt.Errorf("fleet authority: account %s: %w", AccountName, err)
	}
	seed := func(kp nkeys.KeyPair) []byte { s, _ := kp.Seed(); return s }
	// The operator's JWT last: its presence marks a complete authority.
	for _, f := range []struct {
		name string
		data []byte
		mode fs.FileMode
	}{
		{operatorSeedFile, seed(a.operator), 0o600},
		{systemSeedFile, seed(a.sys), 0o600},
		{accountSeedFile, seed(a.account), 0o600},
		{systemJWTFile, []byte(a.sysJWT + "\n"), 0o644},
		{accountJWTFile, []byte(a.accountJWT + "\n"), 0o644},
		{operatorJWTFile, []byte(a.operatorJWT + "\n"), 0o644},
	} {
		if err := writeNew(filepath.Join(dir, f.name), f.data, f.mode); err != nil {
			return nil, fmt.Errorf("fleet authority: %w", err)
		}
	}
	if err := syncDir(dir); err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	return LoadAuthority(dir)
}

// writeNew writes a file that must not exist yet, and syncs it.
func writeNew(path string, data []byte, mode fs.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// LoadAuthority reads the authority InitAuthority wrote in dir. A seed file that
// others than its owner may read is refused.
func LoadAuthority(dir string) (*Authority, error) {
	a := &Authority{dir: dir}
	bad := func(err error) (*Authority, error) {
		return nil, fmt.Errorf("fleet authority %s: %w", dir, err)
	}
	if _, err := os.Stat(filepath.Join(dir, operatorJWTFile)); errors.Is(err, fs.ErrNotExist) {
		return bad(errors.New("no authority here (aupscan fleet init --authority DIR creates one)"))
	}
	readSeed := func(name string, check func(string) bool) (nkeys.KeyPair, error) {
		p := filepath.Join(dir, name)
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if st.Mode().Perm()&0o077 != 0 {
			return nil, fmt.Errorf("%s: readable by others (mode %04o): chmod 600 it", name, st.Mode().Perm())
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		kp, err := nkeys.FromSeed([]byte(strings.TrimSpace(string(b))))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		pub, _ := kp.PublicKey()
		if !check(pub) {
			return nil, fmt.Errorf("%s: not the right kind of key", name)
		}
		return kp, nil
	}
	readJWT := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		return strings.TrimSpace(string(b)), err
	}
	var err error
	if a.operator, err = readSeed(operatorSeedFile, nkeys.IsValidPublicOperatorKey); err != nil {
		return bad(err)
	}
	if a.sys, err = readSeed(systemSeedFile, nkeys.IsValidPublicAccountKey); err != nil {
		return bad(err)
	}
	if a.account, err = readSeed(accountSeedFile, nkeys.IsValidPublicAccountKey); err != nil {
		return bad(err)
	}
	opPub, _ := a.operator.PublicKey()
	a.sysPub, _ = a.sys.PublicKey()
	a.accountPub, _ = a.account.PublicKey()
	if a.operatorJWT, err = readJWT(operatorJWTFile); err != nil {
		return bad(err)
	}
	if a.operatorClaims, err = jwt.DecodeOperatorClaims(a.operatorJWT); err != nil {
		return bad(fmt.Errorf("%s: %w", operatorJWTFile, err))
	}
	if a.operatorClaims.Subject != opPub || a.operatorClaims.SystemAccount != a.sysPub {
		return bad(fmt.Errorf("%s does not match %s and %s", operatorJWTFile, operatorSeedFile, systemSeedFile))
	}
	for _, acc := range []struct {
		file, pub string
		jwt       *string
	}{{systemJWTFile, a.sysPub, &a.sysJWT}, {accountJWTFile, a.accountPub, &a.accountJWT}} {
		if *acc.jwt, err = readJWT(acc.file); err != nil {
			return bad(err)
		}
		ac, err := jwt.DecodeAccountClaims(*acc.jwt)
		if err != nil {
			return bad(fmt.Errorf("%s: %w", acc.file, err))
		}
		if ac.Subject != acc.pub || ac.Issuer != opPub {
			return bad(fmt.Errorf("%s is not the operator's account of its seed", acc.file))
		}
	}
	return a, nil
}

// Dir is the authority's folder.
func (a *Authority) Dir() string { return a.dir }

// Operator is the operator's public key.
func (a *Authority) Operator() string { return a.operatorClaims.Subject }

// Account is the public key of the account AUPSCAN.
func (a *Authority) Account() string { return a.accountPub }

// SystemAccount is the public key of the system account.
func (a *Authority) SystemAccount() string { return a.sysPub }

// agentPermissions are what host's agent may do: publish its findings and
// heartbeats, read the rule pack bucket, and receive replies on its own inbox.
func agentPermissions(host string) jwt.Permissions {
	tok := HostToken(host)
	stream := "KV_" + agentRulesKV
	lists := "OBJ_" + ListsBucket
	return jwt.Permissions{
		Pub: jwt.Permission{Allow: jwt.StringList{
			FindingsPrefix + tok,
			HeartbeatPrefix + tok,
			"$JS.API.INFO",
			"$JS.API.STREAM.INFO." + stream,
			"$JS.API.STREAM.MSG.GET." + stream,
			"$JS.API.DIRECT.GET." + stream,        // by revision (kv.GetRevision)
			"$JS.API.DIRECT.GET." + stream + ".>", // the last value of a key (kv.Get)
			// Lists too big for a pack (lists.go): an object's metadata and chunks.
			"$JS.API.STREAM.INFO." + lists,
			"$JS.API.STREAM.MSG.GET." + lists,
			"$JS.API.DIRECT.GET." + lists,
			"$JS.API.DIRECT.GET." + lists + ".>",
		}},
		Sub: jwt.Permission{Allow: jwt.StringList{AgentInboxPrefix(host) + ".>"}},
	}
}

// IssueAgent returns a NATS credentials file (user JWT and NKey seed) for host's
// agent: it may publish only on host's findings and heartbeat subjects, read the
// "aupscan-rules" key-value bucket, and subscribe only below AgentInboxPrefix(host).
// The credentials expire after ttl (0: never).
func (a *Authority) IssueAgent(host string, ttl time.Duration) ([]byte, error) {
	if host == "" {
		return nil, errors.New("fleet authority: no host")
	}
	exp, err := expiry(ttl)
	if err != nil {
		return nil, err
	}
	return a.issue(host, agentPermissions(host), true, exp)
}

// IssueManager returns credentials for a manager named name: every right in the
// account (streams, consumers, the rules bucket). They expire after ttl (0: never).
func (a *Authority) IssueManager(name string, ttl time.Duration) ([]byte, error) {
	if name == "" {
		return nil, errors.New("fleet authority: no manager name")
	}
	exp, err := expiry(ttl)
	if err != nil {
		return nil, err
	}
	return a.issue(name, jwt.Permissions{}, false, exp)
}

func expiry(ttl time.Duration) (time.Time, error) {
	switch {
	case ttl < 0:
		return time.Time{}, fmt.Errorf("fleet authority: negative ttl %v", ttl)
	case ttl == 0:
		return time.Time{}, nil
	}
	return time.Now().Add(ttl), nil
}

// issue creates a user key and returns its credentials file.
func (a *Authority) issue(name string, perms jwt.Permissions, agent bool, expires time.Time) ([]byte, error) {
	user, err := nkeys.CreateUser()
	if err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	pub, _ := user.PublicKey()
	ujwt, err := a.userJWT(pub, name, perms, agent, expires)
	if err != nil {
		return nil, err
	}
	seed, _ := user.Seed()
	creds, err := jwt.FormatUserConfig(ujwt, seed)
	if err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	// Recorded so that Revoke can find the key of a host later.
	if err := a.record(pub, name); err != nil {
		return nil, err
	}
	return creds, nil
}

// userJWT signs a user JWT for the user key pub with the account key.
func (a *Authority) userJWT(pub, name string, perms jwt.Permissions, agent bool, expires time.Time) (string, error) {
	uc := jwt.NewUserClaims(pub)
	uc.Name = name
	uc.Permissions = perms
	if agent {
		// A plain client connection only: no leaf node, websocket or MQTT.
		uc.AllowedConnectionTypes = jwt.StringList{jwt.ConnectionTypeStandard}
		uc.Tags.Add("aupscan:agent")
	} else {
		uc.Tags.Add("aupscan:manager")
	}
	if !expires.IsZero() {
		uc.Expires = expires.Unix()
	}
	vr := jwt.CreateValidationResults()
	uc.Validate(vr)
	if errs := vr.Errors(); len(errs) > 0 {
		return "", fmt.Errorf("fleet authority: user %q: %w", name, errors.Join(errs...))
	}
	s, err := uc.Encode(a.account)
	if err != nil {
		return "", fmt.Errorf("fleet authority: user %q: %w", name, err)
	}
	return s, nil
}

// ManagerOption is a connection option that authenticates as a manager named name
// without a credentials file: a user key made now, kept in memory, and a user JWT
// issued at every (re)connection, valid for ttl, so the connection outlives any
// one JWT.
func (a *Authority) ManagerOption(name string, ttl time.Duration) (nats.Option, error) {
	if ttl <= 0 {
		return nil, fmt.Errorf("fleet authority: manager ttl must be positive, got %v", ttl)
	}
	user, err := nkeys.CreateUser()
	if err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	pub, _ := user.PublicKey()
	return nats.UserJWT(
		func() (string, error) { return a.userJWT(pub, name, jwt.Permissions{}, false, time.Now().Add(ttl)) },
		func(nonce []byte) ([]byte, error) { return user.Sign(nonce) },
	), nil
}

// configure puts the server in operator mode: it trusts the operator and resolves
// the system and AUPSCAN accounts from memory.
func (a *Authority) configure(o *server.Options) error {
	res := &server.MemAccResolver{}
	if err := res.Store(a.sysPub, a.sysJWT); err != nil {
		return err
	}
	if err := res.Store(a.accountPub, a.accountJWT); err != nil {
		return err
	}
	o.TrustedOperators = []*jwt.OperatorClaims{a.operatorClaims}
	o.SystemAccount = a.sysPub
	o.AccountResolver = res
	return nil
}

// ServerConfig returns the lines of a nats-server configuration that make a server
// (or every server of a cluster) trust this authority, as the embedded server does:
// the operator, the system account, and a memory resolver preloaded with the two
// account JWTs. The server also needs JetStream enabled.
func (a *Authority) ServerConfig() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# aupscan fleet authority %s (aupscan fleet server-config)\n", a.dir)
	fmt.Fprintf(&b, "# operator %s; accounts %s (system), %s (%s, JetStream)\n",
		a.Operator(), a.sysPub, a.accountPub, AccountName)
	fmt.Fprintf(&b, "operator: %s\n", a.operatorJWT)
	fmt.Fprintf(&b, "system_account: %s\n", a.sysPub)
	b.WriteString("resolver: MEMORY\n")
	b.WriteString("resolver_preload: {\n")
	fmt.Fprintf(&b, "  %s: %s\n", a.sysPub, a.sysJWT)
	fmt.Fprintf(&b, "  %s: %s\n", a.accountPub, a.accountJWT)
	b.WriteString("}\n")
	return b.String()
}
