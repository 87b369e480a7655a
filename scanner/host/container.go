package host

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
)

// ContainerView is a container's root filesystem as the container sees it.
type ContainerView struct {
	Name  string // "docker:relay", "podman:web", "podman:alice/web" (rootless)
	Image string // the image it was created from, as the engine records it
	// Layers are its layer folders, slash paths inside the scan root without the
	// leading slash, upper first: the container's own changes, then its image's
	// layers from the top down.
	Layers []string
	// Meta is the engine's metadata file that names the container and its image.
	Meta string
	// Published are the ports the engine publishes for it beyond loopback, where
	// its metadata says (Docker's hostconfig.json).
	Published []string
}

// ContainerStorage is one container engine's storage folder found in the root.
type ContainerStorage struct {
	Engine string // "docker", "podman"
	Dir    string // slash path inside the root: "/var/lib/docker"
	User   string // the owner of a rootless storage, or ""
}

// maxMetadataSize bounds a container engine's metadata file read.
const maxMetadataSize = 16 << 20

var layerIDRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

// FindContainers lists the containers of the Docker (overlay2), podman (overlay)
// and containerd (overlayfs snapshotter) storages inside the root, system and
// rootless, with their layers, and
// the storage folders it read. A container whose metadata or layers cannot be read
// is listed as skipped with the reason.
func FindContainers(root *os.Root) ([]ContainerView, []ContainerStorage, []Skipped) {
	c := &containerFinder{root: root}
	c.storage("docker", "var/lib/docker", "")
	c.storage("podman", "var/lib/containers/storage", "")
	c.storage("containerd", "var/lib/containerd", "")
	for _, h := range (&persistence{root: root}).homes() {
		if h.dir == "root" {
			continue
		}
		c.storage("docker", h.dir+"/.local/share/docker", h.user)
		c.storage("podman", h.dir+"/.local/share/containers/storage", h.user)
		c.storage("containerd", h.dir+"/.local/share/containerd", h.user)
	}
	return c.views, c.stores, c.skipped
}

type containerFinder struct {
	root    *os.Root
	views   []ContainerView
	stores  []ContainerStorage
	skipped []Skipped
}

func (c *containerFinder) skip(p string, err error) {
	c.skipped = append(c.skipped, Skipped{"/" + p, SkipUnreadable + ": " + err.Error()})
}

// storage reads one engine's storage folder, if the root has it.
func (c *containerFinder) storage(engine, dir, user string) {
	if fi, err := c.root.Lstat(dir); err != nil || !fi.IsDir() {
		return
	}
	c.stores = append(c.stores, ContainerStorage{Engine: engine, Dir: "/" + dir, User: user})
	prefix := engine + ":"
	if user != "" {
		prefix += user + "/"
	}
	switch engine {
	case "docker":
		c.docker(dir, prefix)
	case "podman":
		c.podman(dir, prefix)
	case "containerd":
		c.containerd(dir, prefix)
	}
}

// readSmall reads a metadata file inside the root, without following a link at its
// end and up to a bound.
func (c *containerFinder) readSmall(rel string) ([]byte, error) {
	fi, err := c.root.Lstat(rel)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("/%s: %w", rel, errNotRegular)
	}
	f, err := c.root.Open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxMetadataSize+1))
	if err == nil && len(data) > maxMetadataSize {
		err = fmt.Errorf("/%s: larger than %d bytes", rel, maxMetadataSize)
	}
	return data, err
}

// DockerContainer is what a scan needs of Docker's containers/ID/config.v2.json.
type DockerContainer struct {
	ID     string `json:"ID"`
	Name   string `json:"Name"`
	Driver string `json:"Driver"`
	Config struct {
		Image string `json:"Image"`
	} `json:"Config"`
}

// ParseDockerConfig reads a container's config.v2.json.
func ParseDockerConfig(data []byte) (DockerContainer, error) {
	var dc DockerContainer
	if err := json.Unmarshal(data, &dc); err != nil {
		return dc, err
	}
	if !layerIDRe.MatchString(dc.ID) {
		return dc, fmt.Errorf("container id %q is not an id", dc.ID)
	}
	dc.Name = strings.TrimPrefix(dc.Name, "/")
	if dc.Name == "" {
		dc.Name = dc.ID[:min(12, len(dc.ID))]
	}
	return dc, nil
}

// docker reads Docker's containers: each one's config.v2.json (name, image,
// driver), its layer's mount id from the layer database, and the overlay2 layer
// chain below it.
func (c *containerFinder) docker(dir, prefix string) {
	for _, e := range c.list(dir + "/containers") {
		cfgRel := dir + "/containers/" + e + "/config.v2.json"
		data, err := c.readSmall(cfgRel)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			c.skip(cfgRel, err)
			continue
		}
		dc, err := ParseDockerConfig(data)
		if err != nil {
			c.skip(cfgRel, err)
			continue
		}
		if dc.Driver != "" && dc.Driver != "overlay2" {
			c.skip(cfgRel, fmt.Errorf("storage driver %s is not read (overlay2 is)", dc.Driver))
			continue
		}
		idRel := dir + "/image/overlay2/layerdb/mounts/" + dc.ID + "/mount-id"
		mount, err := c.readSmall(idRel)
		if err != nil {
			c.skip(idRel, err)
			continue
		}
		layers, err := c.overlayChain(dir+"/overlay2", strings.TrimSpace(string(mount)))
		if err != nil {
			c.skip(idRel, err)
			continue
		}
		v := ContainerView{Name: prefix + dc.Name, Image: dc.Config.Image, Layers: layers, Meta: "/" + cfgRel}
		if hc, err := c.readSmall(dir + "/containers/" + e + "/hostconfig.json"); err == nil {
			v.Published = ParseDockerPorts(hc)
		}
		c.views = append(c.views, v)
	}
}

