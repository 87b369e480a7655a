package host

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"path"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Kinds of container definition file.
const (
	DefCompose    = "compose"
	DefQuadlet    = "quadlet"
	DefKubernetes = "kubernetes"
)

// maxDefinitionSize bounds a definition file read; larger files are not definitions
// anyone writes by hand and are skipped.
const maxDefinitionSize = 1 << 20

// ImageUse is one container a definition file runs from an image.
type ImageUse struct {
	Image string // the reference as written, variables resolved to their defaults
	Where string // `compose service "relay"`, `quadlet container "relay"`, `Deployment "relay" container "xray"`
	Line  int
	// Published are the ports it publishes beyond loopback ("0.0.0.0:443->443/tcp",
	// "hostPort 443"): what makes the host a server.
	Published []string
}

var composeNameRe = regexp.MustCompile(`^(docker-)?compose(\.[^/]+)?\.ya?ml$`)

// DefinitionKind tells from its path whether a file may define containers: compose
// files by name, podman quadlets (*.container under a containers/systemd folder),
// and Kubernetes manifests (any YAML file; the content decides).
func DefinitionKind(p string) string {
	base := path.Base(p)
	switch {
	case composeNameRe.MatchString(base):
		return DefCompose
	case strings.HasSuffix(base, ".container") && strings.Contains(p, "/containers/systemd/"):
		return DefQuadlet
	case strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml"):
		return DefKubernetes
	}
	return ""
}

// ParseDefinition reads the images a definition file of the kind runs. A
// Kubernetes candidate that is no manifest (other YAML) gives nothing and no error.
func ParseDefinition(kind string, data []byte) ([]ImageUse, error) {
	switch kind {
	case DefCompose:
		return parseCompose(data)
	case DefQuadlet:
		return parseQuadlet(data)
	case DefKubernetes:
		if !bytes.Contains(data, []byte("kind:")) || !bytes.Contains(data, []byte("image:")) {
			return nil, nil
		}
		return parseKubernetes(data)
	}
	return nil, fmt.Errorf("unknown definition kind %q", kind)
}

// yamlDocs decodes every document of a YAML stream.
func yamlDocs(data []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var out []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if len(n.Content) > 0 {
			out = append(out, n.Content[0])
		}
	}
}

// get returns a mapping's value for key, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// dig follows a path of keys through nested mappings.
func dig(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n = get(n, k)
	}
	return n
}

func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// parseCompose reads a compose file's services: image and published ports. The old
// format without a services key (services at the top level) is read too.
func parseCompose(data []byte) ([]ImageUse, error) {
	docs, err := yamlDocs(data)
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	services := get(docs[0], "services")
	if services == nil {
		services = docs[0] // compose file format 1
	}
	if services.Kind != yaml.MappingNode {
		return nil, nil
	}
	var out []ImageUse
	for i := 0; i+1 < len(services.Content); i += 2 {
		name, svc := services.Content[i].Value, services.Content[i+1]
		img := get(svc, "image")
		ref, ok := interpolate(scalar(img))
		if img == nil || !ok || ref == "" {
			continue
		}
		u := ImageUse{Image: ref, Where: fmt.Sprintf("compose service %q", name), Line: img.Line}
		if ports := get(svc, "ports"); ports != nil && ports.Kind == yaml.SequenceNode {
			for _, p := range ports.Content {
				if pub, ok := composePort(p); ok {
					u.Published = append(u.Published, pub)
				}
			}
		}
		out = append(out, u)
	}
	return out, nil
}

// composePort reads one ports entry, short ("127.0.0.1:8080:80/tcp") or long
// ({target, published, host_ip}), and says whether it publishes beyond loopback.
func composePort(n *yaml.Node) (string, bool) {
	if n.Kind == yaml.MappingNode {
		ip, target := scalar(get(n, "host_ip")), scalar(get(n, "target"))
		proto := or(scalar(get(n, "protocol")), "tcp")
		return publishedBeyondLoopback(ip, scalar(get(n, "published")), target, proto)
	}
	return parsePublish(scalar(n))
}

// parsePublish reads docker's and podman's -p syntax,
// [[IP:][HOSTPORT]:]CONTAINERPORT[/PROTO], IPv6 addresses in brackets.
func parsePublish(s string) (string, bool) {
	s, ok := interpolate(strings.TrimSpace(s))
	if !ok || s == "" {
		return "", false
	}
	spec, proto, _ := strings.Cut(s, "/")
	ip := ""
	if strings.HasPrefix(spec, "[") {
		end := strings.Index(spec, "]:")
		if end < 0 {
			return "", false
		}
		ip, spec = spec[1:end], spec[end+2:]
	}
	parts := strings.Split(spec, ":")
	var host, target string
	switch len(parts) {
	case 1:
		target = parts[0]
	case 2:
		host, target = parts[0], parts[1]
	case 3:
		if ip != "" {
			return "", false
		}
		ip, host, target = parts[0], parts[1], parts[2]
	default:
		return "", false
	}
	return publishedBeyondLoopback(ip, host, target, or(proto, "tcp"))
}

