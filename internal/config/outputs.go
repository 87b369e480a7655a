package config

import (
	"errors"
	"path/filepath"

	"github.com/aupscan/aupscan/feed"
	"github.com/aupscan/aupscan/output"
)

// validateOutputs checks the [[output]] sections, resolving their paths against the
// file's folder. An agent has none: it runs inside a tenant's VM, where findings go
// to the manager, and the manager's outputs send them on.
func (c *Config) validateOutputs() []error {
	if len(c.Outputs) == 0 {
		return nil
	}
	if c.Fleet.Role == RoleAgent {
		return []error{&Error{File: c.File, Key: "output", Message: "an agent has no outputs: configure them on the manager, which sends on the agents' findings"}}
	}
	output.Resolve(c.Outputs, filepath.Dir(c.File))
	var errs []error
	for _, err := range output.Validate(c.Outputs) {
		var ce *output.ConfigError
		if errors.As(err, &ce) {
			errs = append(errs, &Error{File: c.File, Key: ce.Key, Message: ce.Message})
			continue
		}
		errs = append(errs, &Error{File: c.File, Message: err.Error()})
	}
	return errs
}

// validateFeeds checks the [[feed]] sections, resolving their paths against the
// file's folder. An agent has none: feeds run on the manager, whose rule packs
// carry the lists to the agents.
func (c *Config) validateFeeds() []error {
	if len(c.Feeds) == 0 {
		return nil
	}
	if c.Fleet.Role == RoleAgent {
		return []error{&Error{File: c.File, Key: "feed", Message: "an agent fetches no feeds: run them on the manager, whose rule packs carry the lists"}}
	}
	feed.Resolve(c.Feeds, filepath.Dir(c.File))
	var errs []error
	for _, err := range feed.Validate(c.Feeds) {
		var ce *feed.ConfigError
		if errors.As(err, &ce) {
			errs = append(errs, &Error{File: c.File, Key: ce.Key, Message: ce.Message})
			continue
		}
		errs = append(errs, &Error{File: c.File, Message: err.Error()})
	}
	return errs
}
