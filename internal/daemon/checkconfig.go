package daemon

import (
	"fmt"
	"log/slog"
	"net"

	"github.com/aupscan/aupscan/internal/config"
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
	}
	for _, it := range cfg.Capture.Interfaces {
		if _, err := net.InterfaceByName(it.Name); err != nil {
			log.Warn("capture interface not present now; the daemon retries until it is", "interface", it.Name, "err", err)
		}
	}
	return nil
}
