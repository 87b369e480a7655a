package mail

import "github.com/aupscan/aupscan/internal/units"

// Config is the [mail] table: how notices are sent, through SMTP when SMTP.Host is
// set, otherwise as .eml files into Folder, and what they are signed with.
type Config struct {
	From string `toml:"from"`
	// ReplyTo is where tenants reply and appeal; From when empty.
	ReplyTo string `toml:"reply_to"`
	// Operator names the operator in the notices' signature.
	Operator string `toml:"operator"`
	// Domain is the right-hand side of Message-IDs; From's domain when empty.
	Domain string `toml:"domain"`
	SMTP   SMTP   `toml:"smtp"`
	Folder string `toml:"folder"`
	// MaxAttempts is how many temporary failures a notice survives before its case is
	// held as undeliverable.
	MaxAttempts int            `toml:"max_attempts"`
	Backoff     units.Duration `toml:"backoff"`
	MaxBackoff  units.Duration `toml:"max_backoff"`
	// Lease is how long a sender's claim on a message lasts while it sends
	// (store.DefaultLease unless set): after a manager dies mid-send, how long until
	// another may send the message again, under the same Message-ID.
	Lease units.Duration `toml:"lease"`
}

// SMTP is the submission server.
type SMTP struct {
	Host string `toml:"host"`
	Port int    `toml:"port"`
	// TLS is "starttls" (required), "implicit" (TLS from the first byte) or "none".
	TLS          string `toml:"tls"`
	Username     string `toml:"username"`
	Password     string `toml:"password"`
	PasswordFile string `toml:"password_file"`
	// CAFile holds PEM certificates to trust instead of the system's (a private CA).
	CAFile  string         `toml:"ca_file"`
	Timeout units.Duration `toml:"timeout"`
}
