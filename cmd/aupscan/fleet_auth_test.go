package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nats-io/jwt/v2"

	"github.com/aupscan/aupscan/fleet"
)

func TestFleetInitEnrollServerConfig(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "authority")
	code, out, errs := fleetCLI(t, "fleet", "init", "--authority", dir)
	if code != 0 || !strings.Contains(out, "operator O") {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	a, err := fleet.LoadAuthority(dir)
	if err != nil {
		t.Fatal(err)
	}

	code, out, errs = fleetCLI(t, "fleet", "enroll", "--authority", dir, "web-1.example.net")
	if code != 0 {
		t.Fatalf("enroll: exit %d\n%s", code, errs)
	}
	uc := decodeCreds(t, []byte(out))
	if uc.Name != "web-1.example.net" || uc.Issuer != a.Account() || uc.Expires == 0 ||
		!uc.Pub.Allow.Contains(fleet.FindingsSubject("web-1.example.net")) {
		t.Errorf("agent credentials: %+v", uc)
	}

	file := filepath.Join(t.TempDir(), "m.creds")
	code, out, errs = fleetCLI(t, "fleet", "enroll", "--authority", dir, "--manager", "--ttl", "0", "-o", file, "manager-1")
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

	code, out, _ = fleetCLI(t, "fleet", "server-config", "--authority", dir)
	if code != 0 || out != a.ServerConfig() {
		t.Errorf("server-config: exit %d\n%s", code, out)
	}

	if code, _, errs := fleetCLI(t, "fleet", "enroll", "--authority", filepath.Join(t.TempDir(), "none"), "web-1"); code != exitError || !strings.Contains(errs, "no authority") {
		t.Errorf("enroll without an authority: exit %d %s", code, errs)
	}

	// revoke: the host's one credentials file; the new account JWT is what
	// server-config prints from then on.
	code, out, errs = fleetCLI(t, "fleet", "revoke", "--authority", dir, "web-1.example.net")
	if code != 0 || !strings.Contains(out, "revoked 1 credentials of web-1.example.net") {
		t.Errorf("revoke: exit %d\n%s%s", code, out, errs)
	}
	if _, cfg, _ := fleetCLI(t, "fleet", "server-config", "--authority", dir); cfg == a.ServerConfig() {
		t.Error("server-config did not change with the revocation")
	}
	if code, _, errs := fleetCLI(t, "fleet", "revoke", "--authority", dir, "never-enrolled"); code != exitError || !strings.Contains(errs, "no credentials were issued") {
		t.Errorf("revoke of a host never enrolled: exit %d %s", code, errs)
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
