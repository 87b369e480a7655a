// Package foreign turns other engines' rules into this project's: ClamAV body
// signatures (.ndb) and a subset of its logical signatures (.ldb), YARA rules, and
// Suricata and Snort rules for traffic, and ClamAV hash databases (.hdb, .hsb) into
// hash rules. It writes the project's TOML, which the loader then reads as any rule
// file, so an imported rule is validated and compiled like one written by hand.
//
// A rule is imported only when everything it says maps: a construct this project
// cannot express (a PE entry point offset, a YARA loop, a Suricata byte_test) keeps
// the whole rule out and is reported with the rule and its line, never dropped in
// silence; a rule the translation widens (a PE signature matched in any file) is
// imported and reported as approximated. The package imports nothing of this
// project's, so package signatures can read these formats from a rule folder.
package foreign
