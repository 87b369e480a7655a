package config

import (
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"github.com/aupscan/aupscan/notify/store"
)

// inlineSecrets lists the settings of c that hold a secret in the file itself (not
// through a *_file setting): the mail password, the webhooks' signing secrets and a
// database URL's password.
func (c *Config) inlineSecrets() []string {
	var keys []string
	if n := c.Notify; n != nil {
		if n.Mail.SMTP.Password != "" {
			keys = append(keys, "notify.mail.smtp.password")
		}
		if n.Hook.Secret != "" {
			keys = append(keys, "notify.action.secret")
		}
		if store.IsPostgres(n.Database) {
			if u, err := url.Parse(n.Database); err == nil && u.User != nil {
				if _, ok := u.User.Password(); ok {
					keys = append(keys, "notify.database")
				}
			}
		}
	}
	for i, o := range c.Outputs {
		if o.Secret != "" {
			keys = append(keys, fmt.Sprintf("output[%d].secret", i))
		}
	}
	return keys
}

// checkSecretsPrivate refuses a configuration file that holds a secret and that
// everyone on the machine can read, as OpenSSH refuses a private key others can read:
// a tenant's process on a shared host, or any local user, could otherwise sign
// webhooks or send mail as the operator.
func (c *Config) checkSecretsPrivate(fi fs.FileInfo) error {
	keys := c.inlineSecrets()
	if len(keys) == 0 || fi.Mode().Perm()&0o004 == 0 {
		return nil
	}
	return &Error{File: c.File, Message: fmt.Sprintf(
		"holds secrets (%s) and is readable by everyone (mode %04o): make it private (chmod o-r %s), "+
			"or move each secret to a file of its own named by its *_file setting (password_file, secret_file; "+
			"a database password in PGPASSFILE or ~/.pgpass)",
		strings.Join(keys, ", "), fi.Mode().Perm(), c.File)}
}
