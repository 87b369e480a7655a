// Command mkfragment writes a fragment for a built-in rule's example, where a
// program has no Debian package and no Go build here: a small ELF file (x86-64) that
// holds the program's published strings, each followed by a NUL byte as in its
// read-only data, and for a Go program the build information its releases carry,
// naming its published module path, in a writable segment where debug/buildinfo
// finds it.
//
//	go run ./signatures/internal/mkfragment -o FILE [-module PATH -path PKG] STRING...
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "", "the fragment to write")
	module := flag.String("module", "", "a Go program's main module path: adds its build information")
	pkg := flag.String("path", "", "the Go program's main package path (default: the module)")
	goVersion := flag.String("go", "go1.24.0", "the Go version the build information names")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: mkfragment -o FILE [-module PATH [-path PKG]] STRING...")
		os.Exit(2)
	}
	if *pkg == "" {
		*pkg = *module
	}
	if err := os.WriteFile(*out, Fragment(flag.Args(), *module, *pkg, *goVersion), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Fragment lays out the file: the ELF header, a program header for the build
// information when there is a module, the build information, the strings.
func Fragment(strs []string, module, pkg, goVersion string) []byte {
	const ehSize, phSize, blobAt = 64, 56, 128
	var blob []byte
	if module != "" {
		blob = buildInfo(goVersion, fmt.Sprintf("path\t%s\nmod\t%s\t(devel)\t\n", pkg, module))
	}
	b := make([]byte, ehSize)
	copy(b, "\x7fELF\x02\x01\x01")
	le := binary.LittleEndian
	le.PutUint16(b[16:], 2)    // ET_EXEC
	le.PutUint16(b[18:], 0x3e) // x86-64
	le.PutUint32(b[20:], 1)    // EV_CURRENT
	if blob != nil {
		le.PutUint64(b[32:], ehSize) // e_phoff
		le.PutUint16(b[52:], ehSize) // e_ehsize
		le.PutUint16(b[54:], phSize) // e_phentsize
		le.PutUint16(b[56:], 1)      // e_phnum
		ph := make([]byte, phSize)
		le.PutUint32(ph[0:], 1)                  // PT_LOAD
		le.PutUint32(ph[4:], 2)                  // PF_W: a data segment
		le.PutUint64(ph[8:], blobAt)             // p_offset
		le.PutUint64(ph[16:], 0x400000+blobAt)   // p_vaddr
		le.PutUint64(ph[24:], 0x400000+blobAt)   // p_paddr
		le.PutUint64(ph[32:], uint64(len(blob))) // p_filesz
		le.PutUint64(ph[40:], uint64(len(blob))) // p_memsz
		le.PutUint64(ph[48:], 16)                // p_align
		b = append(b, ph...)
		b = append(b, make([]byte, blobAt-len(b))...)
		b = append(b, blob...)
	}
	for _, s := range strs {
		b = append(append(b, s...), 0)
	}
	return b
}

// buildInfo is the blob the Go linker writes since Go 1.18: a 32-byte header with
// the inline-strings flag, then the version and the module information, each
// length-prefixed, the latter between the sentinels debug/buildinfo strips.
func buildInfo(goVersion, modinfo string) []byte {
	start, _ := hex.DecodeString("3077af0c9274080241e1c107e6d618e6")
	end, _ := hex.DecodeString("f932433186182072008242104116d8f2")
	var b bytes.Buffer
	b.WriteString("\xff Go buildinf:")
	b.WriteByte(8) // pointer size
	b.WriteByte(2) // little endian, strings inline
	b.Write(make([]byte, 16))
	for _, s := range []string{goVersion, string(start) + modinfo + string(end)} {
		b.Write(binary.AppendUvarint(nil, uint64(len(s))))
		b.WriteString(s)
	}
	return b.Bytes()
}
