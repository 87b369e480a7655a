package daemon

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/web"
)

// startWeb serves the tenants' case pages and the staff console ([web]) until ctx
// ends; it returns when the listener is open, so that an address in use is an error
// at start.
func (d *daemon) startWeb(ctx context.Context, cfg *config.Config) error {
	if cfg.Web == nil {
		return nil
	}
	srv, err := web.New(web.Options{Config: *cfg.Web, Logger: d.log.With("part", "web"),
		Current: func() *notify.Notifier { n, _ := d.notifierNow(); return n },
		Now:     func() time.Time { return d.now() }, Recheck: d.recheckHost})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Web.Listen)
	if err != nil {
		return fmt.Errorf("web.listen: %w", err)
	}
	d.log.Info("case pages and console", "listen", ln.Addr().String(), "public_url", cfg.Web.PublicURL, "tls", cfg.Web.TLSCert != "")
	go func() {
		if err := srv.Serve(ctx, ln); err != nil {
			d.log.Error("web server", "err", err)
		}
	}()
	return nil
}

// linkOptions are the notices' links to the case pages ([web] public_url).
func linkOptions(cfg *config.Config) notify.Links {
	if cfg == nil || cfg.Web == nil {
		return notify.Links{}
	}
	return notify.Links{BaseURL: cfg.Web.PublicURL, TTL: time.Duration(cfg.Web.TokenTTL)}
}

// recheckHost scans at once the roots of host, when this daemon scans it, for a
// tenant's "fixed: please check again". It reports whether a scan was started.
func (d *daemon) recheckHost(host string) bool {
	cfg := d.config()
	for _, r := range cfg.Host.Roots {
		if r.Host != host {
			continue
		}
		go func() {
			if !d.scanning.TryLock() {
				d.log.Info("re-check waits for the running host scan", "host", host)
				return
			}
			defer d.scanning.Unlock()
			d.scanRoot(context.Background(), cfg, r, "re-check")
		}()
		return true
	}
	if d.recheckRemote != nil {
		return d.recheckRemote(host) // the host's agent scans; its findings come back
	}
	return false
}

// markChecked records that a scan of host ended, once its findings have been
// through the queue (a flush interval and a margin later): a tenant's re-check has
// run, and a case seen in it is not resolved by it.
func (d *daemon) markChecked(host string, start time.Time) {
	wait := d.config().Daemon.FlushInterval.Or(5*time.Second) + 2*time.Second
	time.AfterFunc(wait, func() {
		n, _ := d.notifierNow()
		if k, err := n.HostChecked(context.Background(), host, start); err != nil {
			d.log.Warn("re-check record", "host", host, "err", err)
		} else if k > 0 {
			d.log.Info("re-checks ran", "host", host, "cases", k)
			d.kickNotify()
		}
	})
}
