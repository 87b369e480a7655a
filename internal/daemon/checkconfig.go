package daemon

import (
	"fmt"
	"log/slog"
	"net"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/mail"
)

// CheckConfig loads what the configuration names without starting anything: the
// rules with both engines, and the notice templates. It creates no database. A
// capture interface that is not present is logged, not refused: the daemon retries
// until it is.
func CheckConfig(cfg *config.Config, log *slog.Logger) error {
	db, err := openRules(cfg.Rules, log)
	if err != nil {
		return err
	}
	s := db.Current().Set
	logRules(log, "rules ok", s)
	if cfg.Notify != nil {
		if _, err := mail.NewRenderer(cfg.Notify.Templates); err != nil {
			return fmt.Errorf("notify.templates: %w", err)
		}
		if err := checkSuspension(cfg.Notify, log); err != nil {
			return err
		}
	}
	for _, it := range cfg.Capture.Interfaces {
		if _, err := net.InterfaceByName(it.Name); err != nil {
			log.Warn("capture interface not present now; the daemon retries until it is", "interface", it.Name, "err", err)
		}
	}
	return nil
}

// checkSuspension: a policy that suspends needs someone to carry suspensions out.
// Without [notify.action] staff do it by hand ("suspension requested: carry it out
// by hand" until confirmed): a warning when staff approve each suspension anyway, an
// error for automatic suspension, which would otherwise wait on nobody.
func checkSuspension(nc *notify.Config, log *slog.Logger) error {
	if nc.Hook.Configured() || !nc.Policy.Suspends() {
		return nil
	}
	if nc.Policy.Suspension == notify.SuspendAuto {
		return fmt.Errorf("notify.policy.suspension = \"auto\" needs a suspension action: set notify.action.command, notify.action.webhook or notify.action.libvirt")
	}
	log.Warn("the policy suspends but no suspension action is configured (notify.action): approved suspensions read " +
		"\"suspension requested: carry it out by hand\" until staff confirm them with `aupscan cases confirm`")
	return nil
}
