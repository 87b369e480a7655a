package testenv

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Rsyslog is a real rsyslogd (Debian's rsyslog and rsyslog-gnutls) listening on
// loopback: UDP, TCP and TLS (octet-counted, RFC 5425) ports and a local datagram
// socket. Every message it takes is written to a file as one line:
// "INPUT HOSTNAME APP-NAME PROCID MSGID SEVERITY FACILITY MSG", INPUT being imudp,
// imtcp, imtcp-tls or imuxsock.
type Rsyslog struct {
	t             testing.TB
	UDP, TCP, TLS int    // loopback ports
	Socket        string // the local socket's path
	CAFile        string // the CA of the TLS port's certificate
	out           string
	cmd           *exec.Cmd
}

// StartRsyslog starts rsyslogd and stops it when the test ends; it stops the test
// when rsyslogd is not installed (LookPath's rules).
func StartRsyslog(t testing.TB) *Rsyslog {
	t.Helper()
	bin := LookPath(t, "rsyslogd")
	dir := t.TempDir()
	WritePKI(t, dir)
	r := &Rsyslog{t: t, UDP: FreePort(t), TCP: FreePort(t), TLS: FreePort(t), Socket: filepath.Join(dir, "log.sock"),
		CAFile: filepath.Join(dir, "ca.pem"), out: filepath.Join(dir, "messages.log")}
	conf := fmt.Sprintf(`global(workDirectory=%[1]q
  DefaultNetstreamDriverCAFile=%[2]q DefaultNetstreamDriverCertFile=%[3]q DefaultNetstreamDriverKeyFile=%[4]q)
module(load="imudp")
module(load="imtcp")
module(load="imuxsock" SysSock.Use="off")
input(type="imudp" address="127.0.0.1" port="%[5]d")
input(type="imtcp" address="127.0.0.1" port="%[6]d")
input(type="imtcp" address="127.0.0.1" port="%[7]d" name="imtcp-tls" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon")
input(type="imuxsock" Socket=%[8]q UseSpecialParser="off" ParseHostname="on")
template(name="line" type="string" string="%%inputname%% %%hostname%% %%app-name%% %%procid%% %%msgid%% %%syslogseverity-text%% %%syslogfacility-text%% %%msg%%\n")
action(type="omfile" file=%[9]q template="line")
`, dir, r.CAFile, filepath.Join(dir, "server.pem"), filepath.Join(dir, "server.key"), r.UDP, r.TCP, r.TLS, r.Socket, r.out)
	confFile := filepath.Join(dir, "rsyslog.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	r.cmd = exec.Command(bin, "-n", "-f", confFile, "-i", filepath.Join(dir, "rsyslogd.pid"))
	r.cmd.Stdout, r.cmd.Stderr = os.Stderr, os.Stderr
	if err := r.cmd.Start(); err != nil {
		t.Fatalf("start rsyslogd: %v", err)
	}
	t.Cleanup(func() {
		r.cmd.Process.Kill()
		r.cmd.Wait()
	})
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		// The plain TCP port: a probe of the TLS port without a handshake is logged
		// as an error by rsyslogd.
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", r.TCP), 200*time.Millisecond)
		_, serr := os.Stat(r.Socket)
		if err == nil {
			c.Close()
			if serr == nil {
				return r
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("rsyslogd did not come up")
		}
	}
}

// Lines returns the messages received so far.
func (r *Rsyslog) Lines() []string {
	b, err := os.ReadFile(r.out)
	if err != nil && !os.IsNotExist(err) {
		r.t.Fatal(err)
	}
	s := strings.TrimSuffix(string(b), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// WaitFor waits up to timeout until n messages containing sub have arrived, and
// returns them (fewer when the time ran out).
func (r *Rsyslog) WaitFor(sub string, n int, timeout time.Duration) []string {
	for deadline := time.Now().Add(timeout); ; time.Sleep(50 * time.Millisecond) {
		var got []string
		for _, l := range r.Lines() {
			if strings.Contains(l, sub) {
				got = append(got, l)
			}
		}
		if len(got) >= n || time.Now().After(deadline) {
			return got
		}
	}
}
