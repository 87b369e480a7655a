package config

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/aupscan/aupscan/notify"
	"github.com/aupscan/aupscan/notify/store"
)

// notifyKey is the table that holds the notifier's configuration.
const notifyKey = "notify"

// file is what the TOML decoder fills: the configuration, with the [notify] table
// kept undecoded until notify.DecodeConfig reads it.
type file struct {
	Config
	Notify toml.Primitive `toml:"notify"`
}

// decodeNotify decodes and validates the [notify] table into c.Notify and resolves its
// relative paths. notify.database is the SQLite file or postgres:// URL of the case
// database: a relative file is taken from the configuration file's folder, a URL as it
// is. Its mistakes come back as *Error, keys named in full ("notify.mail.from").
func (c *Config) decodeNotify(data string, md toml.MetaData, prim toml.Primitive) []error {
	n, err := notify.DecodeConfig(c.File, data, md, prim, notifyKey)
	if err != nil {
		return notifyErrors(c.File, err)
	}
	base := filepath.Dir(c.File)
	abs := func(p *string) {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	if !store.IsPostgres(n.Database) {
		abs(&n.Database)
	}
	abs(&n.Templates)
	abs(&n.Mail.Folder)
	abs(&n.Mail.SMTP.PasswordFile)
	abs(&n.Mail.SMTP.CAFile)
	abs(&n.Hook.SecretFile)
	// A command named by a path ("./suspend.sh", "bin/suspend") is relative to the file
	// too; a bare name is looked up in $PATH as usual.
	if len(n.Hook.Command) > 0 && strings.ContainsRune(n.Hook.Command[0], '/') {
		abs(&n.Hook.Command[0])
	}
	if n.Database == "" {
		return []error{&Error{File: c.File, Key: "notify.database", Message: "required: the SQLite file or postgres:// URL holding cases, audit trail and outbox"}}
	}
	c.Notify = n
	return nil
}

// notifyErrors turns the notifier's configuration errors into this package's, with the
// table's name in front of each key so a person finds it in the daemon's file.
func notifyErrors(path string, err error) []error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	out := make([]error, 0, len(list))
	for _, e := range list {
		var ce *notify.ConfigError
		if !errors.As(e, &ce) {
			out = append(out, &Error{File: path, Key: notifyKey, Message: e.Error()})
			continue
		}
		ne := &Error{File: ce.File, Line: ce.Line, Key: ce.Key, Message: ce.Msg}
		if m := lineRe.FindStringSubmatch(ce.Msg); m != nil {
			ne.Line, _ = strconv.Atoi(m[1])
			ne.Key, ne.Message = m[2], m[3]
		}
		switch {
		case ne.Key == "":
			ne.Key = notifyKey
		case ne.Key != notifyKey && !strings.HasPrefix(ne.Key, notifyKey+"."):
			ne.Key = notifyKey + "." + ne.Key
		}
		out = append(out, ne)
	}
	return out
}
