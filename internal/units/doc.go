// Package units holds the values written with a unit in aupscan's configuration
// file (and, later, on its command lines): Duration, a Go duration that also counts
// days and weeks ("30s", "1d12h", "2w"), and Size, a byte count ("64MiB", "20MB").
// Every section of the file reads them alike, so "1d" means the same in [daemon]
// as in [notify].
package units
