package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// TestRead checks that each format reads into the same tree form.
func TestRead(t *testing.T) {
	for _, tc := range []struct {
		format, text string
		want         any
	}{
		{"json", `{"a": {"b": [1, true, null, "x"]}, "n": null}`,
			map[string]any{"a": map[string]any{"b": []any{"1", "true", "x"}}}},
		{"json", "{\n  // a comment\n  \"a\": 1, /* another */\n  \"b\": [2,],\n}\n",
			map[string]any{"a": "1", "b": []any{"2"}}},
		{"yaml", "a:\n  b: [1, true, x]\n  c: ~\n1: one\n", map[string]any{"a": map[string]any{"b": []any{"1", "true", "x"}}, "1": "one"}},
		{"yaml", "", nil},
		{"toml", "a = 1\n[b]\nc = [\"x\", \"y\"]\n[[d]]\ne = true\n[[d]]\ne = false\n",
			map[string]any{"a": "1", "b": map[string]any{"c": []any{"x", "y"}}, "d": []any{map[string]any{"e": "true"}, map[string]any{"e": "false"}}}},
		{"ini", "top = 1\n; comment\n[Interface]\nListenPort = 51820 # port\nAddress = 10.0.0.1/24\nAddress = fd00::1/64\n[Peer]\nPublicKey = \"a\"\n[Peer]\nPublicKey = b\nbare\n",
			map[string]any{"top": "1", "interface": map[string]any{"listenport": "51820", "address": []any{"10.0.0.1/24", "fd00::1/64"}},
				"peer": []any{map[string]any{"publickey": "a"}, map[string]any{"publickey": "b", "bare": ""}}}},
		{"directive", "# c\nORPort 9001\nORPort [::]:9001 # inline\nNickname \\\n relay\ninternal: eth0 port = 1080\nListenPort = 5\n",
			map[string]any{"orport": []any{"9001", "[::]:9001"}, "nickname": "relay", "internal": "eth0 port = 1080", "listenport": "5"}},
	} {
		d, err := Read(tc.format, []byte(tc.text))
		if err != nil {
			t.Errorf("%s %q: %v", tc.format, tc.text, err)
			continue
		}
		if !reflect.DeepEqual(d.Tree, tc.want) {
			t.Errorf("%s %q:\n got %#v\nwant %#v", tc.format, tc.text, d.Tree, tc.want)
		}
	}
}

// TestReadErrors checks that a file a format cannot read is an error naming the
// format and the line.
func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ format, text, want string }{
		{"json", "{\n\"a\": 1,\n\"b\" 2}", "json: line 3"},
		{"json", strings.Repeat("[", 300), "json: line 1: nested deeper than 256"},
		{"yaml", "a: 1\n b: 2\n", "yaml: line 2"},
		{"toml", "a = 1\nb = \n", "toml: line 2"},
		{"toml", "a = " + strings.Repeat("[", 300), "toml: line 1: nested deeper"},
		{"ini", "[Interface\nx = 1\n", "ini: line 1"},
		{"ini", "= 1\n", "ini: line 1: a value without a key"},
		{"json", strings.Repeat(" ", MaxSize+1), "larger than"},
	} {
		_, err := Read(tc.format, []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %.40q: error %v, want %q", tc.format, tc.text, err, tc.want)
		}
	}
}

func TestReadDirectives(t *testing.T) {
	ds, err := ReadDirectives([]byte("client pass {\n from: 10.0.0.0/8 to: 0/0\n}\nsocks pass { from: 0/0 to: 0/0 }\ninternal: eth0\n"), DirectiveOptions{Blocks: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, strings.Repeat(">", d.Depth)+d.Key+"|"+d.Value+"|"+strings.Join(d.Args, ","))
	}
	want := []string{"client|pass|pass", ">from|10.0.0.0/8 to: 0/0|10.0.0.0/8,to:,0/0", "socks|pass|pass", ">from|0/0 to: 0/0|0/0,to:,0/0", "internal|eth0|eth0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, tc := range []struct{ text, want string }{
		{"a {\n", "line 1: a block is not closed"},
		{"}\n", "line 1: } without {"},
	} {
		if _, err := ReadDirectives([]byte(tc.text), DirectiveOptions{Blocks: true}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.text, err, tc.want)
		}
	}
	ds, _ = ReadDirectives([]byte("ca \"my file.crt\"\n<key>\nserver 1.2.3.4\n</key>\n;server x\nremote a 1194\n"), DirectiveOptions{Comments: "#;", InlineFiles: true})
	if len(ds) != 2 || ds[0].Args[0] != "my file.crt" || ds[1].Key != "remote" || ds[1].Line != 6 {
		t.Errorf("inline files and quotes: %+v", ds)
	}
}

