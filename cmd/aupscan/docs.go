package main

import (
	"fmt"
	"time"

	"github.com/alecthomas/kong"

	"github.com/aupscan/aupscan/internal/clidoc"
	"github.com/aupscan/aupscan/internal/version"
)

// manFlag is the hidden --man: the man page, aupscan(1), made from the command tree,
// for scripts/release.sh to ship.
type manFlag bool

func (manFlag) BeforeApply(app *kong.Kong) error {
	fmt.Fprint(app.Stdout, manPage(app).Roff())
	app.Exit(exitClean)
	return nil
}

// completionFlag is the hidden --completion=SHELL: the completion script for bash,
// zsh or fish, made from the command tree.
type completionFlag string

func (completionFlag) BeforeApply(app *kong.Kong, ctx *kong.Context, trace *kong.Path) error {
	shell := fmt.Sprint(ctx.FlagValue(trace.Flag))
	script, err := clidoc.Completion(shell, clidoc.FromKong(app.Model, docFlags...))
	if err != nil {
		return err
	}
	fmt.Fprint(app.Stdout, script)
	app.Exit(exitClean)
	return nil
}

// docFlags are the flags that print these documents: not part of them.
var docFlags = []string{"man", "completion"}

func manPage(app *kong.Kong) clidoc.Page {
	v := version.Get()
	return clidoc.Page{
		Root:    clidoc.FromKong(app.Model, docFlags...),
		Section: 1,
		Title:   "find VPN, proxy, Tor and tunnel software and prohibited content; review cases and notices",
		Version: "aupscan " + v.Version,
		Date:    releaseDate(v),
		Sections: []clidoc.Section{
			{Name: "Exit status", Text: "0: no findings. 1: findings reported. 2: bad usage, or an input that could not be read at all " +
				"(with a message on stderr naming it); 2 wins when both happen. The cases commands exit 1 when the case's state refuses the action."},
			{Name: "Environment", Text: "AUPSCAN_CONFIG: the daemon's configuration file, read by the cases and notify commands (as --config)."},
			{Name: "Files", Text: "/etc/aupscan/aupscand.toml: the daemon's configuration; its [notify] section names the case database.\n" +
				"/var/lib/aupscan: the case database and the mail folder of the packaged configuration."},
			{Name: "See also", Text: "aupscand(8); /usr/share/doc/aupscan/README.md"},
		},
	}
}

// releaseDate is the page's date: the build's, so that one release's pages are the
// same whenever they are made; today for a build that recorded none.
func releaseDate(v version.Info) time.Time {
	if t, err := time.Parse(time.RFC3339, v.Date); err == nil {
		return t
	}
	return time.Now()
}
