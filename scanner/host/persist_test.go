package host

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestScanFollowsWhatTheSystemStarts builds a VM root whose real programs (from
// Debian's packages, renamed) lie outside every walked folder and are started only
// by a systemd unit (through a link and a drop-in), a user unit (through sh -c), a
// user's crontab, rc.local and a bare name in a unit: each must be found with what
// starts it, once, and nothing may be read outside the root.
func TestScanFollowsWhatTheSystemStarts(t *testing.T) {
	root := t.TempDir()
	copyFile(t, root, "var/lib/relay/relayd", sample(t, "deb:shadowsocks-libev:/usr/bin/ss-server"))
	must(t, os.MkdirAll(filepath.Join(root, "usr/sbin"), 0o755))
	must(t, os.Symlink("../../var/lib/relay/relayd", filepath.Join(root, "usr/sbin/relayd")))
	mustWrite(t, filepath.Join(root, "etc/systemd/system/relay.service"),
		"[Unit]\nDescription=Relay\n\n[Service]\nExecStart=/usr/bin/false\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n")
	// The drop-in clears ExecStart and sets the real one, with systemd's prefixes.
	mustWrite(t, filepath.Join(root, "etc/systemd/system/relay.service.d/override.conf"),
		"[Service]\nExecStart=\nExecStart=-@/usr/sbin/relayd \"relayd\" -c /etc/relay.json \\\n  -u\nExecStartPre=/usr/sbin/relayd --check\n")

	copyFile(t, root, "var/lib/alice-tools/updater", sample(t, "deb:v2ray:/usr/bin/v2ray"))
	mustWrite(t, filepath.Join(root, "bin/sh"), "#!/bin/true\n")
	mustWrite(t, filepath.Join(root, "home/alice/.config/systemd/user/update.service"),
		"[Service]\nExecStart=/bin/sh -c 'exec nohup /var/lib/alice-tools/updater run -c %h/.u.json >/dev/null 2>&1'\n")

	copyFile(t, root, "var/cache/tord/worker", sample(t, "deb:tor:/usr/bin/tor"))
	mustWrite(t, filepath.Join(root, "var/spool/cron/crontabs/bob"),
		"# m h dom mon dow command\nSHELL=/bin/sh\n@reboot /var/cache/tord/worker -f /var/cache/tord/torrc 2>&1 % ignored input\n")

	copyFile(t, root, "usr/lib/x86/kworker", sample(t, "deb:trojan:/usr/bin/trojan"))
	mustWrite(t, filepath.Join(root, "etc/rc.local"), "#!/bin/sh -e\nif true; then\n  echo up\nfi\nnohup /usr/lib/x86/kworker /etc/kw.json &\nexit 0\n")

	// A program in a walked folder started by a bare name: one finding, from the
	// walk and the unit alike.
	copyFile(t, root, "usr/local/bin/relay2", sample(t, "deb:shadowsocks-libev:/usr/bin/ss-local"))
	mustWrite(t, filepath.Join(root, "lib/systemd/system/relay2.service"), "[Service]\nExecStart=relay2 -c /etc/r2.json\n")
	// An /etc unit of the same name wins over /lib's: its program is what runs.
	mustWrite(t, filepath.Join(root, "etc/systemd/system/relay2.service"), "[Service]\nExecStart=/usr/local/bin/relay2 -s\n")

	// A program under a linked folder (an absolute link, resolved inside the root),
	// named through a template instance enabled in a .wants folder.
	copyFile(t, root, "var/opt/tunnel-1.2/bin/tund", sample(t, "deb:shadowsocks-libev:/usr/bin/ss-tunnel"))
	must(t, os.Symlink("/var/opt/tunnel-1.2", filepath.Join(root, "var/opt/current")))
	mustWrite(t, filepath.Join(root, "etc/systemd/system/tun@.service"), "[Service]\nExecStart=/var/opt/current/bin/tund -i %i\n")
	must(t, os.MkdirAll(filepath.Join(root, "etc/systemd/system/multi-user.target.wants"), 0o755))
	must(t, os.Symlink("../tun@.service", filepath.Join(root, "etc/systemd/system/multi-user.target.wants/tun@eu.service")))

	// A unit whose program is a link to a file outside the root: never read.
	outside := t.TempDir()
	copyFile(t, outside, "evil", sample(t, "deb:tor:/usr/bin/tor"))
	must(t, os.Symlink(filepath.Join(outside, "evil"), filepath.Join(root, "usr/sbin/escape")))
	mustWrite(t, filepath.Join(root, "etc/systemd/system/escape.service"), "[Service]\nExecStart=/usr/sbin/escape\n")
	// Innocent units and a masked one.
	copyFile(t, root, "usr/lib/openssh/sshd", sample(t, "deb:openssh-client:/usr/bin/ssh"))
	mustWrite(t, filepath.Join(root, "lib/systemd/system/ssh.service"), "[Service]\nExecStart=/usr/lib/openssh/sshd -D $SSHD_OPTS\n")
	must(t, os.Symlink("/dev/null", filepath.Join(root, "etc/systemd/system/masked.service")))

	got, res := scanRoot(t, root, nil)
	evidence := map[string]string{
		"/var/lib/relay/relayd":        "started by /etc/systemd/system/relay.service (ExecStart, ExecStartPre)",
		"/var/lib/alice-tools/updater": "started by /home/alice/.config/systemd/user/update.service (user unit ExecStart)",
		"/var/cache/tord/worker":       "started by /var/spool/cron/crontabs/bob (cron @reboot, user bob)",
		"/usr/lib/x86/kworker":         "started by /etc/rc.local (rc.local)",
		"/usr/local/bin/relay2":        "started by /etc/systemd/system/relay2.service (ExecStart)",
		"/var/opt/tunnel-1.2/bin/tund": "started by /etc/systemd/system/multi-user.target.wants/tun@eu.service (ExecStart)",
	}
	wantFound := []found{
		{"proxy.trojan", "file", "/usr/lib/x86/kworker", "", "installed"},
		{"proxy.shadowsocks", "file", "/usr/local/bin/relay2", "", "installed"},
		{"tor.daemon", "file", "/var/cache/tord/worker", "", "installed"},
		{"proxy.v2ray", "file", "/var/lib/alice-tools/updater", "", "installed"},
		{"proxy.shadowsocks", "file", "/var/lib/relay/relayd", "", "installed"},
		{"proxy.shadowsocks", "file", "/var/opt/tunnel-1.2/bin/tund", "", "installed"},
	}
	if s := summarise(got); !reflect.DeepEqual(s, wantFound) {
		t.Errorf("findings:\n%v\nwant:\n%v", s, wantFound)
	}
	for _, f := range got {
		if w := evidence[f.Subject]; !strings.HasSuffix(f.Evidence, "; "+w) {
			t.Errorf("%s: evidence %q, want it to end with %q", f.Subject, f.Evidence, w)
		}
	}
	if res.Summary.Files < 6 {
		t.Errorf("read %d files", res.Summary.Files)
	}
}
