// Package rulepack is the rule pack format, apart from how packs travel: building a
// pack from rule folders, signing it into an envelope, opening an envelope only when
// its signature verifies with a trusted key, and the signing and public key files.
// Distributing packs (the rules bucket, the agents' fetcher and install folder) is
// package fleet's, which imports this one, as do the `aupscan fleet keygen|pack|verify`
// commands.
//
// A rule pack is the operator's rule files (the *.toml files of one or more rule
// folders and the list files their rules name) with a version, signed with an
// Ed25519 key. The signed bytes (the payload) are the gzip of a canonical body:
//
//	aupscan-rules v1\n
//	version <decimal>\n
//	created <RFC 3339, UTC, nanoseconds>\n
//	key <key id>\n
//	file <size> <name>\n        one line a file, names sorted, no two alike
//	end\n
//	<the files' bytes, one after the other, in the same order>
//
// The envelope that travels is
//
//	aupscan-rules-pack v1\n
//	key <key id>\n
//	sig <base64 of the 64-byte signature of the payload>\n
//	<payload>
//
// Every field has one spelling, so an envelope with any byte changed either does not
// parse, names a key that is not trusted, or fails the signature.
package rulepack
