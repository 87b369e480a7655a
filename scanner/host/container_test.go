package host

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/aupscan/aupscan/internal/testenv"
	"github.com/aupscan/aupscan/scanner"
)

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, path, string(b))
}

// dockerLayout builds Docker's overlay2 storage inside a VM root: two image
// layers (L1 below L2), and two containers on them. The relay container's own
// layer deletes ss-server with an overlayfs whiteout (a 0/0 character device)
// and hides /opt/tor behind an opaque folder; L2 deletes /srv/trojan with an
// AUFS-style .wh. file; relay adds v2ray. The web container sits on L1 alone.
func dockerLayout(t *testing.T, vm string) {
	t.Helper()
	d := filepath.Join(vm, "var/lib/docker")
	o := filepath.Join(d, "overlay2")
	relay, web := strings.Repeat("a", 64), strings.Repeat("b", 64)
	copyFile(t, o, "L1/diff/usr/bin/ss-server", sample(t, "deb:shadowsocks-libev:/usr/bin/ss-server"))
	copyFile(t, o, "L1/diff/usr/sbin/ss-local", sample(t, "deb:shadowsocks-libev:/usr/bin/ss-local"))
	copyFile(t, o, "L1/diff/opt/tor/tor", sample(t, "deb:tor:/usr/bin/tor"))
	copyFile(t, o, "L1/diff/srv/trojan", sample(t, "deb:trojan:/usr/bin/trojan"))
	mustWrite(t, filepath.Join(o, "L1/diff/etc/hostname"), "box\n")
	mustWrite(t, filepath.Join(o, "L2/diff/srv/.wh.trojan"), "")
	mustWrite(t, filepath.Join(o, "L2/lower"), "l/LOWERB")
	must(t, os.MkdirAll(filepath.Join(o, "l"), 0o755))
	must(t, os.Symlink("../L2/diff", filepath.Join(o, "l/LOWERA")))
	must(t, os.Symlink("../L1/diff", filepath.Join(o, "l/LOWERB")))

	copyFile(t, o, "m1/diff/usr/local/bin/v2ray", sample(t, "deb:v2ray:/usr/bin/v2ray"))
	must(t, os.MkdirAll(filepath.Join(o, "m1/diff/usr/bin"), 0o755))
	must(t, unix.Mknod(filepath.Join(o, "m1/diff/usr/bin/ss-server"), unix.S_IFCHR|0o600, 0))
	mustWrite(t, filepath.Join(o, "m1/diff/opt/tor/README"), "replaced\n")
	must(t, unix.Setxattr(filepath.Join(o, "m1/diff/opt/tor"), "trusted.overlay.opaque", []byte("y"), 0))
	mustWrite(t, filepath.Join(o, "m1/lower"), "l/LOWERA:l/LOWERB")
	must(t, os.MkdirAll(filepath.Join(o, "m2/diff"), 0o755))
	mustWrite(t, filepath.Join(o, "m2/lower"), "l/LOWERB")

	for id, c := range map[string][2]string{relay: {"/relay", "teddysun/xray:1.8.4"}, web: {"/web", "nginx:1.27"}} {
		writeJSON(t, filepath.Join(d, "containers", id, "config.v2.json"),
			map[string]any{"ID": id, "Name": c[0], "Driver": "overlay2", "Config": map[string]any{"Image": c[1], "Env": []string{"SECRET=x"}}})
	}
	writeJSON(t, filepath.Join(d, "containers", relay, "hostconfig.json"), map[string]any{"PortBindings": map[string]any{
		"443/tcp": []map[string]string{{"HostIp": "", "HostPort": "443"}}, "8080/tcp": []map[string]string{{"HostIp": "127.0.0.1", "HostPort": "8080"}}}})
	mustWrite(t, filepath.Join(d, "image/overlay2/layerdb/mounts", relay, "mount-id"), "m1")
	mustWrite(t, filepath.Join(d, "image/overlay2/layerdb/mounts", web, "mount-id"), "m2")
}

