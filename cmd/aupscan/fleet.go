package main

// fleetCmd groups the fleet's setup commands: credentials (fleet_auth.go) and
// signed rule packs (fleet_rules.go).
type fleetCmd struct {
	Init         fleetInitCmd         `cmd:"" help:"Create the fleet's NATS authority (operator, system account, account AUPSCAN) in a private folder."`
	Enroll       fleetEnrollCmd       `cmd:"" help:"Issue an agent's credentials (or a manager's with --manager)."`
	ServerConfig fleetServerConfigCmd `cmd:"" name:"server-config" help:"Print the nats-server configuration lines that make an external server trust the authority."`
	Keygen       fleetKeygenCmd       `cmd:"" help:"Make a rule pack signing key: KEYFILE (0600, the manager's fleet.rules.signing_key) and KEYFILE.pub (the agents' fleet.rules.public_keys)."`
	Pack         fleetPackCmd         `cmd:"" help:"Build and sign a rule pack of rule folders, offline."`
	Verify       fleetVerifyCmd       `cmd:"" help:"Check a signed rule pack with public keys; print its version, key and files."`
}
