package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/aupscan/aupscan/internal/clidoc"
	"github.com/aupscan/aupscan/internal/version"
)

// printDoc prints the man page, aupscand(8), or the completion script for shell,
// both made from the flag set, for scripts/release.sh to ship.
func printDoc(fs *flag.FlagSet, man bool, shell string, stderr io.Writer) int {
	root := clidoc.FromFlagSet("aupscand", "The aupscan daemon: captures on configured interfaces, replays capture files, "+
		"scans host roots on a schedule and drives the notifier (cases, notices, suspension actions); serves Prometheus metrics. "+
		"SIGHUP reloads the configuration and the rules; SIGTERM stops it gracefully.",
		fs, []string{"config"}, [][2]string{{"check-config", "Check the configuration and the rules it names, then exit: 0 when they load, 2 when not."}},
		"man", "completion")
	if !man {
		s, err := clidoc.Completion(shell, root)
		if err != nil {
			fmt.Fprintln(stderr, "aupscand:", err)
			return 2
		}
		fmt.Fprint(stdout, s)
		return 0
	}
	v := version.Get()
	date, err := time.Parse(time.RFC3339, v.Date)
	if err != nil {
		date = time.Now()
	}
	fmt.Fprint(stdout, clidoc.Page{Root: root, Section: 8, Title: "the aupscan acceptable-use scanner daemon",
		Version: "aupscand " + v.Version, Date: date,
		Sections: []clidoc.Section{
			{Name: "Exit status", Text: "0: a clean stop (or --once done, or check-config passed). 1: an error stopped a running daemon. " +
				"2: bad usage, a configuration or rules refused, or a daemon that could not start."},
			{Name: "Signals", Text: "SIGHUP: reload the configuration and the rules, keeping the running ones when they do not load. " +
				"SIGTERM, SIGINT: stop; queued findings are recorded, unsent notices stay pending."},
			{Name: "Systemd", Text: "The unit is Type=notify: the daemon reports READY=1 once its rules are loaded and its first notifier cycle is done, " +
				"RELOADING=1 then READY=1 around a reload, STOPPING=1 on stop, and WATCHDOG=1 at half the unit's WatchdogSec."},
			{Name: "Files", Text: "/etc/aupscan/aupscand.toml: the configuration (root:aupscan, 0640).\n" +
				"/var/lib/aupscan: the case database and the mail folder.\n" +
				"/usr/lib/systemd/system/aupscand.service: the unit."},
			{Name: "See also", Text: "aupscan(1); /usr/share/doc/aupscan/README.md"},
		}}.Roff())
	return 0
}
