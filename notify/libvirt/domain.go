package libvirt

import (
	"context"
	"fmt"
	"time"

	golibvirt "github.com/digitalocean/go-libvirt"
)

// domain is one domain on an open connection: the state changes, each checking the
// state first so that a repeat is a success.
type domain struct {
	l   *golibvirt.Libvirt
	dom golibvirt.Domain
}

// state returns the domain's state as libvirt reports it.
func (d *domain) state() (golibvirt.DomainState, error) {
	s, _, err := d.l.DomainGetState(d.dom, 0)
	if err != nil {
		return 0, fmt.Errorf("state: %w", err)
	}
	return golibvirt.DomainState(s), nil
}

func (d *domain) active() (bool, error) {
	a, err := d.l.DomainIsActive(d.dom)
	if err != nil {
		return false, fmt.Errorf("is active: %w", err)
	}
	return a == 1, nil
}

// pause stops the domain's CPUs; a paused or stopped domain is left as it is.
func (d *domain) pause() (string, error) {
	if on, err := d.active(); err != nil || !on {
		return "already off", err
	}
	if s, err := d.state(); err != nil || s == golibvirt.DomainPaused {
		return "already paused", err
	}
	if err := d.l.DomainSuspend(d.dom); err != nil {
		return "", fmt.Errorf("pause: %w", err)
	}
	return "paused", nil
}

// managedSave saves the domain's memory and stops it; it restores running even when
// it was paused, so that reinstating brings back a working machine.
func (d *domain) managedSave() (string, error) {
	if on, err := d.active(); err != nil || !on {
		return "already off", err
	}
	if err := d.l.DomainManagedSave(d.dom, uint32(golibvirt.DomainSaveRunning)); err != nil {
		return "", fmt.Errorf("managed save: %w", err)
	}
	return "saved (managed save)", nil
}

// shutdown asks the guest to shut down and powers the domain off when it is still on
// after grace. A paused guest cannot see the request: it is powered off at once.
func (d *domain) shutdown(ctx context.Context, grace, poll time.Duration) (string, error) {
	if on, err := d.active(); err != nil || !on {
		return "already off", err
	}
	s, err := d.state()
	if err != nil {
		return "", err
	}
	if s != golibvirt.DomainPaused {
		if err := d.l.DomainShutdownFlags(d.dom, golibvirt.DomainShutdownAcpiPowerBtn); err != nil {
			return "", fmt.Errorf("shutdown: %w", err)
		}
		t := time.NewTimer(grace)
		defer t.Stop()
		tick := time.NewTicker(poll)
		defer tick.Stop()
	wait:
		for {
			select {
			case <-ctx.Done():
				return "", ctx.Err()
			case <-t.C:
				break wait
			case <-tick.C:
				if on, err := d.active(); err != nil || !on {
					return "shut down", err
				}
			}
		}
	}
	if err := d.l.DomainDestroyFlags(d.dom, golibvirt.DomainDestroyDefault); err != nil {
		if on, err2 := d.active(); err2 == nil && !on {
			return "shut down", nil // it went down on its own meanwhile
		}
		return "", fmt.Errorf("power off: %w", err)
	}
	if s == golibvirt.DomainPaused {
		return "powered off (it was paused)", nil
	}
	return fmt.Sprintf("powered off (no shutdown within %v)", grace), nil
}

// reinstate resumes a paused domain and starts a stopped one (libvirt restores its
// managed save image when it has one); a running domain is left as it is.
func (d *domain) reinstate() (string, error) {
	on, err := d.active()
	if err != nil {
		return "", err
	}
	what := "already running"
	if !on {
		saved, err := d.l.DomainHasManagedSaveImage(d.dom, 0)
		if err != nil {
			return "", fmt.Errorf("managed save image: %w", err)
		}
		if err := d.l.DomainCreate(d.dom); err != nil {
			return "", fmt.Errorf("start: %w", err)
		}
		what = "started"
		if saved == 1 {
			what = "restored (managed save)"
		}
	}
	s, err := d.state()
	if err != nil {
		return "", err
	}
	if s == golibvirt.DomainPaused {
		if err := d.l.DomainResume(d.dom); err != nil {
			return "", fmt.Errorf("resume: %w", err)
		}
		if what == "already running" {
			what = "resumed"
		}
	}
	return what, nil
}
