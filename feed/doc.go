// Package feed keeps list files fresh from the feeds operators already use: Tor's
// consensus and exit lists, Onionoo, IP blocklists, ClamAV hash databases. A feed is
// fetched (http, https or file), verified (a pinned SHA-256, or a minisign
// signature: Ed25519), parsed and validated in the form it declares, and only then
// written over the list file a rule names, atomically. A fetch that fails or a file
// that does not check keeps the last good copy and says why; conditional requests
// (ETag, If-Modified-Since) keep an unchanged feed from being downloaded again.
//
// What a feed last did is kept beside its list in a hidden state file
// (".NAME.feed.json"), so `aupscan rules update` and the daemon's schedule share it.
package feed