// TestScanContainers reads Docker containers as each one sees its filesystem: what
// an upper layer deleted (overlayfs and AUFS whiteouts, an opaque folder) is not
// reported, what it added and what shows through from below is, per container;
// compose files that run a listed image are config findings, server when they
// publish a port; and walking the storage folder itself adds nothing.
func TestScanContainers(t *testing.T) {
	testenv.NeedRoot(t) // whiteout devices and trusted.* attributes
	vm := t.TempDir()
	dockerLayout(t, vm)
	mustWrite(t, filepath.Join(vm, "srv/app/docker-compose.yml"),
		"services:\n  proxy:\n    image: teddysun/xray:1.8.4\n    ports:\n      - \"443:443\"\n  admin:\n    image: v2fly/v2fly-core\n    ports: [\"127.0.0.1:8080:8080\"]\n")
	mustWrite(t, filepath.Join(vm, "srv/local/compose.yaml"), "services:\n  p:\n    image: ghcr.io/xtls/xray-core\n    ports: [\"127.0.0.1:1080:1080\"]\n")
	mustWrite(t, filepath.Join(vm, "srv/web/compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n")

	want := []found{
		// V2Ray's and Xray's images are their own rules': the compose file runs both,
		// and only Xray's service publishes a port beyond loopback.
		{"proxy.v2ray", "config", "/srv/app/docker-compose.yml", "", ""},
		{"proxy.xray", "config", "/srv/app/docker-compose.yml", "", "server"},
		{"proxy.xray", "config", "/srv/local/compose.yaml", "", ""},
		{"proxy.v2ray", "file", "/usr/local/bin/v2ray", "docker:relay", "installed"},
		{"proxy.shadowsocks", "file", "/usr/sbin/ss-local", "docker:relay", "installed"},
		{"proxy.xray", "config", "/var/lib/docker/containers/" + strings.Repeat("a", 64) + "/config.v2.json", "docker:relay", "server"},
		{"tor.daemon", "file", "/opt/tor/tor", "docker:web", "installed"},
		{"proxy.trojan", "file", "/srv/trojan", "docker:web", "installed"},
		{"proxy.shadowsocks", "file", "/usr/bin/ss-server", "docker:web", "installed"},
		{"proxy.shadowsocks", "file", "/usr/sbin/ss-local", "docker:web", "installed"},
	}
	for _, paths := range [][]string{nil, {"/var/lib", "/srv"}} {
		got, res := scanRoot(t, vm, paths)
		if s := summarise(got); !reflect.DeepEqual(s, want) {
			t.Errorf("paths %v: findings:\n%v\nwant:\n%v", paths, s, want)
		}
		for _, f := range got {
			switch f.Subject {
			case "/usr/local/bin/v2ray":
				if !strings.HasSuffix(f.Evidence, "; in container docker:relay (image teddysun/xray:1.8.4), file /var/lib/docker/overlay2/m1/diff/usr/local/bin/v2ray") {
					t.Errorf("evidence %q", f.Evidence)
				}
			case "/var/lib/docker/containers/" + strings.Repeat("a", 64) + "/config.v2.json":
				if f.Evidence != "container docker:relay runs image teddysun/xray:1.8.4, publishing 0.0.0.0:443->443/tcp" {
					t.Errorf("evidence %q", f.Evidence)
				}
			case "/srv/app/docker-compose.yml":
				want := map[string]string{"proxy.xray": `compose service "proxy" (line 3) runs image teddysun/xray:1.8.4, publishing 0.0.0.0:443->443/tcp`,
					"proxy.v2ray": `compose service "admin" (line 7) runs image v2fly/v2fly-core`}[f.Rule]
				if f.Evidence != want {
					t.Errorf("evidence %q, want %q", f.Evidence, want)
				}
			}
		}
		if paths != nil && skippedAs(res.Summary)["/var/lib/docker"] != SkipContainerStorage {
			t.Errorf("the storage folder was not passed over: %v", res.Summary.Skipped)
		}
	}
}

// TestScanPodmanContainers reads podman's storage, system and rootless, with the
// OCI whiteout files (.wh.NAME and the opaque marker .wh..wh..opq), which need no
// privileges.
func TestScanPodmanContainers(t *testing.T) {
	vm := t.TempDir()
	for _, storage := range []string{"var/lib/containers/storage", "home/alice/.local/share/containers/storage"} {
		o := filepath.Join(vm, storage, "overlay")
		copyFile(t, o, "base/diff/usr/bin/ss-server", sample(t, "deb:shadowsocks-libev:/usr/bin/ss-server"))
		copyFile(t, o, "base/diff/opt/tor/tor", sample(t, "deb:tor:/usr/bin/tor"))
		copyFile(t, o, "ctr/diff/usr/local/bin/trojan", sample(t, "deb:trojan:/usr/bin/trojan"))
		mustWrite(t, filepath.Join(o, "ctr/diff/usr/bin/.wh.ss-server"), "")
		mustWrite(t, filepath.Join(o, "ctr/diff/opt/tor/.wh..wh..opq"), "")
		mustWrite(t, filepath.Join(o, "ctr/lower"), "l/BASE\n")
		must(t, os.MkdirAll(filepath.Join(o, "l"), 0o755))
		must(t, os.Symlink("../base/diff", filepath.Join(o, "l/BASE")))
		writeJSON(t, filepath.Join(vm, storage, "overlay-containers/containers.json"),
			[]map[string]any{{"id": strings.Repeat("c", 64), "names": []string{"relay"}, "image": strings.Repeat("d", 64), "layer": "ctr"}})
		writeJSON(t, filepath.Join(vm, storage, "overlay-images/images.json"),
			[]map[string]any{{"id": strings.Repeat("d", 64), "names": []string{"docker.io/trojangfw/trojan:latest"}}})
	}
	ctx := context.Background()
	var excluded []scanner.Finding
	res, err := Scan(ctx, builtinEngine(t), Options{Root: vm, Paths: []string{"/usr/bin"}, Files: FileOptions{Exclude: []string{"/home/*/.local/share/**"}}},
		func(f scanner.Finding) { excluded = append(excluded, f) })
	if err != nil || len(excluded) != 2 || excluded[0].Container != "podman:relay" || skippedAs(res.Summary)["podman:alice/relay:/"] != SkipExcluded {
		t.Errorf("excluding a rootless storage: %v, %v, %v", err, summarise(excluded), res.Summary.Skipped)
	}
	got, _ := scanRoot(t, vm, []string{"/usr/bin"})
	want := []found{
		{"proxy.trojan", "config", "/home/alice/.local/share/containers/storage/overlay-containers/containers.json", "podman:alice/relay", ""},
		{"proxy.trojan", "file", "/usr/local/bin/trojan", "podman:alice/relay", "installed"},
		{"proxy.trojan", "file", "/usr/local/bin/trojan", "podman:relay", "installed"},
		{"proxy.trojan", "config", "/var/lib/containers/storage/overlay-containers/containers.json", "podman:relay", ""},
	}
	if s := summarise(got); !reflect.DeepEqual(s, want) {
		t.Errorf("findings:\n%v\nwant:\n%v", s, want)
	}
	if len(got) == 4 && got[1].ID == got[2].ID {
		t.Errorf("one id for two containers: %s", got[1].ID)
	}
}

// TestContainerMetadataRefused: crafted metadata (a short link out of the driver's
// folder, a mount id with a path in it, a lower file of paths) names no layer, and
// is reported as skipped with the reason.
func TestContainerMetadataRefused(t *testing.T) {
	vm := t.TempDir()
	d := filepath.Join(vm, "var/lib/docker")
	o := filepath.Join(d, "overlay2")
	ids := []string{strings.Repeat("1", 64), strings.Repeat("2", 64), strings.Repeat("3", 64)}
	mounts := []string{"m1", "../../../../etc", "m3"}
	for i, id := range ids {
		writeJSON(t, filepath.Join(d, "containers", id, "config.v2.json"), map[string]any{"ID": id, "Name": "/c" + id[:1], "Driver": "overlay2"})
		mustWrite(t, filepath.Join(d, "image/overlay2/layerdb/mounts", id, "mount-id"), mounts[i])
	}
	must(t, os.MkdirAll(filepath.Join(o, "m1/diff"), 0o755))
	mustWrite(t, filepath.Join(o, "m1/lower"), "l/OUT")
	must(t, os.MkdirAll(filepath.Join(o, "l"), 0o755))
	must(t, os.Symlink("../../../../../etc", filepath.Join(o, "l/OUT")))
	must(t, os.MkdirAll(filepath.Join(o, "m3/diff"), 0o755))
	mustWrite(t, filepath.Join(o, "m3/lower"), "/etc:l/../../x")
	mustWrite(t, filepath.Join(d, "containers/broken/config.v2.json"), "{")
	root, err := os.OpenRoot(vm)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	views, stores, skipped := FindContainers(root)
	if len(views) != 0 || len(stores) != 1 || stores[0].Dir != "/var/lib/docker" {
		t.Errorf("views %+v, stores %+v", views, stores)
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		reasons[s.Path] = s.Reason
	}
	for p, want := range map[string]string{
		"/var/lib/docker/image/overlay2/layerdb/mounts/" + ids[0] + "/mount-id": "is not ../LAYER/diff",
		"/var/lib/docker/image/overlay2/layerdb/mounts/" + ids[1] + "/mount-id": `layer id "../../../../etc" is not an id`,
		"/var/lib/docker/image/overlay2/layerdb/mounts/" + ids[2] + "/mount-id": `lower entry "/etc": want l/SHORTNAME`,
		"/var/lib/docker/containers/broken/config.v2.json":                      "unexpected end of JSON input",
	} {
		if !strings.Contains(reasons[p], want) {
			t.Errorf("%s: skipped as %q, want %q", p, reasons[p], want)
		}
	}
}

func FuzzParseLower(f *testing.F) {
	f.Add("l/ABC:l/DEF")
	f.Add("l/../x:/etc")
	f.Fuzz(func(t *testing.T, s string) {
		parts, err := ParseLower(s)
		if err != nil {
			return
		}
		for _, p := range parts {
			if strings.Contains(p, "..") || strings.Count(p, "/") != 1 {
				t.Errorf("%q: accepted %q", s, p)
			}
		}
	})
}

func FuzzParseContainerMetadata(f *testing.F) {
	f.Add([]byte(`{"ID":"` + strings.Repeat("a", 64) + `","Name":"/relay","Driver":"overlay2","Config":{"Image":"x"}}`))
	f.Add([]byte(`[{"id":"c","names":["relay"],"image":"d","layer":"e"}]`))
	f.Add([]byte(`{"ID":"../x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if dc, err := ParseDockerConfig(data); err == nil && !layerIDRe.MatchString(dc.ID) {
			t.Errorf("accepted id %q", dc.ID)
		}
		_ = ParseDockerPorts(data)
		pcs, err := ParsePodmanContainers(data)
		for _, pc := range pcs {
			if err == nil && (strings.Contains(pc.Layer, "/") || strings.Contains(pc.Layer, "..")) {
				t.Errorf("accepted layer %q", pc.Layer)
			}
		}
	})
}
