package libvirt

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	golibvirt "github.com/digitalocean/go-libvirt"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/internal/units"
)

// TestSuspendReinstate suspends and reinstates real QEMU domains (software emulation)
// on a real libvirtd in each mode, checking each domain's state through libvirt after
// every step, and repeats every step to show it is idempotent.
func TestSuspendReinstate(t *testing.T) {
	lv := testenv.StartLibvirtd(t)
	l := lv.Connect()
	db := lv.StartTiny(l, "tenant-db")
	type step struct {
		suspend bool
		what    string
		state   golibvirt.DomainState
		saved   bool // has a managed save image
	}
	tests := []struct {
		name, host, domain string
		cfg                Config
		steps              []step
	}{
		{name: "pause", host: "web-1", domain: "web-1", cfg: Config{Mode: ModePause}, steps: []step{
			{true, "paused", golibvirt.DomainPaused, false},
			{true, "already paused", golibvirt.DomainPaused, false},
			{false, "resumed", golibvirt.DomainRunning, false},
			{false, "already running", golibvirt.DomainRunning, false},
		}},
		{name: "managed-save by UUID from the table", host: "db-2", domain: "tenant-db",
			cfg: Config{Mode: ModeManagedSave, Lookup: LookupTable, Domains: map[string]Target{"db-2": {Domain: uuidString(db.UUID)}}},
			steps: []step{
				{true, "saved (managed save)", golibvirt.DomainShutoff, true},
				{true, "already off", golibvirt.DomainShutoff, true},
				{false, "restored (managed save)", golibvirt.DomainRunning, false},
				{false, "already running", golibvirt.DomainRunning, false},
			}},
		// The tiny domain runs no operating system to honour the ACPI request, so
		// this is the path of a guest that ignores it: powered off after the wait.
		{name: "shutdown", host: "web-3", domain: "web-3", cfg: Config{Mode: ModeShutdown, ShutdownTimeout: units.Duration(time.Second)},
			steps: []step{
				{true, "powered off (no shutdown within 1s)", golibvirt.DomainShutoff, false},
				{true, "already off", golibvirt.DomainShutoff, false},
				{false, "started", golibvirt.DomainRunning, false},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dom := db
			if tt.domain != "tenant-db" {
				dom = lv.StartTiny(l, tt.domain)
			}
			defer l.DomainDestroy(dom)
			tt.cfg.URI = lv.URI
			c, err := New(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range tt.steps {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				call := c.Reinstate
				if s.suspend {
					call = c.Suspend
				}
				what, err := call(ctx, tt.host)
				cancel()
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if want := fmt.Sprintf("domain %s at %s: %s", tt.domain, lv.URI, s.what); what != want {
					t.Errorf("step %d: %q, want %q", i, what, want)
				}
				st, _, err := l.DomainGetState(dom, 0)
				if err != nil {
					t.Fatal(err)
				}
				saved, err := l.DomainHasManagedSaveImage(dom, 0)
				if err != nil {
					t.Fatal(err)
				}
				if golibvirt.DomainState(st) != s.state || (saved == 1) != s.saved {
					t.Errorf("step %d: state %d, managed save image %v; want %d, %v", i, st, saved == 1, s.state, s.saved)
				}
			}
		})
	}
}

// TestLookup finds domains (defined, not started: suspending one that is off is
// done already) by a per-host URI from the table and by UUID; a host with no domain
// is an error that names the host, whichever way it was looked up, and nothing is
// done.
func TestLookup(t *testing.T) {
	lv := testenv.StartLibvirtd(t)
	l := lv.Connect()
	dom := lv.DefineTiny(l, "tenant-web-7")
	id := uuidString(dom.UUID)
	elsewhere := "qemu:///system?socket=" + t.TempDir() + "/none"
	found := []struct {
		cfg  Config
		host string
	}{
		{Config{URI: elsewhere, Domains: map[string]Target{"web-7": {Domain: "tenant-web-7", URI: lv.URI}}}, "web-7"},
		{Config{URI: lv.URI, Lookup: LookupUUID}, id},
		{Config{URI: lv.URI}, "tenant-web-7"},
	}
	for _, tt := range found {
		c, err := New(tt.cfg)
		if err != nil {
			t.Fatal(err)
		}
		what, err := c.Suspend(context.Background(), tt.host)
		if want := "domain tenant-web-7 at " + lv.URI + ": already off"; err != nil || what != want {
			t.Errorf("%+v: %q, %v; want %q", tt.cfg, what, err, want)
		}
	}
	if on, err := l.DomainIsActive(dom); err != nil || on != 0 {
		t.Errorf("the domain was started: active %d, %v", on, err)
	}

	unknown := []struct {
		cfg  Config
		host string
		want string
	}{
		{Config{}, "web-9", `libvirt: host "web-9": no domain web-9 at ` + lv.URI},
		{Config{Lookup: LookupUUID}, "web-9", `libvirt: host "web-9": "web-9" is not a UUID`},
		{Config{Lookup: LookupUUID}, "0f8fad5b-d9cb-469f-a165-70867728950e", `host "0f8fad5b-d9cb-469f-a165-70867728950e": no domain 0f8fad5b-d9cb-469f-a165-70867728950e`},
		{Config{Lookup: LookupTable, Domains: map[string]Target{"web-7": {Domain: "tenant-web-7"}}}, "web-9", `libvirt: host "web-9": not in action.libvirt.domains`},
	}
	for _, tt := range unknown {
		tt.cfg.URI = lv.URI
		c, err := New(tt.cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, call := range []func(context.Context, string) (string, error){c.Suspend, c.Reinstate} {
			if _, err := call(context.Background(), tt.host); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%+v: %v, want %q", tt.cfg, err, tt.want)
			}
		}
	}
}

// TestUnreachable: a daemon that is not there is an error naming the host and the
// URI, not a hang.
func TestUnreachable(t *testing.T) {
	c, err := New(Config{URI: "qemu:///system?socket=" + t.TempDir() + "/none"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Suspend(context.Background(), "web-1")
	if err == nil || !strings.Contains(err.Error(), `host "web-1": qemu:///system?socket=`) {
		t.Errorf("err = %v", err)
	}
}

func uuidString(u golibvirt.UUID) string {
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// TestConfig decodes the table as TOML and checks each mistake is reported under its
// key.
func TestConfig(t *testing.T) {
	tests := []struct {
		name, toml string
		want       []string // empty: valid
	}{
		{"minimal", `uri = "qemu:///system"`, nil},
		{"table forms", `uri = "qemu:///system"
mode = "managed-save"
lookup = "table"
shutdown_timeout = "2m"
[domains]
web-1 = "tenant-web"
db-2 = { domain = "0f8fad5b-d9cb-469f-a165-70867728950e", uri = "qemu+ssh://hv2.example/system" }`, nil},
		{"no uri", `[domains]
web-1 = "x"`, []string{"libvirt.uri: required"}},
		{"bad values", `uri = "qemu+carrier-pigeon://hv/system"
mode = "hibernate"
lookup = "mac"
shutdown_timeout = "-1s"
[domains]
web-1 = { uri = "nope" }`, []string{
			`libvirt.uri: "qemu+carrier-pigeon://hv/system": transport "carrier-pigeon"`,
			`libvirt.mode: "hibernate" is not pause, managed-save or shutdown`,
			`libvirt.lookup: "mac" is not name, uuid or table`,
			`libvirt.shutdown_timeout: must not be negative`,
			`libvirt.domains.web-1: no domain named`,
			`libvirt.domains.web-1.uri: "nope" is not a libvirt URI`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Config
			if _, err := toml.Decode(tt.toml, &c); err != nil {
				t.Fatal(err)
			}
			var got []string
			c.Check(func(key, format string, a ...any) { got = append(got, key+": "+fmt.Sprintf(format, a...)) })
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %d errors like %q", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("error %d: %q, want %q", i, got[i], w)
				}
			}
			if tt.name == "table forms" && (c.Domains["db-2"].URI != "qemu+ssh://hv2.example/system" || c.Domains["web-1"].Domain != "tenant-web") {
				t.Errorf("domains %+v", c.Domains)
			}
		})
	}
	if _, err := toml.Decode("[domains]\nweb-1 = { domian = \"x\" }", &Config{}); err == nil || !strings.Contains(err.Error(), "domian: unknown key") {
		t.Errorf("a misspelt key in a target: %v", err)
	}
}
