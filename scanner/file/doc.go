// Package file is the file content engine: it compiles the [rule.file] sections of a
// rule set (patterns, hash lists, Go module conditions, configuration paths) into one
// Engine, and reads a file once to its end, hashing and matching as it goes. The host
// scanner (scanner/host) walks the trees and hands it the files; a host scan's cache
// keeps its results by content version (contentversion.go). The Engine also runs the
// content examples of rules for `aupscan rules check`.
//
// It sits beside the other engines (scanner/host, scanner/traffic): package signatures
// keeps the rule model and the matching primitives it builds on (the multi-pattern
// matcher, hash sets, path globs), and imports no engine.
package file
