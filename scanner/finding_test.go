package scanner

import (
	"bytes"
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestFindingIDIsStable(t *testing.T) {
	a := FindingID("host-1", "vpn.openvpn", "UDP 10.0.0.2:51000 -> 192.0.2.1:1194")
	if b := FindingID("host-1", "vpn.openvpn", "UDP 10.0.0.2:51000 -> 192.0.2.1:1194"); a != b {
		t.Errorf("same inputs, ids %s and %s", a, b)
	}
	for _, other := range []string{
		FindingID("host-2", "vpn.openvpn", "UDP 10.0.0.2:51000 -> 192.0.2.1:1194"),
		FindingID("host-1", "vpn.wireguard", "UDP 10.0.0.2:51000 -> 192.0.2.1:1194"),
		FindingID("host-1", "vpn.openvpn", "UDP 10.0.0.2:51001 -> 192.0.2.1:1194"),
		FindingID("host-1vpn.openvpn", "", "UDP 10.0.0.2:51000 -> 192.0.2.1:1194"), // no ambiguity by concatenation
	} {
		if other == a {
			t.Errorf("different inputs gave the same id %s", a)
		}
	}
	if len(a) != 32 {
		t.Errorf("id %q: want 32 hex digits", a)
	}
}

// TestFindingJSON pins the JSON contract of docs/contracts.md: field names and forms.
func TestFindingJSON(t *testing.T) {
	fl := Flow{Proto: "UDP", Src: netip.MustParseAddr("10.0.0.2"), Sport: 51000, Dst: netip.MustParseAddr("192.0.2.1"), Dport: 1194}
	f := Finding{Rule: "vpn.openvpn", Name: "OpenVPN", Category: "vpn", Severity: "medium", Confidence: "high",
		Kind: KindTraffic, Subject: fl.Subject(), Evidence: "OpenVPN P_CONTROL_HARD_RESET_CLIENT_V2, session id echoed",
		Source: "openvpn.pcap", Time: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC), Host: "host-1", Flow: &fl, Role: RoleServer,
		Tenant: "acme", RulesVersion: "0123456789abcdef"}
	f.SetID()
	var buf bytes.Buffer
	if err := NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	want := `{"schema":1,"id":"` + f.ID + `","rule":"vpn.openvpn","name":"OpenVPN","category":"vpn","severity":"medium","confidence":"high",` +
		`"kind":"traffic","subject":"UDP 10.0.0.2:51000 -> 192.0.2.1:1194","evidence":"OpenVPN P_CONTROL_HARD_RESET_CLIENT_V2, session id echoed",` +
		`"source":"openvpn.pcap","time":"2026-11-25T10:00:00Z","host":"host-1",` +
		`"flow":{"proto":"UDP","src":"10.0.0.2","sport":51000,"dst":"192.0.2.1","dport":1194},"role":"server",` +
		`"tenant":"acme","rules_version":"0123456789abcdef"}`
	if string(b) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", b, want)
	}
	var back Finding
	if err := json.Unmarshal(b, &back); err != nil || back.ID != f.ID || *back.Flow != fl {
		t.Errorf("round trip: %v %+v", err, back)
	}
	// host is written even when unknown: a SIEM finds the field in every record.
	var nohost bytes.Buffer
	if err := NewEncoder(&nohost).Encode(Finding{Rule: "r"}); err != nil || !strings.Contains(nohost.String(), `"host":""`) {
		t.Errorf("finding without host: %s %v", nohost.String(), err)
	}
	if s := (Flow{Proto: "TCP", Src: netip.MustParseAddr("2001:db8::1"), Sport: 1, Dst: netip.MustParseAddr("2001:db8::2"), Dport: 443}).Subject(); !strings.Contains(s, "[2001:db8::1]:1 -> [2001:db8::2]:443") {
		t.Errorf("IPv6 subject %q", s)
	}
}

// TestFindingJSONContainer pins the container field: present for a file found in a
// container's view, with an id of its own per container; absent (and the id
// unchanged) for the host.
func TestFindingJSONContainer(t *testing.T) {
	f := Finding{Rule: "proxy.v2ray", Name: "V2Ray / Xray", Category: "proxy", Severity: "high", Confidence: "high",
		Kind: KindFile, Subject: "/usr/bin/xray", Evidence: "patterns a, b", Source: "/",
		Time: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC), Host: "host-1", SHA256: "ab", Container: "docker:relay"}
	f.SetID()
	var buf bytes.Buffer
	if err := NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	want := `{"schema":1,"id":"` + f.ID + `","rule":"proxy.v2ray","name":"V2Ray / Xray","category":"proxy","severity":"high","confidence":"high",` +
		`"kind":"file","subject":"/usr/bin/xray","evidence":"patterns a, b","source":"/","time":"2026-11-25T10:00:00Z","host":"host-1",` +
		`"sha256":"ab","container":"docker:relay"}` + "\n"
	if buf.String() != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", buf.String(), want)
	}
	other := f
	other.Container = "docker:web"
	other.SetID()
	host := f
	host.Container = ""
	host.SetID()
	if other.ID == f.ID || host.ID == f.ID {
		t.Errorf("the same path in two containers, or on the host, shares an id: %s %s %s", f.ID, other.ID, host.ID)
	}
	if host.ID != FindingID("host-1", "proxy.v2ray", "/usr/bin/xray") {
		t.Errorf("a host finding's id changed: %s", host.ID)
	}
	buf.Reset()
	_ = NewEncoder(&buf).Encode(host)
	if strings.Contains(buf.String(), "container") {
		t.Errorf("container not omitted for the host: %s", buf.String())
	}
}
