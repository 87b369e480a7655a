// Package config reads programs' configuration files with a real parser for their
// format (JSON, YAML, TOML, INI, "key value" directives) and judges what they mean:
// whether the program is set up as a server for others, listening beyond loopback.
// A file is judged only when its path matches a [[rule.config]] section; it is never
// searched as text, so a commented-out line, a loopback address or a client's setting
// is no finding.
//
// Sections say what makes a server in keys (a path into the document, tests on
// values, the key of the listening address); the formats whose meaning needs code
// have judges (judge_*.go): squid's ordered access rules, torrc's ORPort, OpenVPN's
// server mode, Dante's internal address and client rules, tinyproxy's Listen and
// Allow, privoxy's listen-address. The file engine (scanner/file) hands this package
// the bytes of the files whose path matched, during its one read of each file.
package config
