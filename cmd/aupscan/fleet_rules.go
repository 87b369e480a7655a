package main

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/aupscan/aupscan/fleet/rulepack"
)

// fleetKeygenCmd makes a rule pack signing key: KEYFILE, the private key for the
// manager (fleet.rules.signing_key), and KEYFILE.pub for the agents
// (fleet.rules.public_keys).
type fleetKeygenCmd struct {
	Out   string `required:"" type:"path" placeholder:"KEYFILE" help:"Write the private key to KEYFILE (mode 0600) and the public key to KEYFILE.pub."`
	Force bool   `help:"Replace key files that exist (the agents then need the new KEYFILE.pub)."`
}

func (c *fleetKeygenCmd) Run(g *Globals) error {
	key, err := rulepack.GenerateKey()
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	priv, err := rulepack.EncodeSigningKey(key)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	pub, err := rulepack.EncodePublicKey(key.Public().(ed25519.PublicKey))
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if !c.Force {
		for _, p := range []string{c.Out, c.Out + ".pub"} {
			if _, err := os.Stat(p); err == nil {
				return &exitErr{code: exitError, err: fmt.Errorf("%s exists: keep it, or replace it with --force", p)}
			}
		}
	}
	if err := writeKeyFile(c.Out, priv, 0o600); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if err := writeKeyFile(c.Out+".pub", pub, 0o644); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	fmt.Fprintf(g.stdout, "key %s\nprivate %s (the manager's fleet.rules.signing_key)\npublic %s.pub (the agents' fleet.rules.public_keys)\n",
		rulepack.KeyID(key.Public().(ed25519.PublicKey)), c.Out, c.Out)
	return nil
}

// fleetPackCmd builds and signs a rule pack offline, as a manager publishes it.
type fleetPackCmd struct {
	Key     string   `required:"" type:"path" placeholder:"KEYFILE" help:"Signing key (aupscan fleet keygen)."`
	Output  string   `short:"o" required:"" type:"path" placeholder:"FILE" help:"Write the signed pack to FILE."`
	Version uint64   `name:"pack-version" placeholder:"N" help:"The pack's version (default: the current time in Unix nanoseconds); agents only take a version above the one they run."`
	Dirs    []string `arg:"" type:"path" name:"FOLDER" help:"Rule folders: their *.toml files and the list files their rules name, which must lie beside them."`
}

func (c *fleetPackCmd) Run(g *Globals) error {
	key, err := rulepack.LoadSigningKey(c.Key)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	v := c.Version
	if v == 0 {
		v = uint64(time.Now().UnixNano())
	}
	p, err := rulepack.Build(c.Dirs, v)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	env, err := rulepack.Sign(p, key)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	if err := writeKeyFile(c.Output, env, 0o644); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	fmt.Fprintf(g.stdout, "pack %s: version %d, key %s, %d files, %s (%s signed)\n", c.Output, p.Version, p.KeyID,
		len(p.Files), humanize.IBytes(uint64(p.Size())), humanize.IBytes(uint64(len(env))))
	return nil
}

// fleetVerifyCmd checks a signed pack with the agents' public keys and lists it.
type fleetVerifyCmd struct {
	Keys string `required:"" type:"path" placeholder:"PUBFILE" help:"Public keys the pack may be signed with (KEYFILE.pub; several keys one after the other)."`
	File string `arg:"" type:"path" name:"FILE" help:"Signed pack (aupscan fleet pack, or the value of key \"pack\" in the aupscan-rules bucket)."`
}

// packReport is what verify prints with --format json.
type packReport struct {
	Version uint64           `json:"version"`
	Created time.Time        `json:"created"`
	Key     string           `json:"key"`
	Digest  string           `json:"digest"`
	Files   []packFileReport `json:"files"`
}

type packFileReport struct {
	Name   string `json:"name"`
	Size   int    `json:"size"`
	SHA256 string `json:"sha256"`
}

func (c *fleetVerifyCmd) Run(g *Globals) error {
	keys, err := rulepack.LoadPublicKeys(c.Keys)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	env, err := os.ReadFile(c.File)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	p, err := rulepack.Open(env, keys)
	if err != nil {
		return &exitErr{code: exitError, err: fmt.Errorf("%s refused: %w", c.File, err)}
	}
	r := packReport{Version: p.Version, Created: p.Created, Key: p.KeyID, Digest: p.Digest()}
	for _, f := range p.Files {
		r.Files = append(r.Files, packFileReport{Name: f.Name, Size: len(f.Data), SHA256: fmt.Sprintf("%x", sha256.Sum256(f.Data))})
	}
	if g.Format == "json" {
		return json.NewEncoder(g.stdout).Encode(r)
	}
	fmt.Fprintf(g.stdout, "version %d\ncreated %s\nkey %s\ndigest %s\n\n", r.Version, r.Created.Format(time.RFC3339), r.Key, r.Digest)
	tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tBYTES\tSHA256")
	for _, f := range r.Files {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", f.Name, f.Size, f.SHA256)
	}
	return tw.Flush()
}
