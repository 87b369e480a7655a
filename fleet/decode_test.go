package fleet

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

// FuzzDecode feeds arbitrary subjects and bytes to the manager's decoders of
// findings and heartbeats and the agent's of spool records: none may panic, every
// error is one of the two kinds the manager counts, and an accepted finding or
// heartbeat names the subject's host, with the id the manager would compute.
func FuzzDecode(f *testing.F) {
	fd, _ := json.Marshal(scanner.Finding{Host: "web-1", Rule: "vpn.openvpn", Subject: "/etc/openvpn/server.conf"})
	hb, _ := json.Marshal(Heartbeat{Host: "web-1", Time: time.Unix(0, 0).UTC(), Spooled: 3})
	f.Add(FindingsSubject("web-1"), fd)
	f.Add(HeartbeatSubject("web-1"), hb)
	f.Add(FindingsSubject("web-2"), fd)
	f.Add("aupscan.findings.%zz", []byte(`{"rule":1}`))
	f.Add(FindingsSubject("web.1"), []byte(`{"host":"web.1","rule":"x","subject":"\u202e"}`))
	f.Fuzz(func(t *testing.T, subject string, data []byte) {
		if fin, err := decodeFinding(subject, data); err == nil {
			host, _ := subjectHost(subject, FindingsPrefix)
			want := fin
			want.SetID()
			if fin.Host != host || fin.Rule == "" || fin.ID != want.ID {
				t.Fatalf("accepted %+v from %q", fin, subject)
			}
		} else if !errors.Is(err, errMalformed) && !errors.Is(err, errNotSender) {
			t.Fatalf("finding error of no kind: %v", err)
		}
		if h, host, err := decodeHeartbeat(subject, data); err == nil {
			if h.Host != host {
				t.Fatalf("accepted heartbeat of %q from %q", h.Host, subject)
			}
		} else if !errors.Is(err, errMalformed) && !errors.Is(err, errNotSender) {
			t.Fatalf("heartbeat error of no kind: %v", err)
		}
		if _, err := decodeSpooled(data); err != nil && !errors.Is(err, errMalformed) {
			t.Fatalf("spool error of no kind: %v", err)
		}
	})
}
