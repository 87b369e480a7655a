package host

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// writeBolt writes a bolt database as containerd would: buckets by path, values
// at the leaves.
func writeBolt(t *testing.T, path string, put func(tx *bolt.Tx) error) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	must(t, db.Update(put))
	must(t, db.Close())
}

func bucketPath(tx *bolt.Tx, names ...string) *bolt.Bucket {
	b, err := tx.CreateBucketIfNotExists([]byte(names[0]))
	if err != nil {
		panic(err)
	}
	for _, n := range names[1:] {
		if b, err = b.CreateBucketIfNotExists([]byte(n)); err != nil {
			panic(err)
		}
	}
	return b
}

func uvarint(v uint64) []byte { return binary.AppendUvarint(nil, v) }

// TestScanContainerdContainers reads containerd's overlayfs snapshotter: its
// metadata.db (real bolt, as containerd writes it) chains a container's active
// snapshot to its image's committed ones; the merged view hides what an upper
// snapshot deleted; meta.db names the image.
func TestScanContainerdContainers(t *testing.T) {
	vm := t.TempDir()
	c := filepath.Join(vm, "var/lib/containerd")
	s := filepath.Join(c, "io.containerd.snapshotter.v1.overlayfs")
	writeBolt(t, filepath.Join(s, "metadata.db"), func(tx *bolt.Tx) error {
		for _, sn := range []struct {
			key, parent string
			id          uint64
			kind        byte
		}{
			{"k8s.io/1/sha256:base", "", 1, 3},
			{"k8s.io/2/sha256:app", "k8s.io/1/sha256:base", 2, 3},
			{"k8s.io/7/relay-ctr", "k8s.io/2/sha256:app", 7, 2},
			{"k8s.io/8/view", "k8s.io/1/sha256:base", 8, 1},
		} {
			b := bucketPath(tx, "v1", "snapshots", sn.key)
			must(t, b.Put([]byte("id"), uvarint(sn.id)))
			must(t, b.Put([]byte("kind"), []byte{sn.kind}))
			if sn.parent != "" {
				must(t, b.Put([]byte("parent"), []byte(sn.parent)))
			}
		}
		return nil
	})
	writeBolt(t, filepath.Join(c, "io.containerd.metadata.v1.bolt/meta.db"), func(tx *bolt.Tx) error {
		return bucketPath(tx, "v1", "k8s.io", "containers", "relay-ctr").Put([]byte("image"), []byte("docker.io/gogost/gost:3.0"))
	})
	copyFile(t, s, "snapshots/1/fs/usr/bin/tor", sample(t, "deb:tor:/usr/bin/tor"))
	copyFile(t, s, "snapshots/1/fs/usr/bin/ss-server", sample(t, "deb:shadowsocks-libev:/usr/bin/ss-server"))
	mustWrite(t, filepath.Join(s, "snapshots/2/fs/usr/bin/.wh.tor"), "")
	copyFile(t, s, "snapshots/7/fs/app/trojan", sample(t, "deb:trojan:/usr/bin/trojan"))
	must(t, os.MkdirAll(filepath.Join(s, "snapshots/8/fs"), 0o755))

	got, res := scanRoot(t, vm, []string{"/var/lib"})
	want := []found{
		{"proxy.trojan", "file", "/app/trojan", "containerd:k8s.io/relay-ctr", "installed"},
		{"proxy.shadowsocks", "file", "/usr/bin/ss-server", "containerd:k8s.io/relay-ctr", "installed"},
		{"proxy.gost", "config", "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/metadata.db", "containerd:k8s.io/relay-ctr", ""},
	}
	if s := summarise(got); !reflect.DeepEqual(s, want) {
		t.Errorf("findings:\n%v\nwant:\n%v", s, want)
	}
	if skippedAs(res.Summary)["/var/lib/containerd"] != SkipContainerStorage {
		t.Errorf("the storage folder was walked: %v", res.Summary.Skipped)
	}
}

// TestContainerdDamagedDatabase: a metadata.db that is no bolt database, or one
// whose parent chain loops, is a skipped file with the reason, never a crash.
func TestContainerdDamagedDatabase(t *testing.T) {
	vm := t.TempDir()
	s := filepath.Join(vm, "var/lib/containerd/io.containerd.snapshotter.v1.overlayfs")
	mustWrite(t, filepath.Join(s, "metadata.db"), strings.Repeat("\x00garbage", 4096))
	root, err := os.OpenRoot(vm)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	views, _, skipped := FindContainers(root)
	if len(views) != 0 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "unreadable") {
		t.Errorf("garbage: views %v, skipped %v", views, skipped)
	}
	must(t, os.Remove(filepath.Join(s, "metadata.db")))
	writeBolt(t, filepath.Join(s, "metadata.db"), func(tx *bolt.Tx) error {
		for _, k := range [][2]string{{"a", "b"}, {"b", "a"}} {
			b := bucketPath(tx, "v1", "snapshots", k[0])
			must(t, b.Put([]byte("id"), uvarint(1)))
			must(t, b.Put([]byte("kind"), []byte{2}))
			must(t, b.Put([]byte("parent"), []byte(k[1])))
		}
		return nil
	})
	views, _, skipped = FindContainers(root)
	if len(views) != 0 || len(skipped) != 2 || !strings.Contains(skipped[0].Reason, "parent chain loops") {
		t.Errorf("loop: views %v, skipped %v", views, skipped)
	}
}

// FuzzContainerdMetadata feeds arbitrary bytes as a snapshotter's metadata.db:
// an error or snapshots, never a crash.
func FuzzContainerdMetadata(f *testing.F) {
	dir := f.TempDir()
	p := filepath.Join(dir, "seed.db")
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		f.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		b := bucketPath(tx, "v1", "snapshots", "k8s.io/1/x")
		return b.Put([]byte("id"), uvarint(1))
	})
	db.Close()
	seed, _ := os.ReadFile(p)
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "db")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_ = readBoltFile(p, func(tx *bolt.Tx) error {
			_, err := ReadContainerdSnapshots(tx)
			_ = ReadContainerdImages(tx)
			return err
		})
	})
}
