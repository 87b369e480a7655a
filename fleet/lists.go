package fleet

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/aupscan/aupscan/fleet/rulepack"
)

// Lists too big for a rule pack (a key-value entry takes at most 1 MiB) travel in
// the JetStream object store "aupscan-lists", each under the name of its SHA-256;
// the pack signs each one's size and digest (rulepack.Object), so an agent checks a
// list it fetched as surely as a file inside the pack. Agents read objects without
// a consumer, which their credentials forbid: the object's metadata and then its
// chunks, by direct gets on the store's stream.
const ListsBucket = "aupscan-lists"

// objectName is the store's name of an object: its content's digest.
func objectName(o *rulepack.Object) string { return "sha256-" + o.SHA256 }

// ensureListsStore creates or updates the object store.
func ensureListsStore(ctx context.Context, js jetstream.JetStream, o RulesBucketOptions) (jetstream.ObjectStore, error) {
	obs, err := js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{
		Bucket:      ListsBucket,
		Description: "aupscan lists too big for a rule pack, by SHA-256; the packs sign them",
		Storage:     jetstream.FileStorage,
		Replicas:    max(o.Replicas, 1),
	})
	if err != nil {
		return nil, fmt.Errorf("lists store %s: %w", ListsBucket, err)
	}
	return obs, nil
}

// putObjects stores the objects of p that the store does not hold yet, and returns
// how many it wrote.
func putObjects(ctx context.Context, js jetstream.JetStream, p *rulepack.Pack, o RulesBucketOptions) (int, error) {
	objs := p.Objects()
	if len(objs) == 0 {
		return 0, nil
	}
	obs, err := ensureListsStore(ctx, js, o)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range objs {
		name := objectName(f.Object)
		if info, err := obs.GetInfo(ctx, name); err == nil && info.Size == uint64(f.Object.Size) {
			continue // content-addressed: the same name is the same bytes
		}
		if _, err := obs.Put(ctx, jetstream.ObjectMeta{Name: name, Description: f.Name}, bytes.NewReader(f.Data)); err != nil {
			return n, fmt.Errorf("store %s (%s): %w", f.Name, name, err)
		}
		n++
	}
	return n, nil
}

// pruneObjects deletes the objects no longer named by p, the pack now published.
func pruneObjects(ctx context.Context, js jetstream.JetStream, p *rulepack.Pack) error {
	obs, err := js.ObjectStore(ctx, ListsBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, f := range p.Objects() {
		keep[objectName(f.Object)] = true
	}
	infos, err := obs.List(ctx)
	if errors.Is(err, jetstream.ErrNoObjectsFound) {
		return nil
	}
	if err != nil {
		return err
	}
	var errs []error
	for _, info := range infos {
		if !keep[info.Name] {
			errs = append(errs, obs.Delete(ctx, info.Name))
		}
	}
	return errors.Join(errs...)
}

// fetchObjects fills in the data of p's objects: from the installed copy in dir
// when it has the signed digest, else from the store. Each is checked against
// what the pack signed.
func fetchObjects(ctx context.Context, js jetstream.JetStream, p *rulepack.Pack, dir string) error {
	for _, f := range p.Objects() {
		if have, err := os.ReadFile(filepath.Join(dir, f.Name)); err == nil && f.Object.Fetched(have) == nil {
			f.Data = have
			continue
		}
		data, err := readObject(ctx, js, f.Object)
		if err != nil {
			return fmt.Errorf("list %s (%s): %w", f.Name, objectName(f.Object), err)
		}
		if err := f.Object.Fetched(data); err != nil {
			return fmt.Errorf("list %s: %w", f.Name, err)
		}
		f.Data = data
	}
	return nil
}

// readObject reads one object by direct gets: its metadata (the last message on
// its meta subject), then its chunks in order (the next message on its chunk
// subject), never more bytes than the pack signed.
func readObject(ctx context.Context, js jetstream.JetStream, o *rulepack.Object) ([]byte, error) {
	stream, err := js.Stream(ctx, "OBJ_"+ListsBucket)
	if err != nil {
		return nil, fmt.Errorf("lists store: %w", err)
	}
	metaSubj := "$O." + ListsBucket + ".M." + base64.URLEncoding.EncodeToString([]byte(objectName(o)))
	m, err := stream.GetLastMsgForSubject(ctx, metaSubj)
	if err != nil {
		return nil, fmt.Errorf("not in the lists store: %w", err)
	}
	var info jetstream.ObjectInfo
	if err := json.Unmarshal(m.Data, &info); err != nil || info.NUID == "" {
		return nil, fmt.Errorf("object metadata: %v", err)
	}
	if info.Size != uint64(o.Size) {
		return nil, fmt.Errorf("the store holds %d bytes, the pack signed %d", info.Size, o.Size)
	}
	chunkSubj := "$O." + ListsBucket + ".C." + info.NUID
	data := make([]byte, 0, o.Size)
	seq := uint64(1)
	for int64(len(data)) < o.Size {
		c, err := stream.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(chunkSubj))
		if err != nil {
			return nil, fmt.Errorf("chunk after %d bytes: %w", len(data), err)
		}
		if int64(len(data)+len(c.Data)) > o.Size {
			return nil, fmt.Errorf("chunks hold more than the %d bytes the pack signed", o.Size)
		}
		data = append(data, c.Data...)
		seq = c.Sequence + 1
	}
	return data, nil
}