func TestLookup(t *testing.T) {
	d, err := Read("json", []byte(`{"inbounds": [{"protocol": "vless", "port": 443}, {"protocol": "socks", "listen": ["127.0.0.1", "::1"]}], "servers": {"b": {"p": 2}, "a": {"p": 1}}, "a.b": "dotted"}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"inbounds[*].protocol", []string{"inbounds[0].protocol=vless", "inbounds[1].protocol=socks"}},
		{"inbounds.protocol", []string{"inbounds[0].protocol=vless", "inbounds[1].protocol=socks"}},
		{"inbounds[1].listen", []string{"inbounds[1].listen[0]=127.0.0.1", "inbounds[1].listen[1]=::1"}},
		{"inbounds[5].protocol", nil},
		{"servers[*].p", []string{"servers.a.p=1", "servers.b.p=2"}},
		{`"a.b"`, []string{`"a.b"=dotted`}},
		{"nothing.here", nil},
	} {
		p, err := signatures.ParseKeyPath(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range Scalars(Lookup(d.Tree, p, "")) {
			got = append(got, v.Path+"="+v.V.(string))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestParseListen(t *testing.T) {
	for _, tc := range []struct {
		in    string
		reach Reach
		str   string
	}{
		{"0.0.0.0", ReachBeyond, "0.0.0.0"},
		{":443", ReachBeyond, "*:443"},
		{"8080", ReachBeyond, "*:8080"},
		{"", ReachBeyond, "*"},
		{"[::]:443", ReachBeyond, "[::]:443"},
		{"::", ReachBeyond, "::"},
		{"192.0.2.1:53", ReachBeyond, "192.0.2.1:53"},
		{"vpn.example.net", ReachBeyond, "vpn.example.net"},
		{"tcp://0.0.0.0:80", ReachBeyond, "0.0.0.0:80"},
		{"127.0.0.1", ReachLoopback, "127.0.0.1"},
		{"127.8.9.1:1080", ReachLoopback, "127.8.9.1:1080"},
		{"[::1]:8118", ReachLoopback, "[::1]:8118"},
		{"::1", ReachLoopback, "::1"},
		{"::ffff:127.0.0.1", ReachLoopback, "::ffff:127.0.0.1"},
		{"localhost:1080", ReachLoopback, "localhost:1080"},
		{"LocalHost", ReachLoopback, "LocalHost"},
		{"/run/proxy.sock", ReachNone, "/run/proxy.sock"},
		{"unix:/run/proxy.sock", ReachNone, "unix:/run/proxy.sock"},
		{"@abstract", ReachNone, "@abstract"},
	} {
		l := ParseListen(tc.in)
		if l.Reach != tc.reach || l.String() != tc.str {
			t.Errorf("ParseListen(%q) = %v %q, want %v %q", tc.in, l.Reach, l.String(), tc.reach, tc.str)
		}
	}
}

func TestSourceReach(t *testing.T) {
	for in, want := range map[string]Reach{
		"all": ReachBeyond, "0.0.0.0/0": ReachBeyond, "::/0": ReachBeyond, "0.0.0.0/0.0.0.0": ReachBeyond,
		"198.51.100.0/24": ReachBeyond, "example.net": ReachBeyond, "10.0.0.0/7": ReachBeyond,
		"10.0.0.0/8": ReachPrivate, "192.168.1.0/255.255.255.0": ReachPrivate, "172.16.0.0-172.31.255.255": ReachPrivate,
		"fc00::/7": ReachPrivate, "fe80::/10": ReachPrivate, "100.64.0.0/10": ReachPrivate, "0.0.0.1-0.255.255.255": ReachPrivate,
		"10.0.0.1-192.168.0.1": ReachBeyond,
		"127.0.0.1":            ReachLoopback, "127.0.0.0/8": ReachLoopback, "::1": ReachLoopback, "::1/128": ReachLoopback, "localhost": ReachLoopback,
	} {
		if got := SourceReach(in); got != want {
			t.Errorf("SourceReach(%q) = %v, want %v", in, got, want)
		}
	}
}