// ParseDockerPorts reads the published ports of a container's hostconfig.json
// (PortBindings) that are reachable beyond loopback; nil for anything unreadable.
func ParseDockerPorts(data []byte) []string {
	var hc struct {
		PortBindings map[string][]struct {
			HostIP   string `json:"HostIp"`
			HostPort string `json:"HostPort"`
		} `json:"PortBindings"`
	}
	if json.Unmarshal(data, &hc) != nil {
		return nil
	}
	var out []string
	for port, binds := range hc.PortBindings {
		target, proto, _ := strings.Cut(port, "/")
		for _, b := range binds {
			if pub, ok := publishedBeyondLoopback(b.HostIP, b.HostPort, target, or(proto, "tcp")); ok {
				out = append(out, pub)
			}
		}
	}
	slices.Sort(out)
	return out
}

// PodmanContainer is what a scan needs of an entry of containers/storage's
// overlay-containers/containers.json.
type PodmanContainer struct {
	ID    string   `json:"id"`
	Names []string `json:"names"`
	Image string   `json:"image"`
	Layer string   `json:"layer"`
}

// ParsePodmanContainers reads overlay-containers/containers.json.
func ParsePodmanContainers(data []byte) ([]PodmanContainer, error) {
	var out []PodmanContainer
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, err
	}
	for i, pc := range out {
		if !layerIDRe.MatchString(pc.ID) || !layerIDRe.MatchString(pc.Layer) {
			return nil, fmt.Errorf("container %d: id %q or layer %q is not an id", i, pc.ID, pc.Layer)
		}
	}
	return out, nil
}

// podman reads containers/storage: containers.json names each container and its
// layer, images.json the image's name, the overlay folder the layer chain.
func (c *containerFinder) podman(dir, prefix string) {
	rel := dir + "/overlay-containers/containers.json"
	data, err := c.readSmall(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		c.skip(rel, err)
		return
	}
	pcs, err := ParsePodmanContainers(data)
	if err != nil {
		c.skip(rel, err)
		return
	}
	images := c.podmanImages(dir)
	for _, pc := range pcs {
		layers, err := c.overlayChain(dir+"/overlay", pc.Layer)
		if err != nil {
			c.skip(dir+"/overlay/"+pc.Layer, err)
			continue
		}
		name := pc.ID[:min(12, len(pc.ID))]
		if len(pc.Names) > 0 && pc.Names[0] != "" {
			name = pc.Names[0]
		}
		c.views = append(c.views, ContainerView{Name: prefix + name, Image: or(images[pc.Image], pc.Image), Layers: layers, Meta: "/" + rel})
	}
}

// podmanImages maps image ids to their first name from overlay-images/images.json.
func (c *containerFinder) podmanImages(dir string) map[string]string {
	out := map[string]string{}
	data, err := c.readSmall(dir + "/overlay-images/images.json")
	if err != nil {
		return out
	}
	var imgs []struct {
		ID    string   `json:"id"`
		Names []string `json:"names"`
	}
	if json.Unmarshal(data, &imgs) == nil {
		for _, im := range imgs {
			if len(im.Names) > 0 {
				out[im.ID] = im.Names[0]
			}
		}
	}
	return out
}

// overlayChain returns a layer's folder and those below it, upper first: the
// layer's diff, then each short link of its lower file resolved to its layer.
func (c *containerFinder) overlayChain(driverDir, id string) ([]string, error) {
	if !layerIDRe.MatchString(id) {
		return nil, fmt.Errorf("layer id %q is not an id", id)
	}
	layers := []string{driverDir + "/" + id + "/diff"}
	data, err := c.readSmall(driverDir + "/" + id + "/lower")
	if errors.Is(err, fs.ErrNotExist) {
		return layers, nil // a base layer: nothing below
	}
	if err != nil {
		return nil, err
	}
	shorts, err := ParseLower(string(data))
	if err != nil {
		return nil, fmt.Errorf("/%s/%s/lower: %w", driverDir, id, err)
	}
	for _, s := range shorts {
		l, err := layerFromShortLink(c.root, driverDir, s)
		if err != nil {
			return nil, err
		}
		layers = append(layers, l)
	}
	return layers, nil
}

// list returns a folder's entry names inside the root, sorted.
func (c *containerFinder) list(rel string) []string {
	f, err := c.root.Open(rel)
	if err != nil {
		return nil
	}
	defer f.Close()
	names, _ := f.Readdirnames(-1)
	slices.Sort(names)
	return names
}
