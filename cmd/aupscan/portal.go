package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/store"
	"github.com/aupscan/aupscan/web"
)

// The commands of the case pages and console (issue 13): confirming a manual action,
// exporting cases, and the console's staff accounts.

// links are the case page links the notices this command queues carry (Resume,
// Resolve): the daemon's [web] public_url.
func links(cfg *config.Config) notify.Links {
	if cfg.Web == nil {
		return notify.Links{}
	}
	return notify.Links{BaseURL: cfg.Web.PublicURL, TTL: time.Duration(cfg.Web.TokenTTL)}
}

type casesConfirmCmd struct {
	ID     caseID `arg:"" name:"ID" help:"Case id: 42 or AUP-000042."`
	Reason string `required:"" placeholder:"TEXT" help:"What was done, where and by whom: recorded in the audit trail."`
	Actor  string `placeholder:"NAME" help:"Who confirms (default: $SUDO_USER, else $USER)."`
}

func (c *casesConfirmCmd) Run(g *Globals) error {
	op := caseOp{ID: c.ID, Note: c.Reason, Actor: c.Actor}
	return op.run(g, "confirmed done by hand", "confirm what was done by hand on", (*notify.Notifier).Confirm)
}

type casesExportCmd struct {
	As     string `default:"json" enum:"json,csv" help:"The format: json (an array of cases, each with its audit trail) or csv (one row per audit event)."`
	Tenant string `placeholder:"ID" help:"One tenant's cases only."`
	Output string `short:"o" placeholder:"FILE" help:"Write to FILE (default: standard output)."`
}

func (c *casesExportCmd) Run(g *Globals) error {
	ctx := context.Background()
	env, err := openCases(ctx, g, false)
	if err != nil {
		return err
	}
	defer env.Close()
	var w io.Writer = g.stdout
	if c.Output != "" {
		f, err := os.Create(c.Output)
		if err != nil {
			return &exitErr{code: exitError, err: fmt.Errorf("export: %w", err)}
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	if err := env.n.Export(ctx, bw, c.As, notify.ListFilter{All: true, Tenant: c.Tenant}); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	return bw.Flush()
}

type usersCmd struct {
	Add  usersAddCmd  `cmd:"" help:"Add a console account, or replace its password and role. The password is read from standard input."`
	List usersListCmd `cmd:"" help:"List the console accounts."`
}

type usersAddCmd struct {
	Name string `arg:"" help:"Account name (for a proxy identity: the name the proxy sends)."`
	Role string `required:"" enum:"viewer,reviewer,approver" help:"viewer (reads), reviewer (appeals, resumes, resolves, exempts), approver (also approves suspensions and reinstates)."`
}

func (c *usersAddCmd) Run(g *Globals) error {
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return &exitErr{code: exitError, err: fmt.Errorf("users add: password from standard input: %w", err)}
	}
	hash, err := web.HashPassword(strings.TrimRight(line, "\r\n"))
	if err != nil {
		return &exitErr{code: exitError, err: fmt.Errorf("users add: %w", err)}
	}
	ctx := context.Background()
	env, err := openCases(ctx, g, true)
	if err != nil {
		return err
	}
	defer env.Close()
	if err := env.store.PutUser(ctx, store.User{Name: c.Name, PasswordHash: hash, Role: c.Role, CreatedAt: clock()}); err != nil {
		return &exitErr{code: exitError, err: err}
	}
	fmt.Fprintf(g.stdout, "user %s: %s\n", c.Name, c.Role)
	return nil
}

type usersListCmd struct{}

func (c *usersListCmd) Run(g *Globals) error {
	ctx := context.Background()
	env, err := openCases(ctx, g, false)
	if err != nil {
		return err
	}
	defer env.Close()
	us, err := env.store.Users(ctx)
	if err != nil {
		return &exitErr{code: exitError, err: err}
	}
	for _, u := range us {
		fmt.Fprintf(g.stdout, "%s\t%s\t%s\n", u.Name, u.Role, u.CreatedAt.UTC().Format(time.RFC3339))
	}
	return nil
}
