package main

import (
	"bytes"
	"errors"
	"testing"

	"github.com/alecthomas/kong"
)

// fleetCLI runs aupscan fleet ARGS... with the fleet commands as cli has them.
func fleetCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var c struct {
		Globals
		Fleet fleetCmd `cmd:""`
	}
	var out, errb bytes.Buffer
	c.stdout, c.stderr = &out, &errb
	parser, err := kong.New(&c, kong.Name("aupscan"), kong.Writers(&out, &errb), kong.Exit(func(int) { t.Fatal("exit") }))
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := parser.Parse(args)
	if err != nil {
		return exitError, out.String(), err.Error()
	}
	if err := ctx.Run(&c.Globals); err != nil {
		var ee *exitErr
		if errors.As(err, &ee) {
			return ee.code, out.String(), errb.String() + err.Error()
		}
		return exitError, out.String(), errb.String() + err.Error()
	}
	return exitClean, out.String(), errb.String()
}
