package testenv

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	golibvirt "github.com/digitalocean/go-libvirt"
)

// Libvirtd is a real libvirtd (Debian's libvirt-daemon with its QEMU driver and
// qemu-system-x86) in session mode: its sockets, configuration, domains and logs all in
// one private folder, so that it never meets the machine's own libvirtd or another
// test's. As root it runs as nobody (a libvirtd running as root is the system daemon,
// whose paths are fixed); otherwise as the test's user. Domains run under QEMU's
// software emulation (TCG), so no /dev/kvm is needed.
type Libvirtd struct {
	t      testing.TB
	URI    string // qemu:///session?socket=PATH: what a client is configured with
	Socket string
	dir    string
	qemu   string
	cmd    *exec.Cmd
}

// StartLibvirtd starts libvirtd and stops it (and every domain it runs) when the test
// ends; it stops the test when libvirtd or QEMU is not installed (LookPath's rules).
func StartLibvirtd(t testing.TB) *Libvirtd {
	t.Helper()
	bin := "/usr/sbin/libvirtd" // not on a user's PATH
	if _, err := os.Stat(bin); err != nil {
		bin = LookPath(t, "libvirtd")
	}
	qemu := LookPath(t, "qemu-system-x86_64")
	// In /tmp whatever TMPDIR says: the sockets' paths must stay under 108 bytes.
	dir, err := os.MkdirTemp("/tmp", "libvirtd-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	env := []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=" + filepath.Join(dir, "home"),
		"XDG_RUNTIME_DIR=" + filepath.Join(dir, "run"), "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(dir, "cache")}
	for _, sub := range []string{"home", "run", "config/libvirt", "cache"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	// QEMU's console output straight to a file: no virtlogd left running after the test.
	if err := os.WriteFile(filepath.Join(dir, "config/libvirt/qemu.conf"), []byte("stdio_handler = \"file\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := &Libvirtd{t: t, dir: dir, qemu: qemu, Socket: filepath.Join(dir, "run/libvirt/libvirt-sock")}
	d.URI = "qemu:///session?socket=" + url.QueryEscape(d.Socket)
	d.cmd = exec.Command(bin)
	d.cmd.Env = env
	log, err := os.Create(filepath.Join(dir, "libvirtd.log"))
	if err != nil {
		t.Fatal(err)
	}
	d.cmd.Stdout, d.cmd.Stderr = log, log
	if os.Geteuid() == 0 {
		const nobody = 65534
		if err := chownAll(dir, nobody); err != nil {
			t.Fatal(err)
		}
		d.cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	if err := d.cmd.Start(); err != nil {
		t.Fatalf("start libvirtd: %v", err)
	}
	t.Cleanup(d.stop)
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if l, err := d.connect(); err == nil {
			l.Disconnect()
			return d
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(log.Name())
			t.Fatalf("libvirtd did not come up:\n%s", b)
		}
	}
}

func chownAll(dir string, id int) error {
	return filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, id, id)
	})
}

func (d *Libvirtd) connect() (*golibvirt.Libvirt, error) {
	u, err := url.Parse(d.URI)
	if err != nil {
		return nil, err
	}
	return golibvirt.ConnectToURI(u)
}

// Connect returns a connection for the test's own setup and checks, closed when the
// test ends.
func (d *Libvirtd) Connect() *golibvirt.Libvirt {
	d.t.Helper()
	l, err := d.connect()
	if err != nil {
		d.t.Fatalf("connect to libvirtd: %v", err)
	}
	d.t.Cleanup(func() { l.Disconnect() })
	return l
}

// TinyDomainXML is a diskless x86 machine with 64 MiB and nothing to boot: SeaBIOS
// finds no boot device and waits, which is all a test of the domain's state needs.
func TinyDomainXML(name, qemu string) string {
	return fmt.Sprintf(`<domain type='qemu'>
  <name>%s</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
  <features><acpi/></features>
  <devices><emulator>%s</emulator></devices>
</domain>`, name, qemu)
}

// DefineTiny defines a TinyDomainXML domain, not started.
func (d *Libvirtd) DefineTiny(l *golibvirt.Libvirt, name string) golibvirt.Domain {
	d.t.Helper()
	dom, err := l.DomainDefineXMLFlags(TinyDomainXML(name, d.qemu), 0)
	if err != nil {
		d.t.Fatalf("define %s: %v", name, err)
	}
	return dom
}

// StartTiny defines and starts a TinyDomainXML domain.
func (d *Libvirtd) StartTiny(l *golibvirt.Libvirt, name string) golibvirt.Domain {
	d.t.Helper()
	dom := d.DefineTiny(l, name)
	if err := l.DomainCreate(dom); err != nil {
		b, _ := os.ReadFile(filepath.Join(d.dir, "libvirtd.log"))
		d.t.Fatalf("start %s: %v\n%s", name, err, b)
	}
	return dom
}

// stop destroys the running domains and ends libvirtd; a QEMU it did not end is
// killed through its pid file.
func (d *Libvirtd) stop() {
	if l, err := d.connect(); err == nil {
		if doms, _, err := l.ConnectListAllDomains(1, golibvirt.ConnectListDomainsActive); err == nil {
			for _, dom := range doms {
				l.DomainDestroy(dom)
			}
		}
		l.Disconnect()
	}
	d.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { d.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		d.cmd.Process.Kill()
		<-done
	}
	pids, _ := filepath.Glob(filepath.Join(d.dir, "run/libvirt/qemu/run/*.pid"))
	for _, p := range pids {
		if filepath.Base(p) == "driver.pid" { // the daemon's own, ended above
			continue
		}
		b, _ := os.ReadFile(p)
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 1 {
			syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}
