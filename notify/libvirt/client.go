// Package libvirt suspends and reinstates a host's virtual machine through the
// hypervisor's libvirt daemon (go-libvirt: the RPC protocol in pure Go, no cgo).
// Each call opens its own connection, so a restarted daemon costs nothing, and each is
// idempotent: suspending a suspended domain, or reinstating a running one, succeeds
// and says so.
package libvirt

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	golibvirt "github.com/digitalocean/go-libvirt"
)

// A Client carries out suspensions on the configured hypervisors.
type Client struct {
	cfg Config
	// Poll is how often the shutdown mode looks whether the guest is off.
	Poll time.Duration
}

// New returns a client for a checked configuration.
func New(cfg Config) (*Client, error) {
	var errs []error
	cfg.Check(func(key, format string, a ...any) {
		errs = append(errs, fmt.Errorf("action.%s: %s", key, fmt.Sprintf(format, a...)))
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if !cfg.Enabled() {
		return nil, errors.New("action.libvirt.uri: not set")
	}
	return &Client{cfg: cfg, Poll: 500 * time.Millisecond}, nil
}

// Suspend suspends the host's domain the configured way and says what it did.
func (c *Client) Suspend(ctx context.Context, host string) (string, error) {
	return c.on(ctx, host, func(ctx context.Context, d *domain) (string, error) {
		switch c.cfg.Mode {
		case ModeManagedSave:
			return d.managedSave()
		case ModeShutdown:
			return d.shutdown(ctx, c.grace(ctx), c.Poll)
		}
		return d.pause()
	})
}

// Reinstate brings the host's domain back: resumed when paused, started (from its
// managed save image, if it has one) when off.
func (c *Client) Reinstate(ctx context.Context, host string) (string, error) {
	return c.on(ctx, host, func(ctx context.Context, d *domain) (string, error) { return d.reinstate() })
}

// grace is how long the shutdown mode waits for the guest.
func (c *Client) grace(ctx context.Context) time.Duration {
	if c.cfg.ShutdownTimeout > 0 {
		return time.Duration(c.cfg.ShutdownTimeout)
	}
	if dl, ok := ctx.Deadline(); ok {
		return time.Until(dl) / 2
	}
	return 30 * time.Second
}

// target resolves a host id to its hypervisor and domain.
func (c *Client) target(host string) (string, domainRef, error) {
	t, ok := c.cfg.Domains[host]
	switch {
	case ok:
		ref, err := parseRef(t.Domain, false)
		if t.URI == "" {
			t.URI = c.cfg.URI
		}
		return t.URI, ref, err
	case c.cfg.Lookup == LookupTable:
		return "", domainRef{}, errors.New("not in action.libvirt.domains")
	}
	ref, err := parseRef(host, c.cfg.Lookup == LookupUUID)
	return c.cfg.URI, ref, err
}

// on connects to the host's hypervisor, finds its domain and runs f on it. The
// libvirt calls take no context: when ctx ends first the attempt is reported as
// failed while the call finishes in the background (and closes its connection); the
// retry that follows finds the domain as that call left it, which idempotency makes
// harmless.
func (c *Client) on(ctx context.Context, host string, f func(context.Context, *domain) (string, error)) (string, error) {
	uri, ref, err := c.target(host)
	if err != nil {
		return "", fmt.Errorf("libvirt: host %q: %w", host, err)
	}
	type result struct {
		what string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		what, err := c.run(ctx, uri, ref, f)
		done <- result{what, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return "", fmt.Errorf("libvirt: host %q: %w", host, r.err)
		}
		return r.what, nil
	case <-ctx.Done():
		return "", fmt.Errorf("libvirt: host %q: domain %s at %s: %w", host, ref, uri, ctx.Err())
	}
}

func (c *Client) run(ctx context.Context, uri string, ref domainRef, f func(context.Context, *domain) (string, error)) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	l, err := golibvirt.ConnectToURI(u)
	if err != nil {
		return "", fmt.Errorf("%s: %w", uri, err)
	}
	defer l.Disconnect()
	var dom golibvirt.Domain
	if ref.byID {
		dom, err = l.DomainLookupByUUID(golibvirt.UUID(ref.uuid))
	} else {
		dom, err = l.DomainLookupByName(ref.name)
	}
	if err != nil {
		if golibvirt.IsNotFound(err) {
			return "", fmt.Errorf("no domain %s at %s", ref, uri)
		}
		return "", fmt.Errorf("domain %s at %s: %w", ref, uri, err)
	}
	what, err := f(ctx, &domain{l: l, dom: dom})
	if err != nil {
		return "", fmt.Errorf("domain %s at %s: %w", dom.Name, uri, err)
	}
	return fmt.Sprintf("domain %s at %s: %s", dom.Name, uri, what), nil
}
