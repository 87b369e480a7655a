// Command mkpack rebuilds signatures/builtin.pack from signatures/builtin/; run it
// with `go generate ./signatures` after editing a built-in rule.
package main

import (
	"fmt"
	"os"

	"github.com/aupscan/aupscan/signatures"
)

func main() {
	b, err := signatures.EncodePack("builtin")
	if err == nil {
		err = os.WriteFile("builtin.pack", b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkpack:", err)
		os.Exit(1)
	}
}
