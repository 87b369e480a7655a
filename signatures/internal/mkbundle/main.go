// Command mkbundle rebuilds signatures/builtin.masked from signatures/builtin/; run it
// with `go generate ./signatures` after editing a built-in rule. Arguments, when
// given, name another source folder and output file.
package main

import (
	"fmt"
	"os"

	"github.com/aupscan/aupscan/signatures"
)

func main() {
	src, out := "builtin", "builtin.masked"
	if len(os.Args) == 3 {
		src, out = os.Args[1], os.Args[2]
	}
	b, err := signatures.EncodeBundle(src)
	if err == nil {
		err = os.WriteFile(out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkbundle:", err)
		os.Exit(1)
	}
}
