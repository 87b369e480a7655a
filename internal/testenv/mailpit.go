package testenv

import (
	"context"
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
)

// Mailpit is a real SMTP server (github.com/axllent/mailpit, installed by make test)
// on loopback ports of its own, read through its HTTP API: what the notifier's and
// the daemon's tests send mail to.
type Mailpit struct {
	SMTPPort int
	API      string // http://127.0.0.1:PORT

	t    testing.TB
	bin  string
	args []string
	cmd  *exec.Cmd
}

// MailpitMessage is one message as mailpit lists it.
type MailpitMessage struct {
	ID        string `json:"ID"`
	MessageID string `json:"MessageID"`
	Subject   string `json:"Subject"`
	To        []struct {
		Address string `json:"Address"`
	} `json:"To"`
}

// FreePort asks the kernel for a free loopback TCP port.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// StartMailpit starts mailpit with extra flags and stops it when the test ends; it
// stops the test when mailpit is not installed (LookPath's rules).
func StartMailpit(t testing.TB, extra ...string) *Mailpit {
	t.Helper()
	m := &Mailpit{t: t, bin: LookPath(t, "mailpit"), SMTPPort: FreePort(t)}
	httpPort := FreePort(t)
	m.API = fmt.Sprintf("http://127.0.0.1:%d", httpPort)
	m.args = append([]string{"--smtp", fmt.Sprintf("127.0.0.1:%d", m.SMTPPort),
		"--listen", fmt.Sprintf("127.0.0.1:%d", httpPort), "--database", filepath.Join(t.TempDir(), "mailpit.db"),
		"--smtp-disable-rdns", "--max", "100000", "--disable-version-check", "--quiet"}, extra...)
	m.Start()
	t.Cleanup(m.Stop)
	return m
}

// Start (re)starts the server on its ports and waits until it answers.
func (m *Mailpit) Start() {
	m.t.Helper()
	m.cmd = exec.Command(m.bin, m.args...)
	m.cmd.Stdout, m.cmd.Stderr = os.Stderr, os.Stderr
	if err := m.cmd.Start(); err != nil {
		m.t.Fatalf("start mailpit: %v", err)
	}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", m.SMTPPort), 200*time.Millisecond)
		if err != nil {
			continue
		}
		c.Close()
		if resp, err := http.Get(m.API + "/api/v1/info"); err == nil {
			resp.Body.Close()
			return
		}
	}
	m.t.Fatal("mailpit did not come up")
}

// Stop stops the server; Start brings it back with the messages it had.
func (m *Mailpit) Stop() {
	if m.cmd == nil || m.cmd.Process == nil {
		return
	}
	m.cmd.Process.Kill()
	m.cmd.Wait()
	m.cmd = nil
}

// GetJSON decodes the answer of one API call into v.
func (m *Mailpit) GetJSON(path string, v any) {
	m.t.Helper()
	b := m.get(path)
	if err := json.Unmarshal(b, v); err != nil {
		m.t.Fatalf("GET %s: %v", path, err)
	}
}

func (m *Mailpit) get(path string) []byte {
	m.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, m.API+path, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		m.t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		m.t.Fatalf("GET %s: %s", path, resp.Status)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		m.t.Fatalf("GET %s: %v", path, err)
	}
	return b
}

// Messages lists what arrived, oldest first.
func (m *Mailpit) Messages() []MailpitMessage {
	m.t.Helper()
	var out struct {
		Messages []MailpitMessage `json:"messages"`
	}
	m.GetJSON("/api/v1/messages?limit=100000", &out)
	for i, j := 0, len(out.Messages)-1; i < j; i, j = i+1, j-1 {
		out.Messages[i], out.Messages[j] = out.Messages[j], out.Messages[i]
	}
	return out.Messages
}

// Raw returns a message's source as received.
func (m *Mailpit) Raw(id string) []byte {
	m.t.Helper()
	return m.get("/api/v1/message/" + id + "/raw")
}

// Parsed returns mailpit's own reading of a message: its text and HTML bodies.
func (m *Mailpit) Parsed(id string) (text, html string) {
	m.t.Helper()
	var out struct{ Text, HTML string }
	m.GetJSON("/api/v1/message/"+id, &out)
	return out.Text, out.HTML
}
