package archive

import "bytes"

// Packer names the executable packer whose marks an ELF file's head carries, or ""
// for none. A packed program's code is compressed inside it and unpacked only in
// memory when it runs, so its content patterns cannot be seen: the scan says so
// rather than calling it clean. Known: UPX, whose loader writes its l_info block,
// with the magic "UPX!", right after the ELF program headers (in the first few
// hundred bytes) of every executable it packs.
func Packer(head []byte) string {
	if !bytes.HasPrefix(head, elfMagic) {
		return ""
	}
	if bytes.Contains(head[:min(len(head), 1024)], []byte("UPX!")) {
		return "UPX"
	}
	return ""
}
