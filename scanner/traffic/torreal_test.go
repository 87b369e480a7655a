//go:build linux

package traffic

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// A Tor relay's two faces in clear: its DirPort answering a directory request,
// and its link certificate answering a client that is not Tor.
func init() {
	realCases["tor-dir"] = realCase{
		file: "tor-dir-real.pcap", rule: "tor.directory.traffic", port: 9030, conf: "medium",
		start: func(t *testing.T, nsA, nsB string) func() time.Time { return startTor(t, nsA, nsB, false) },
		keep: func(p *decode.Packet) bool {
			return p.Proto == decode.ProtoTCP && (p.SrcPort == 9030 || p.DstPort == 9030)
		},
	}
	realCases["tor-relay"] = realCase{
		file: "tor-relay-real.pcap", rule: "tor.link.traffic", port: 9001, conf: "medium",
		start: func(t *testing.T, nsA, nsB string) func() time.Time { return startTor(t, nsA, nsB, true) },
		keep: func(p *decode.Packet) bool {
			return p.Proto == decode.ProtoTCP && (p.SrcPort == 9001 || p.DstPort == 9001)
		},
	}
}

func TestLiveTorDir(t *testing.T)   { runReal(t, realCases["tor-dir"]) }
func TestLiveTorRelay(t *testing.T) { runReal(t, realCases["tor-relay"]) }

// startTor runs a Tor relay in B whose only directory authority is itself (so it
// reaches for nothing outside the namespaces), waits until its DirPort answers,
// and then, for relay, fetches its link certificate with openssl s_client over TLS
// 1.2 from A. Without relay, the DirPort's answer to curl from A is the capture.
//
// The tor fingerprints take a random name for Tor's only when it has a digit (a
// word is never random), so about one relay in eight, whose two random labels
// happen to be letters only, is missed; the test starts the relay again (with new
// keys) until openssl shows names it can find, at most five times.
func startTor(t *testing.T, nsA, nsB string, relay bool) func() time.Time {
	for try := 1; ; try++ {
		from, names, ok := startTorOnce(t, nsA, nsB, relay)
		if ok {
			return func() time.Time { return from }
		}
		if try == 5 {
			t.Fatalf("tor's link certificate names never had digits: %s", names)
		}
		t.Logf("tor's random certificate names have no digit (%s): starting it again", names)
	}
}

func startTorOnce(t *testing.T, nsA, nsB string, relay bool) (from time.Time, names string, ok bool) {
	tor := testenv.LookPath(t, "tor")
	curl := testenv.LookPath(t, "curl")
	ip := testenv.LookPath(t, "ip")
	dir := t.TempDir()
	conf := fmt.Sprintf(`DataDirectory %[1]s/data
SocksPort 0
ORPort %[2]s:9001
DirPort %[2]s:9030
Address %[2]s
AssumeReachable 1
PublishServerDescriptor 0
ExitRelay 0
Nickname aupscantest
ContactInfo nobody
Log notice stdout
UseDefaultFallbackDirs 0
DirAuthority aupscan orport=9001 no-v2 v3ident=0000000000000000000000000000000000000000 %[2]s:9030 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000
`, dir, realNetB)
	if err := os.WriteFile(filepath.Join(dir, "torrc"), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	stop := startIn(t, nsB, tor, "-f", filepath.Join(dir, "torrc"))
	in := func(name string, args ...string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, ip, append([]string{"netns", "exec", nsA, name}, args...)...)
		cmd.Stdin = strings.NewReader("")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	from = time.Now().Add(-time.Hour) // every packet of the run counts
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(500 * time.Millisecond) {
		out, err := in(curl, "-s", "-m", "5", "-o", "/dev/null", "-w", "%{http_code}", "http://"+realNetB+":9030/tor/server/authority")
		if err == nil && out == "200" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("tor's DirPort did not answer: %v: %s", err, out)
		}
	}
	if !relay {
		return from, "", true
	}
	openssl := testenv.LookPath(t, "openssl")
	out, err := in(openssl, "s_client", "-connect", realNetB+":9001", "-tls1_2")
	var subject, issuer []byte
	for _, l := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(l, "subject=CN = "); ok {
			subject = []byte(v)
		} else if v, ok := strings.CutPrefix(l, "issuer=CN = "); ok {
			issuer = []byte(v)
		}
	}
	if subject == nil || issuer == nil {
		t.Fatalf("openssl s_client: %v: %s", err, out)
	}
	names = string(subject) + " issued by " + string(issuer)
	if !torName(subject, ".net") || !torName(issuer, ".com") {
		stop()
		return from, names, false
	}
	return from, names, true
}
