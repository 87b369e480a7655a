package notify

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/aupscan/aupscan/internal/testenv"
)

// mailpit is a real SMTP server for the tests, on loopback ports of its own.
type mailpit struct {
	t        testing.TB
	bin      string
	args     []string
	smtpPort int
	api      string
	cmd      *exec.Cmd
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startMailpit starts mailpit with extra flags and stops it when the test ends.
func startMailpit(t testing.TB, extra ...string) *mailpit {
	t.Helper()
	bin := testenv.LookPath(t, "mailpit")
	dir := t.TempDir()
	m := &mailpit{t: t, bin: bin, smtpPort: freePort(t)}
	httpPort := freePort(t)
	m.api = fmt.Sprintf("http://127.0.0.1:%d", httpPort)
	m.args = append([]string{"--smtp", fmt.Sprintf("127.0.0.1:%d", m.smtpPort),
		"--listen", fmt.Sprintf("127.0.0.1:%d", httpPort), "--database", filepath.Join(dir, "mailpit.db"),
		"--smtp-disable-rdns", "--max", "100000", "--disable-version-check", "--quiet"}, extra...)
	m.start()
	t.Cleanup(m.stop)
	return m
}

func (m *mailpit) start() {
	m.t.Helper()
	m.cmd = exec.Command(m.bin, m.args...)
	m.cmd.Stdout, m.cmd.Stderr = os.Stderr, os.Stderr
	if err := m.cmd.Start(); err != nil {
		m.t.Fatalf("start mailpit: %v", err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", m.smtpPort), 200*time.Millisecond)
		if err == nil {
			c.Close()
			if resp, err := http.Get(m.api + "/api/v1/info"); err == nil {
				resp.Body.Close()
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	m.t.Fatal("mailpit did not come up")
}

func (m *mailpit) stop() {
	if m.cmd == nil || m.cmd.Process == nil {
		return
	}
	m.cmd.Process.Kill()
	m.cmd.Wait()
	m.cmd = nil
}

// smtp is the mail configuration that sends to this mailpit in plain text.
func (m *mailpit) smtp() SMTP {
	return SMTP{Host: "127.0.0.1", Port: m.smtpPort, TLS: "none", Timeout: Duration(5 * time.Second)}
}

type mpSummary struct {
	ID        string `json:"ID"`
	MessageID string `json:"MessageID"`
	Subject   string `json:"Subject"`
}

func (m *mailpit) getJSON(path string, v any) {
	m.t.Helper()
	resp, err := http.Get(m.api + path)
	if err != nil {
		m.t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		m.t.Fatalf("GET %s: %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		m.t.Fatalf("GET %s: %v", path, err)
	}
}

// messages lists what arrived, oldest first.
func (m *mailpit) messages() []mpSummary {
	m.t.Helper()
	var out struct {
		Messages []mpSummary `json:"messages"`
	}
	m.getJSON("/api/v1/messages?limit=100000", &out)
	for i, j := 0, len(out.Messages)-1; i < j; i, j = i+1, j-1 {
		out.Messages[i], out.Messages[j] = out.Messages[j], out.Messages[i]
	}
	return out.Messages
}

// raw returns a message's source as received.
func (m *mailpit) raw(id string) []byte {
	m.t.Helper()
	resp, err := http.Get(m.api + "/api/v1/message/" + id + "/raw")
	if err != nil {
		m.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		m.t.Fatal(err)
	}
	return b
}

// parsed returns mailpit's own reading of a message: its text and HTML bodies.
func (m *mailpit) parsed(id string) (text, html string) {
	m.t.Helper()
	var out struct{ Text, HTML string }
	m.getJSON("/api/v1/message/"+id, &out)
	return out.Text, out.HTML
}
