// Package archive opens archives and wrapped executables so that their members can
// be scanned like files: zip, tar, 7z, single compressed streams (gzip, bzip2, xz,
// zstd, and tar inside any of them, read as one stream), and shell scripts that
// carry a compressed payload (gzexe, makeself and their like). Archives inside
// archives are opened up to a depth.
//
// Everything it reads is hostile: a tenant can hand the scanner a zip bomb, a nest a
// hundred levels deep, or a header that claims four billion entries. Every expansion
// runs under Limits (depth, expanded bytes, compression ratio, entry count, member
// size, memory) checked as the bytes come out of the decoder, never after, and a
// member over a limit is reported as skipped with its reason while the rest is read
// on. The package reads and bounds; it knows no rules: the host scanner hands each
// member to the file engine through a Visitor.
package archive
