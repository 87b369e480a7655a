package host

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// containerdKindActive is an active snapshot (core/snapshots: Unknown, View,
// Active, Committed): a container's writable layer.
const containerdKindActive = 2

// ContainerdSnapshot is one snapshot of containerd's overlayfs snapshotter, as its
// metadata.db records it.
type ContainerdSnapshot struct {
	Key    string // the snapshotter's key: "NAMESPACE/SEQ/NAME"
	ID     uint64 // its folder: snapshots/ID/fs
	Kind   byte
	Parent string // the parent's key
}

// ReadContainerdSnapshots reads the snapshot records of an overlayfs snapshotter's
// metadata.db (bolt: v1/snapshots/KEY/{id, kind, parent}).
func ReadContainerdSnapshots(tx *bolt.Tx) (map[string]ContainerdSnapshot, error) {
	v1 := tx.Bucket([]byte("v1"))
	if v1 == nil {
		return nil, errors.New("no v1 bucket")
	}
	b := v1.Bucket([]byte("snapshots"))
	if b == nil {
		return nil, errors.New("no v1/snapshots bucket")
	}
	out := map[string]ContainerdSnapshot{}
	err := b.ForEach(func(k, v []byte) error {
		sb := b.Bucket(k)
		if v != nil || sb == nil {
			return nil
		}
		s := ContainerdSnapshot{Key: string(k), Parent: string(sb.Get([]byte("parent")))}
		id, n := binary.Uvarint(sb.Get([]byte("id")))
		if n <= 0 {
			return fmt.Errorf("snapshot %q: no id", k)
		}
		s.ID = id
		if kind := sb.Get([]byte("kind")); len(kind) == 1 {
			s.Kind = kind[0]
		}
		out[s.Key] = s
		return nil
	})
	return out, err
}

// ReadContainerdImages maps "NAMESPACE/CONTAINER" to the container's image from
// containerd's meta.db (bolt: v1/NAMESPACE/containers/ID/image).
func ReadContainerdImages(tx *bolt.Tx) map[string]string {
	out := map[string]string{}
	v1 := tx.Bucket([]byte("v1"))
	if v1 == nil {
		return out
	}
	_ = v1.ForEach(func(ns, v []byte) error {
		nb := v1.Bucket(ns)
		if v != nil || nb == nil {
			return nil
		}
		cb := nb.Bucket([]byte("containers"))
		if cb == nil {
			return nil
		}
		return cb.ForEach(func(id, v []byte) error {
			if b := cb.Bucket(id); v == nil && b != nil {
				out[string(ns)+"/"+string(id)] = string(b.Get([]byte("image")))
			}
			return nil
		})
	})
	return out
}

// withBolt copies a bolt database out of the root (bolt opens files by path and
// maps them, and containerd holds a lock on the live one) and reads it in one
// read-only transaction. A damaged or hostile file is an error, never a crash:
// bolt trusts its page pointers, so faults and panics are recovered.
func withBolt(root *os.Root, rel string, fn func(*bolt.Tx) error) (err error) {
	tmp, err := os.MkdirTemp("", "aupscan-bolt-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dst := tmp + "/db"
	if err := copyFromRoot(root, rel, dst); err != nil {
		return err
	}
	return readBoltFile(dst, fn)
}

func readBoltFile(p string, fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("damaged bolt database: %v", r)
		}
	}()
	db, err := bolt.Open(p, 0o400, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(fn)
}

// containerd reads containerd's overlayfs snapshotter: every active snapshot is a
// container's writable layer (its key ends in the container's id), and its parent
// chain is its image's layers, from the top down. meta.db names the image.
func (c *containerFinder) containerd(dir, prefix string) {
	sdir := dir + "/io.containerd.snapshotter.v1.overlayfs"
	dbRel := sdir + "/metadata.db"
	var snaps map[string]ContainerdSnapshot
	err := withBolt(c.root, dbRel, func(tx *bolt.Tx) error {
		var err error
		snaps, err = ReadContainerdSnapshots(tx)
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		c.skip(dbRel, err)
		return
	}
	images := map[string]string{}
	_ = withBolt(c.root, dir+"/io.containerd.metadata.v1.bolt/meta.db", func(tx *bolt.Tx) error {
		images = ReadContainerdImages(tx)
		return nil
	})
	for _, key := range sortedKeys(snaps) {
		s := snaps[key]
		if s.Kind != containerdKindActive {
			continue
		}
		layers, err := containerdChain(sdir, snaps, s)
		if err != nil {
			c.skip(dbRel, err)
			continue
		}
		ns, rest, _ := strings.Cut(key, "/")
		_, name, ok := strings.Cut(rest, "/")
		if !ok {
			name = rest
		}
		c.views = append(c.views, ContainerView{Name: prefix + ns + "/" + name, Image: images[ns+"/"+name],
			Layers: layers, Meta: "/" + dbRel})
	}
}

// containerdChain lists an active snapshot's folder and its parents', upper first.
func containerdChain(sdir string, snaps map[string]ContainerdSnapshot, s ContainerdSnapshot) ([]string, error) {
	var layers []string
	seen := map[string]bool{}
	for {
		layers = append(layers, sdir+"/snapshots/"+strconv.FormatUint(s.ID, 10)+"/fs")
		if s.Parent == "" {
			return layers, nil
		}
		if seen[s.Parent] || len(layers) > 512 {
			return nil, fmt.Errorf("snapshot %q: parent chain loops", s.Key)
		}
		seen[s.Parent] = true
		p, ok := snaps[s.Parent]
		if !ok {
			return nil, fmt.Errorf("snapshot %q: parent %q is missing", s.Key, s.Parent)
		}
		s = p
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
