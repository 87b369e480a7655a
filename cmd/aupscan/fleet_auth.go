package main

import (
	"fmt"
	"time"

	"github.com/aupscan/aupscan/fleet"
	"github.com/aupscan/aupscan/internal/units"
)

// fleetInitCmd creates the fleet's NATS authority: an operator, its system account
// and the account AUPSCAN, in a folder only its owner may read.
type fleetInitCmd struct {
	Authority string `required:"" type:"path" placeholder:"DIR" help:"Folder of the authority (created 0700; an existing authority is kept)."`
}

func (c *fleetInitCmd) Run(g *Globals) error {
	a, err := fleet.InitAuthority(c.Authority)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	fmt.Fprintf(g.stdout, "authority %s\noperator %s\naccount %s %s\nsystem account %s\n",
		a.Dir(), a.Operator(), fleet.AccountName, a.Account(), a.SystemAccount())
	return nil
}

// fleetEnrollCmd issues the credentials of one agent (or a manager).
type fleetEnrollCmd struct {
	Authority string         `required:"" type:"path" placeholder:"DIR" help:"Folder of the authority (aupscan fleet init)."`
	TTL       units.Duration `name:"ttl" default:"365d" placeholder:"DURATION" help:"How long the credentials are valid (0: no expiry). Re-enroll before they expire."`
	Manager   bool           `help:"Credentials of a manager (every right in the account) instead of an agent's."`
	Output    string         `short:"o" type:"path" placeholder:"FILE" help:"Write the credentials to FILE (mode 0600) instead of stdout."`
	Host      string         `arg:"" name:"HOST" help:"The agent's host id (its identity.host), or the manager's name with --manager."`
}

func (c *fleetEnrollCmd) Run(g *Globals) error {
	a, err := fleet.LoadAuthority(c.Authority)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	var creds []byte
	if c.Manager {
		creds, err = a.IssueManager(c.Host, time.Duration(c.TTL))
	} else {
		creds, err = a.IssueAgent(c.Host, time.Duration(c.TTL))
	}
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if c.Output == "" {
		_, err := g.stdout.Write(creds)
		return err
	}
	if err := writeKeyFile(c.Output, creds, 0o600); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	return nil
}

// fleetServerConfigCmd prints the nats-server configuration lines that make an
// external NATS server (every server of a cluster) trust the authority.
type fleetServerConfigCmd struct {
	Authority string `required:"" type:"path" placeholder:"DIR" help:"Folder of the authority (aupscan fleet init)."`
}

func (c *fleetServerConfigCmd) Run(g *Globals) error {
	a, err := fleet.LoadAuthority(c.Authority)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	_, err = fmt.Fprint(g.stdout, a.ServerConfig())
	return err
}

// fleetRevokeCmd revokes every credentials file issued to a host (or a manager).
type fleetRevokeCmd struct {
	Authority string `required:"" type:"path" placeholder:"DIR" help:"Folder of the authority (aupscan fleet init)."`
	Host      string `arg:"" name:"HOST" help:"The agent's host id, or the manager's name, whose credentials are revoked."`
}

func (c *fleetRevokeCmd) Run(g *Globals) error {
	a, err := fleet.LoadAuthority(c.Authority)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	n, err := a.Revoke(c.Host)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	fmt.Fprintf(g.stdout, "revoked %d credentials of %s\n"+
		"embedded server: send the manager SIGHUP (systemctl reload aupscand)\n"+
		"external servers: replace the lines of aupscan fleet server-config and reload them\n", n, c.Host)
	return nil
}
