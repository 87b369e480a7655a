package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	sd "github.com/coreos/go-systemd/v22/daemon"
	"golang.org/x/sys/unix"
)

// systemd is the daemon's side of the sd_notify protocol (deploy/aupscand.service is
// Type=notify), through go-systemd's daemon package: a datagram to the socket
// NOTIFY_SOCKET names. Outside systemd NOTIFY_SOCKET is unset and every call does
// nothing.
type systemd struct{ log *slog.Logger }

func (s systemd) send(state string) {
	if _, err := sd.SdNotify(false, state); err != nil {
		s.log.Warn("systemd notification not sent", "state", state, "err", err)
	}
}

// ready: the rules are loaded, the sources started and the first notifier cycle
// done; systemd holds back units ordered after aupscand until now.
func (s systemd) ready(status string) { s.send(sd.SdNotifyReady + "\nSTATUS=" + status) }

// reloading starts a reload; ready ends it. MONOTONIC_USEC is the clock systemd
// compares with its own to tell this reload from an earlier one.
func (s systemd) reloading() {
	var ts unix.Timespec
	_ = unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts)
	s.send(fmt.Sprintf("%s\nMONOTONIC_USEC=%d", sd.SdNotifyReloading, ts.Nano()/1000))
}

func (s systemd) stopping() { s.send(sd.SdNotifyStopping + "\nSTATUS=stopping") }

// watchdog pings systemd at half the unit's WatchdogSec until ctx ends, when the unit
// asks for it (WATCHDOG_USEC set for this process). The pings come from their own
// goroutine rather than the serve loop: a notifier cycle may rightly take minutes
// against a slow mail server, and that must not get the daemon killed; a process
// that is stopped, deadlocked or gone stops pinging all the same.
func (s systemd) watchdog(ctx context.Context) {
	every, err := sd.SdWatchdogEnabled(false)
	if err != nil {
		s.log.Warn("systemd watchdog settings not understood", "err", err)
		return
	}
	if every <= 0 {
		return
	}
	s.log.Info("systemd watchdog", "interval", every)
	go func() {
		t := time.NewTicker(every / 2)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				s.send(sd.SdNotifyWatchdog)
			}
		}
	}()
}
