package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/scanner"
)

// TestHostRootContainersAndUnits runs `aupscan host --root` on a VM root with a
// program started only by a systemd unit and a podman container: the JSON lines
// carry what starts the program, and the container of a file found inside one.
func TestHostRootContainersAndUnits(t *testing.T) {
	root := t.TempDir()
	plant(t, root, "/var/lib/relay/relayd", sampleFile(t, "deb:shadowsocks-libev:/usr/bin/ss-server"), "")
	plant(t, root, "/etc/systemd/system/relay.service", "", "[Service]\nExecStart=/var/lib/relay/relayd -c /etc/relay.json\n")
	store := filepath.Join(root, "var/lib/containers/storage")
	plant(t, store, "overlay/ctr/diff/usr/local/bin/updater", sampleFile(t, "deb:tor:/usr/bin/tor"), "")
	b, _ := json.Marshal([]map[string]any{{"id": strings.Repeat("c", 64), "names": []string{"relay"}, "image": "x", "layer": "ctr"}})
	plant(t, store, "overlay-containers/containers.json", "", string(b))

	code, out, errOut := aupscan(t, "--format", "json", "host", "--root", root)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, out, errOut)
	}
	got := map[string]scanner.Finding{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f scanner.Finding
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		got[f.Container+" "+f.Subject] = f
	}
	if f, ok := got[" /var/lib/relay/relayd"]; !ok || f.Rule != "proxy.shadowsocks" ||
		!strings.HasSuffix(f.Evidence, "; started by /etc/systemd/system/relay.service (ExecStart)") {
		t.Errorf("the unit's program: %+v", f)
	}
	if f, ok := got["podman:relay /usr/local/bin/updater"]; !ok || f.Rule != "tor.daemon" ||
		!strings.Contains(out, `"container":"podman:relay"`) {
		t.Errorf("the container's file: %+v\n%s", f, out)
	}
	if len(got) != 2 {
		t.Errorf("%d findings, want 2:\n%s", len(got), out)
	}
}
