package output

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/internal/units"
)

func openSet(t *testing.T, cs ...Config) *Set {
	t.Helper()
	Resolve(cs, t.TempDir())
	if errs := Validate(cs); len(errs) > 0 {
		t.Fatal(errs)
	}
	s, err := Open(cs, Options{Product: Product{Version: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(time.Second) })
	return s
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// waitStats waits until the output's counters satisfy ok.
func waitStats(t *testing.T, s *Set, i int, ok func(Stats) bool) Stats {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		st := s.Stats()[i]
		if ok(st) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("output %s: %+v", st.Name, st)
		}
	}
}

// TestFileReopen checks the logrotate cycle: the file is moved away, SIGHUP reopens
// it by name, and the next findings go to the new file.
func TestFileReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "findings.json")
	s := openSet(t, Config{Type: TypeFile, Path: path})
	fs := sampleFindings()
	s.Put(fs[0])
	waitStats(t, s, 0, func(st Stats) bool { return st.Delivered == 1 })
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	s.Put(fs[1]) // still into the moved file, as with any program before its SIGHUP
	waitStats(t, s, 0, func(st Stats) bool { return st.Delivered == 2 })
	s.Reopen()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("file not reopened")
		}
	}
	s.Put(fs[2])
	waitStats(t, s, 0, func(st Stats) bool { return st.Delivered == 3 })
	old, cur := readLines(t, path+".1"), readLines(t, path)
	if len(old) != 2 || len(cur) != 1 || !strings.Contains(cur[0], `"rule":"tor.package"`) || !strings.HasPrefix(cur[0], `{"schema":1,`) {
		t.Errorf("rotated %q, new %q", old, cur)
	}
}

// hookReceiver is a webhook receiver: it checks each request's signature and
// answers from a script of status codes (then 200).
type hookReceiver struct {
	mu      sync.Mutex
	secret  string
	script  []int
	bodies  [][]byte
	keys    []string
	badSigs int
}