// publishedBeyondLoopback renders a published port, and says whether the address
// it binds is reachable from elsewhere: any address but loopback.
func publishedBeyondLoopback(ip, host, target, proto string) (string, bool) {
	if target == "" {
		return "", false
	}
	if ip != "" {
		a, err := netip.ParseAddr(ip)
		if err == nil && a.IsLoopback() {
			return "", false
		}
	}
	bind := or(ip, "0.0.0.0")
	if strings.Contains(bind, ":") {
		bind = "[" + bind + "]"
	}
	return fmt.Sprintf("%s:%s->%s/%s", bind, or(host, "*"), target, proto), true
}

var varRe = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)|\$\$`)

// interpolate resolves compose's ${VAR:-default} and ${VAR-default} to their
// defaults, the only value a scan can know; a variable without one makes the value
// unknowable (false).
func interpolate(s string) (string, bool) {
	ok := true
	out := varRe.ReplaceAllStringFunc(s, func(m string) string {
		if m == "$$" {
			return "$"
		}
		sub := varRe.FindStringSubmatch(m)
		if sub[1] != "" && strings.Contains(m, "-") {
			return sub[2]
		}
		ok = false
		return ""
	})
	return out, ok
}

// parseQuadlet reads a podman quadlet's [Container] Image= and PublishPort=.
func parseQuadlet(data []byte) ([]ImageUse, error) {
	u, err := ParseUnit(bytes.NewReader(data))
	img, ok := u.Value("Container", "Image")
	if !ok || strings.HasSuffix(img.Value, ".image") || strings.HasSuffix(img.Value, ".build") {
		return nil, err // another quadlet names the image: it is read on its own
	}
	name := "container"
	if n, ok := u.Value("Container", "ContainerName"); ok {
		name = fmt.Sprintf("container %q", n.Value)
	}
	use := ImageUse{Image: img.Value, Where: "quadlet " + name, Line: img.Line}
	for _, p := range u.Values("Container", "PublishPort") {
		if pub, ok := parsePublish(p.Value); ok {
			use.Published = append(use.Published, pub)
		}
	}
	return []ImageUse{use}, err
}

// podSpecPaths are where each workload kind keeps its pod spec.
var podSpecPaths = map[string][]string{
	"Pod":                   {"spec"},
	"Deployment":            {"spec", "template", "spec"},
	"DaemonSet":             {"spec", "template", "spec"},
	"StatefulSet":           {"spec", "template", "spec"},
	"ReplicaSet":            {"spec", "template", "spec"},
	"ReplicationController": {"spec", "template", "spec"},
	"Job":                   {"spec", "template", "spec"},
	"CronJob":               {"spec", "jobTemplate", "spec", "template", "spec"},
}

// parseKubernetes reads the containers of every workload in a manifest stream:
// their images, host ports, and host networking.
func parseKubernetes(data []byte) ([]ImageUse, error) {
	docs, err := yamlDocs(data)
	var out []ImageUse
	for _, doc := range docs {
		kind := scalar(get(doc, "kind"))
		where, ok := podSpecPaths[kind]
		if !ok {
			continue
		}
		spec := dig(doc, where...)
		hostNet := scalar(get(spec, "hostNetwork")) == "true"
		name := scalar(dig(doc, "metadata", "name"))
		for _, key := range []string{"initContainers", "containers"} {
			list := get(spec, key)
			if list == nil || list.Kind != yaml.SequenceNode {
				continue
			}
			for _, c := range list.Content {
				img := get(c, "image")
				if scalar(img) == "" {
					continue
				}
				u := ImageUse{Image: scalar(img), Line: img.Line,
					Where: fmt.Sprintf("%s %q container %q", kind, name, scalar(get(c, "name")))}
				u.Published = k8sPorts(get(c, "ports"), hostNet)
				out = append(out, u)
			}
		}
	}
	return out, err
}

// k8sPorts lists a container's ports reachable on the host: hostPort (bound to
// hostIP when set), or every containerPort with host networking.
func k8sPorts(ports *yaml.Node, hostNet bool) []string {
	if ports == nil || ports.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, p := range ports.Content {
		proto := strings.ToLower(or(scalar(get(p, "protocol")), "tcp"))
		target := scalar(get(p, "containerPort"))
		host := scalar(get(p, "hostPort"))
		if hostNet && host == "" {
			host = target
		}
		if n, err := strconv.Atoi(host); err != nil || n <= 0 {
			continue
		}
		if pub, ok := publishedBeyondLoopback(scalar(get(p, "hostIP")), host, target, proto); ok {
			out = append(out, pub)
		}
	}
	return out
}
