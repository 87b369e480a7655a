package host

import (
	"reflect"
	"testing"
)

func TestDefinitionKind(t *testing.T) {
	for p, want := range map[string]string{
		"/srv/app/docker-compose.yml": DefCompose, "/srv/compose.yaml": DefCompose, "/x/docker-compose.prod.yaml": DefCompose,
		"/etc/containers/systemd/relay.container": DefQuadlet, "/home/a/.config/containers/systemd/x.container": DefQuadlet,
		"/etc/kubernetes/manifests/pod.yaml": DefKubernetes, "/srv/x.yml": DefKubernetes,
		"/srv/x.container": "", "/srv/compose.json": "", "/srv/notes.txt": "",
	} {
		if got := DefinitionKind(p); got != want {
			t.Errorf("DefinitionKind(%s) = %q, want %q", p, got, want)
		}
	}
}

func TestParseDefinition(t *testing.T) {
	tests := []struct {
		name, kind, in string
		want           []ImageUse
	}{
		{"compose ports", DefCompose, `
services:
  relay:
    image: ${IMAGE:-teddysun/xray}:1.8.4
    ports:
      - "443:443"
      - "127.0.0.1:8080:80"
      - target: 53
        published: 53
        protocol: udp
      - "[::1]:9000:9000"
      - "[2001:db8::1]:10000:10000/udp"
      - 7000
  local:
    image: nginx
    ports: ["127.0.0.1:80:80", {target: 80, host_ip: "127.0.0.1"}]
  built:
    build: .
  secret:
    image: ${NO_DEFAULT}
`, []ImageUse{
			{Image: "teddysun/xray:1.8.4", Where: `compose service "relay"`, Line: 4,
				Published: []string{"0.0.0.0:443->443/tcp", "0.0.0.0:53->53/udp", "[2001:db8::1]:10000->10000/udp", "0.0.0.0:*->7000/tcp"}},
			{Image: "nginx", Where: `compose service "local"`, Line: 15},
		}},
		{"compose v1", DefCompose, "relay:\n  image: v2fly/v2fly-core\n  ports: [\"8443:443\"]\n",
			[]ImageUse{{Image: "v2fly/v2fly-core", Where: `compose service "relay"`, Line: 2, Published: []string{"0.0.0.0:8443->443/tcp"}}}},
		{"quadlet", DefQuadlet, "[Unit]\nDescription=r\n[Container]\nContainerName=relay\nImage=docker.io/teddysun/xray:latest\nPublishPort=127.0.0.1:8080:80\nPublishPort=443:443/tcp\n",
			[]ImageUse{{Image: "docker.io/teddysun/xray:latest", Where: `quadlet container "relay"`, Line: 5, Published: []string{"0.0.0.0:443->443/tcp"}}}},
		{"quadlet naming an .image unit", DefQuadlet, "[Container]\nImage=xray.image\n", nil},
		{"kubernetes", DefKubernetes, `
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data: {image: "teddysun/xray"}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: relay
spec:
  template:
    spec:
      hostNetwork: true
      initContainers:
        - name: init
          image: busybox
      containers:
        - name: xray
          image: ghcr.io/xtls/xray-core:latest
          ports:
            - containerPort: 443
---
kind: CronJob
metadata: {name: job}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - {name: sb, image: "ghcr.io/sagernet/sing-box", ports: [{containerPort: 1080, hostPort: 1080, hostIP: 127.0.0.1}, {containerPort: 53, hostPort: 5353, protocol: UDP}]}
`, []ImageUse{
			{Image: "busybox", Where: `DaemonSet "relay" container "init"`, Line: 17},
			{Image: "ghcr.io/xtls/xray-core:latest", Where: `DaemonSet "relay" container "xray"`, Line: 20, Published: []string{"0.0.0.0:443->443/tcp"}},
			{Image: "ghcr.io/sagernet/sing-box", Where: `CronJob "job" container "sb"`, Line: 32, Published: []string{"0.0.0.0:5353->53/udp"}},
		}},
		{"not a manifest", DefKubernetes, "name: ci\nsteps:\n  - image: x\n", nil},
	}
	for _, tt := range tests {
		got, err := ParseDefinition(tt.kind, []byte(tt.in))
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v\n%+v\nwant\n%+v", tt.name, err, got, tt.want)
		}
	}
	if _, err := ParseDefinition(DefCompose, []byte("services: [")); err == nil {
		t.Error("a broken compose file parsed")
	}
}

func FuzzParseDefinition(f *testing.F) {
	f.Add(DefCompose, "services:\n  a:\n    image: ${X:-y}\n    ports: [\"[::]:1:2/udp\", {target: 1}]\n")
	f.Add(DefQuadlet, "[Container]\nImage=a\nPublishPort=1.2.3.4::80\n")
	f.Add(DefKubernetes, "kind: Pod\nspec:\n  hostNetwork: true\n  containers: [{image: a, ports: [{containerPort: 1}]}]\n---\nkind: Job\n")
	f.Add(DefKubernetes, "kind: &a Pod\nimage: *a\nspec: {containers: [*a]}\n")
	f.Fuzz(func(t *testing.T, kind, s string) {
		uses, _ := ParseDefinition(kind, []byte(s))
		for _, u := range uses {
			if u.Image == "" {
				t.Errorf("an empty image: %+v", u)
			}
		}
	})
}