func (h *hookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	defer h.mu.Unlock()
	if r.Header.Get(SignatureHeader) != Sign([]byte(h.secret), body) {
		h.badSigs++
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if len(h.script) > 0 {
		code := h.script[0]
		h.script = h.script[1:]
		if code != http.StatusOK {
			http.Error(w, "scripted", code)
			return
		}
	}
	h.bodies = append(h.bodies, body)
	h.keys = append(h.keys, r.Header.Get(IdempotencyHeader))
}

func (h *hookReceiver) got() ([][]byte, []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([][]byte(nil), h.bodies...), append([]string(nil), h.keys...)
}

func TestWebhook(t *testing.T) {
	h := &hookReceiver{secret: "s3cret", script: []int{503, 502, 200, 400}}
	srv := httptest.NewServer(h)
	defer srv.Close()
	s := openSet(t, Config{Type: TypeWebhook, URL: srv.URL, Secret: "s3cret", Format: FormatOCSF,
		Backoff: units.Duration(10 * time.Millisecond)})
	fs := sampleFindings()
	s.Put(fs[0]) // two 5xx, then delivered
	st := waitStats(t, s, 0, func(st Stats) bool { return st.Delivered == 1 })
	if st.Retries != 2 {
		t.Errorf("retries %d, want 2", st.Retries)
	}
	s.Put(fs[1]) // 400: refused for good, not retried
	st = waitStats(t, s, 0, func(st Stats) bool { return st.Failed == 1 })
	if st.Retries != 2 || !strings.Contains(st.LastError, "400") {
		t.Errorf("after a 400: %+v", st)
	}
	s.Put(fs[2])
	waitStats(t, s, 0, func(st Stats) bool { return st.Delivered == 2 })
	bodies, keys := h.got()
	if len(bodies) != 2 || h.badSigs != 0 {
		t.Fatalf("bodies %d, bad signatures %d", len(bodies), h.badSigs)
	}
	var rec OCSFRecord
	if err := json.Unmarshal(bodies[0], &rec); err != nil || rec.ClassUID != 2004 || rec.FindingInfo.UID != fs[0].ID {
		t.Errorf("body: %v %s", err, bodies[0])
	}
	if keys[0] != fmt.Sprintf("%s@%d", fs[0].ID, fs[0].Time.UnixNano()) {
		t.Errorf("idempotency key %q", keys[0])
	}
	// A receiver with another secret refuses every request: none is counted delivered.
	h2 := &hookReceiver{secret: "other"}
	srv2 := httptest.NewServer(h2)
	defer srv2.Close()
	s2 := openSet(t, Config{Type: TypeWebhook, URL: srv2.URL, Secret: "s3cret"})
	s2.Put(fs[0])
	if st := waitStats(t, s2, 0, func(st Stats) bool { return st.Failed == 1 }); st.Delivered != 0 || h2.badSigs != 1 {
		t.Errorf("wrong secret: %+v, bad signatures %d", st, h2.badSigs)
	}
}

// TestDeadReceiverLosesNothingElse: a webhook that never answers fills its own
// queue and drops (counted); the file output beside it gets every finding, and Put
// never waits.
func TestDeadReceiverLosesNothingElse(t *testing.T) {
	block := make(chan struct{})
	dead := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-block }))
	defer dead.Close()
	defer close(block)
	path := filepath.Join(t.TempDir(), "findings.json")
	s := openSet(t, Config{Type: TypeFile, Path: path},
		Config{Type: TypeWebhook, URL: dead.URL, Secret: "x", Queue: 4, Timeout: units.Duration(30 * time.Second)})
	const n = 200
	start := time.Now()
	f := sampleFindings()[0]
	for i := range n {
		f.Subject = fmt.Sprintf("TCP 10.0.0.2:%d -> 192.0.2.1:443", 1000+i)
		f.SetID()
		s.Put(f)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Put took %s with a dead receiver", d)
	}
	waitStats(t, s, 0, func(st Stats) bool { return st.Delivered == n })
	st := s.Stats()[1]
	// One in flight, four queued, the rest dropped and counted.
	if st.Delivered != 0 || st.Dropped < n-6 || st.Dropped+uint64(st.Queued) > n {
		t.Errorf("dead webhook: %+v", st)
	}
	if lines := readLines(t, path); len(lines) != n {
		t.Errorf("file has %d findings, want %d", len(lines), n)
	}
}

// TestSyslogRsyslog sends findings to a real rsyslogd over each transport and reads
// back what it parsed from the RFC 5424 header.
func TestSyslogRsyslog(t *testing.T) {
	rs := testenv.StartRsyslog(t)
	for _, tc := range []struct{ addr, input string }{
		{fmt.Sprintf("udp://127.0.0.1:%d", rs.UDP), "imudp"},
		{fmt.Sprintf("tcp://127.0.0.1:%d", rs.TCP), "imtcp"},
		{fmt.Sprintf("tls://127.0.0.1:%d", rs.TLS), "imtcp-tls"},
		{"unix://" + rs.Socket, "imuxsock"},
	} {
		t.Run(tc.input, func(t *testing.T) {
			s := openSet(t, Config{Type: TypeSyslog, Address: tc.addr, CAFile: rs.CAFile, Facility: "local3", AppName: "aupscan-test", Format: FormatEVE})
			fs := sampleFindings()
			for _, f := range fs {
				f.Source = tc.input // one finding record per transport
				s.Put(f)
			}
			waitStats(t, s, 0, func(st Stats) bool { return st.Delivered == uint64(len(fs)) })
			lines := rs.WaitFor(`"source":"`+tc.input+`"`, len(fs), 10*time.Second)
			if len(lines) != len(fs) {
				t.Fatalf("rsyslog has %d of %d messages: %q", len(lines), len(fs), rs.Lines())
			}
			for i, l := range lines {
				fields := strings.SplitN(l, " ", 8)
				want := []string{tc.input, "", "aupscan-test", fmt.Sprint(os.Getpid()), "finding", []string{"warning", "err", "notice"}[i], "local3"}
				for j, w := range want {
					if w != "" && fields[j] != w {
						t.Errorf("message %d field %d = %q, want %q: %s", i, j, fields[j], w, l)
					}
				}
				var rec EVERecord
				if err := json.Unmarshal([]byte(fields[7]), &rec); err != nil || rec.Aupscan.ID != fs[i].ID || rec.EventType != "alert" {
					t.Errorf("message %d: %v %s", i, err, fields[7])
				}
			}
		})
	}
}

