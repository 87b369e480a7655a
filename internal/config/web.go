package config

import (
	"path/filepath"
	"strings"
)

// validateWeb checks [web] (web.Config.Validate), resolves its files against the
// configuration file's folder, and insists on [notify], whose cases it serves.
func (c *Config) validateWeb() []error {
	w := c.Web
	if w == nil {
		return nil
	}
	var errs []error
	for _, e := range w.Validate() {
		key, msg, _ := strings.Cut(e.Error(), ": ")
		errs = append(errs, &Error{File: c.File, Key: key, Message: msg})
	}
	if c.Notify == nil && c.Fleet.Role != RoleAgent {
		errs = append(errs, &Error{File: c.File, Key: "web", Message: "the case pages need a [notify] section: its cases and tenants"})
	}
	base := filepath.Dir(c.File)
	for _, p := range []*string{&w.TLSCert, &w.TLSKey} {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	return errs
}
