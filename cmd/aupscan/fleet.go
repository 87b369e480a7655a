package main

import (
	"errors"
	"io/fs"
	"os"
)

// fleetCmd groups the fleet's setup commands: credentials (fleet_auth.go) and
// signed rule packs (fleet_rules.go).
type fleetCmd struct {
	Init         fleetInitCmd         `cmd:"" help:"Create the fleet's NATS authority (operator, system account, account AUPSCAN) in a private folder."`
	Enroll       fleetEnrollCmd       `cmd:"" help:"Issue an agent's credentials (or a manager's with --manager)."`
	ServerConfig fleetServerConfigCmd `cmd:"" name:"server-config" help:"Print the nats-server configuration lines that make an external server trust the authority."`
	Revoke       fleetRevokeCmd       `cmd:"" help:"Revoke every credentials file issued to a host (a leaked file, a VM handed back)."`
	Keygen       fleetKeygenCmd       `cmd:"" help:"Make a rule pack signing key: KEYFILE (0600, the manager's fleet.rules.signing_key) and KEYFILE.pub (the agents' fleet.rules.public_keys)."`
	Pack         fleetPackCmd         `cmd:"" help:"Build and sign a rule pack of rule folders, offline."`
	Verify       fleetVerifyCmd       `cmd:"" help:"Check a signed rule pack with public keys; print its version, key and files."`
}

// writeKeyFile replaces path with data under mode, through a temporary file that is
// synced and renamed: a key or credentials file is whole or absent.
func writeKeyFile(path string, data []byte, mode fs.FileMode) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	return nil
}