// TestTLSRefusesUnknownCA: without the receiver's CA nothing is delivered.
func TestTLSRefusesUnknownCA(t *testing.T) {
	rs := testenv.StartRsyslog(t)
	s := openSet(t, Config{Type: TypeSyslog, Address: fmt.Sprintf("tls://127.0.0.1:%d", rs.TLS), MaxAttempts: 1})
	s.Put(sampleFindings()[0])
	st := waitStats(t, s, 0, func(st Stats) bool { return st.Failed == 1 })
	if !strings.Contains(st.LastError, "certificate") {
		t.Errorf("error %q", st.LastError)
	}
}

// TestAlertmanager posts findings to a real Alertmanager and reads them back from
// its API; a second sighting refreshes the same alert.
func TestAlertmanager(t *testing.T) {
	am := testenv.StartAlertmanager(t)
	s := openSet(t, Config{Type: TypeAlertmanager, URL: am.URL, Labels: map[string]string{"team": "abuse"}})
	fs := sampleFindings()
	for _, f := range fs {
		s.Put(f)
	}
	waitStats(t, s, 0, func(st Stats) bool { return st.Delivered == uint64(len(fs)) })
	got := am.WaitForAlerts("team", "abuse", len(fs), 10*time.Second)
	if len(got) != len(fs) {
		t.Fatalf("alertmanager lists %d alerts: %+v", len(got), got)
	}
	byID := map[string]testenv.AMAlert{}
	for _, a := range got {
		byID[a.Labels["finding_id"]] = a
	}
	a, ok := byID[fs[0].ID]
	if !ok || a.Labels["alertname"] != "vpn.openvpn" || a.Labels["host"] != "web-1" || a.Labels["tenant"] != "acme" ||
		a.Annotations["summary"] != "OpenVPN" || a.Status.State != "active" {
		t.Errorf("alert of the OpenVPN finding: %+v", a)
	}
	s.Put(fs[0])
	waitStats(t, s, 0, func(st Stats) bool { return st.Delivered == uint64(len(fs)+1) })
	if n := len(am.Alerts()); n != len(fs) {
		t.Errorf("a second sighting made %d alerts, want %d", n, len(fs))
	}
}

func TestValidate(t *testing.T) {
	cs := []Config{
		{Type: "kafka"},
		{Type: TypeFile},
		{Type: TypeSyslog, Address: "udp://nowhere"},
		{Type: TypeWebhook, URL: "ftp://x"},
		{Type: TypeAlertmanager, URL: "http://127.0.0.1:9093", Format: "cef"},
		{Type: TypeFile, Path: "x", MinSeverity: "urgent"},
	}
	Resolve(cs, "/etc/aupscan")
	var msgs []string
	for _, e := range Validate(cs) {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`"output[0].type"`, `"output[1].path"`, `"output[2].address"`, `"output[3].url"`,
		`"output[3].secret"`, `"output[4].format"`, `"output[5].min_severity"`} {
		if !strings.Contains(all, want) {
			t.Errorf("no problem for %s in:\n%s", want, all)
		}
	}
	if cs[1].Name != "file-1" || cs[5].Name != "file-2" || cs[5].Path != "/etc/aupscan/x" {
		t.Errorf("names and paths: %+v %+v", cs[1], cs[5])
	}
}
