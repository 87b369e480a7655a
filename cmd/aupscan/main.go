// Command aupscan is the security staff's tool: scan captures, folders and this host
// for acceptable-use violations, check and list rules, review cases, preview notices.
//
// Exit codes (a contract, docs/contracts.md): 0 no findings, 1 findings reported, 2 bad usage
// or an input that could not be read at all; 2 wins when both happen.
package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/alecthomas/kong"

	"github.com/aupscan/aupscan/internal/version"
	"github.com/aupscan/aupscan/signatures"
)

// Exit codes of every command.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// cli is the command tree; kong builds the parser and the help from it.
type cli struct {
	Globals
	Files filesCmd `cmd:"" help:"Scan files and folders against the file rules."`
	Host  hostCmd  `cmd:"" help:"Scan this host (or a VM's root with --root): packages, programs, configuration, what units and crontabs start, containers, processes."`
	Rules rulesCmd `cmd:"" help:"Check, list and show rules."`
	Pcap  pcapCmd  `cmd:"" help:"Scan capture files (pcap, pcapng) for VPN, proxy, Tor, tunnel and remote-access traffic."`
	Live  liveCmd  `cmd:"" help:"Capture on an interface (AF_PACKET, root) and report findings as they come."`

	Cases  casesCmd  `cmd:"" help:"Review tenant cases and act on them: list, show, approve, appeal, resume, exempt, resolve, reinstate."`
	Notify notifyCmd `cmd:"" help:"Preview notices and test the mail setup."`
	Users  usersCmd  `cmd:"" help:"Staff accounts of the case console ([web]): add, list."`
	Fleet  fleetCmd  `cmd:"" help:"Fleet mode: the NATS authority and agent credentials, signed rule packs."`

	Version    versionFlag    `help:"Print the version, commit and build date, and the built-in rules' version, then exit."`
	Man        manFlag        `hidden:"" help:"Print the man page (roff) and exit."`
	Completion completionFlag `hidden:"" placeholder:"SHELL" help:"Print the completion script for bash, zsh or fish and exit."`
}

// Globals are the flags every command takes.
type Globals struct {
	Format    string   `enum:"text,json,eve,ocsf" default:"text" help:"Output format: text, or json (JSON Lines, one record a line); findings also as eve (Suricata's EVE field names) or ocsf (OCSF Detection Finding)."`
	RuleDirs  []string `name:"rules" type:"path" placeholder:"DIR" help:"Operator rule folder (repeatable): adds rules, replaces built-in rules by id, disables by id."`
	LogLevel  string   `enum:"debug,info,warn,error" default:"warn" help:"Log level (logs go to stderr)."`
	NoBuiltin bool     `help:"Leave the built-in rules out: only the --rules folders count."`
	Config    string   `type:"path" default:"/etc/aupscan/aupscand.toml" env:"AUPSCAN_CONFIG" placeholder:"FILE" help:"The daemon's configuration file (default /etc/aupscan/aupscand.toml): the cases and notify commands read its [notify] section (database, tenants, policy, mail) and [rules]."`

	stdout, stderr io.Writer
}

// exitErr carries a command's exit code with the message to print, if any.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run parses args and runs the command, returning the exit code; main is only this,
// so tests run the real CLI in-process.
func run(args []string, stdout, stderr io.Writer) (code int) {
	var c cli
	c.stdout, c.stderr = stdout, stderr
	exited := false
	parser, err := kong.New(&c,
		kong.Name("aupscan"),
		kong.Description("Find VPN, proxy, Tor and tunnel software and prohibited content; review cases and notices."),
		kong.Writers(stdout, stderr),
		kong.Exit(func(c int) { exited, code = true, c }),
		kong.UsageOnError(),
	)
	if err != nil {
		fmt.Fprintln(stderr, "aupscan:", err)
		return exitError
	}
	ctx, err := parser.Parse(args)
	if exited { // --help
		return code
	}
	if err != nil {
		fmt.Fprintln(stderr, "aupscan:", err)
		return exitError
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level(c.LogLevel)})))
	if err := ctx.Run(&c.Globals); err != nil {
		var ee *exitErr
		if errors.As(err, &ee) {
			if ee.err != nil {
				fmt.Fprintln(stderr, "aupscan:", ee.err)
			}
			return ee.code
		}
		fmt.Fprintln(stderr, "aupscan:", err)
		return exitError
	}
	return exitClean
}

func level(s string) slog.Level {
	var l slog.Level
	_ = l.UnmarshalText([]byte(s))
	return l
}

// versionFlag is --version: the build and the built-in rules' version, then exit 0.
type versionFlag bool

func (versionFlag) BeforeApply(app *kong.Kong) error {
	set, err := signatures.Load(signatures.Options{})
	v, n := "", 0
	if set != nil {
		v, n = set.Version(), set.Len()
	}
	version.Write(app.Stdout, "aupscan", v, n, err)
	app.Exit(exitClean)
	return nil
}
