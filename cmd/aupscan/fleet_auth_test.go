package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
	"github.com/nats-io/jwt/v2"

	"github.com/aupscan/aupscan/fleet"
)

// fleetAuthCLI runs the fleet credential commands under a parser wired as the lead
// wires them into cli (aupscan fleet init|enroll|server-config).
func fleetAuthCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var c struct {
		Globals
		Fleet struct {
			Init         fleetInitCmd         `cmd:""`
			Enroll       fleetEnrollCmd       `cmd:""`
			ServerConfig fleetServerConfigCmd `cmd:"" name:"server-config"`
		} `cmd:""`
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

func TestFleetInitEnrollServerConfig(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "authority")
	code, out, errs := fleetAuthCLI(t, "fleet", "init", "--authority", dir)
	if code != 0 || !strings.Contains(out, "operator O") {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	a, err := fleet.LoadAuthority(dir)
	if err != nil {
		t.Fatal(err)
	}

	code, out, errs = fleetAuthCLI(t, "fleet", "enroll", "--authority", dir, "web-1.example.net")
	if code != 0 {
		t.Fatalf("enroll: exit %d\n%s", code, errs)
	}
	uc := decodeCreds(t, []byte(out))
	if uc.Name != "web-1.example.net" || uc.Issuer != a.Account() || uc.Expires == 0 ||
		!uc.Pub.Allow.Contains(fleet.FindingsSubject("web-1.example.net")) {
		t.Errorf("agent credentials: %+v", uc)
	}

	file := filepath.Join(t.TempDir(), "m.creds")
	code, out, errs = fleetAuthCLI(t, "fleet", "enroll", "--authority", dir, "--manager", "--ttl", "0", "-o", file, "manager-1")
	if code != 0 || out != "" {
		t.Fatalf("enroll --manager: exit %d\n%s%s", code, out, errs)
	}
	st, err := os.Stat(file)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("credentials file: %v %v", st, err)
	}
	b, _ := os.ReadFile(file)
	if uc := decodeCreds(t, b); uc.Name != "manager-1" || uc.Expires != 0 || len(uc.Pub.Allow) != 0 || len(uc.Sub.Allow) != 0 {
		t.Errorf("manager credentials: %+v", uc)
	}

	code, out, _ = fleetAuthCLI(t, "fleet", "server-config", "--authority", dir)
	if code != 0 || out != a.ServerConfig() {
		t.Errorf("server-config: exit %d\n%s", code, out)
	}

	if code, _, errs := fleetAuthCLI(t, "fleet", "enroll", "--authority", filepath.Join(t.TempDir(), "none"), "web-1"); code != exitError || !strings.Contains(errs, "no authority") {
		t.Errorf("enroll without an authority: exit %d %s", code, errs)
	}
}

func decodeCreds(t *testing.T, creds []byte) *jwt.UserClaims {
	t.Helper()
	tok, err := jwt.ParseDecoratedJWT(creds)
	if err != nil {
		t.Fatal(err)
	}
	uc, err := jwt.DecodeUserClaims(tok)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jwt.ParseDecoratedNKey(creds); err != nil {
		t.Fatal(err)
	}
	return uc
}
