package fleet

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nats-io/jwt/v2"
)

// usersFile lists the users the authority issued a credentials file to, one a line:
// the user's public key, the time, and its name (the agent's host, or the manager's
// name). Revoke reads it to find the keys of a name.
const usersFile = "users.txt"

// record appends an issued user to the users file.
func (a *Authority) record(pub, name string) error {
	f, err := os.OpenFile(filepath.Join(a.dir, usersFile), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("fleet authority: %w", err)
	}
	_, err = fmt.Fprintf(f, "%s %s %s\n", pub, time.Now().UTC().Format(time.RFC3339), name)
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// issuedTo returns the public keys of the users issued under name.
func (a *Authority) issuedTo(name string) ([]string, error) {
	f, err := os.Open(filepath.Join(a.dir, usersFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("fleet authority: %w", err)
	}
	defer f.Close()
	var keys []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.SplitN(sc.Text(), " ", 3)
		if len(fields) == 3 && fields[2] == name {
			keys = append(keys, fields[0])
		}
	}
	return keys, sc.Err()
}

// Revoke revokes every credentials file issued to name until now (an agent's host:
// a stolen or leaked file, a VM handed back) and returns how many. The revocations
// go into the account's JWT, signed again by the operator and saved; a server learns
// them from that JWT: the embedded one through Server.UpdateAuthority (the manager
// does it on SIGHUP), an external one from aupscan fleet server-config and a reload.
// Connections of revoked users are closed and refused from then on; a new enrollment
// of the same host makes a new key, which is not revoked.
func (a *Authority) Revoke(name string) (int, error) {
	keys, err := a.issuedTo(name)
	if err != nil {
		return 0, err
	}
	if len(keys) == 0 {
		return 0, fmt.Errorf("fleet authority: no credentials were issued to %q", name)
	}
	ac, err := jwt.DecodeAccountClaims(a.accountJWT)
	if err != nil {
		return 0, fmt.Errorf("fleet authority: account: %w", err)
	}
	now := time.Now()
	for _, k := range keys {
		ac.RevokeAt(k, now)
	}
	encoded, err := ac.Encode(a.operator)
	if err != nil {
		return 0, fmt.Errorf("fleet authority: account: %w", err)
	}
	if err := replaceFile(filepath.Join(a.dir, accountJWTFile), []byte(encoded+"\n"), 0o644); err != nil {
		return 0, fmt.Errorf("fleet authority: %w", err)
	}
	a.accountJWT = encoded
	return len(keys), nil
}

// replaceFile replaces path through a synced temporary file and a rename.
func replaceFile(path string, data []byte, mode os.FileMode) error {
	tmp := path + ".tmp"
	os.Remove(tmp)
	if err := writeNew(tmp, data, mode); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	return syncDir(filepath.Dir(path))
}

// UpdateAuthority gives the running server the authority's current account JWT:
// revocations take effect at once (their connections are closed).
func (s *Server) UpdateAuthority(a *Authority) error {
	ac, err := jwt.DecodeAccountClaims(a.accountJWT)
	if err != nil {
		return fmt.Errorf("embedded server: account: %w", err)
	}
	if err := s.s.AccountResolver().Store(a.accountPub, a.accountJWT); err != nil {
		return fmt.Errorf("embedded server: account: %w", err)
	}
	acc, err := s.s.LookupAccount(a.accountPub)
	if err != nil {
		return fmt.Errorf("embedded server: account: %w", err)
	}
	s.s.UpdateAccountClaims(acc, ac)
	return nil
}
