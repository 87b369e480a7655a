package feed

import (
	"context"
	"crypto/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"aead.dev/minisign"

	"github.com/aupscan/aupscan/internal/units"
)

// feedServer is a real HTTP server on loopback serving files by path, with ETags,
// and a slow path for timeouts.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	files    map[string][]byte
	requests map[string]int
	notMod   int
}

func newFeedServer(t *testing.T) *feedServer {
	s := &feedServer{files: map[string][]byte{}, requests: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests[r.URL.Path]++
		data, ok := s.files[r.URL.Path]
		s.mu.Unlock()
		if r.URL.Path == "/slow" {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := `"` + hexSum(data)[:16] + `"`
		if r.Header.Get("If-None-Match") == etag {
			s.mu.Lock()
			s.notMod++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Write(data)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *feedServer) put(path string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[path] = data
}

func realList(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "lists", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func update(t *testing.T, c Config) Result {
	t.Helper()
	cs := []Config{c}
	Resolve(cs, t.TempDir())
	if errs := Validate(cs); len(errs) > 0 {
		t.Fatal(errs)
	}
	client, _ := Client(cs[0])
	return Update(context.Background(), cs[0], client)
}

// TestUpdate: a good feed installs and is then not downloaded again; a broken
// file, a 404, a timeout, a bad signature and an oversized file each keep the list
// installed before, with a message that says which.
func TestUpdate(t *testing.T) {
	srv := newFeedServer(t)
	consensus := realList(t, "tor/metrics_consensus")
	srv.put("/consensus", consensus)
	dest := filepath.Join(t.TempDir(), "tor-relays.txt")
	base := Config{Name: "tor", URL: srv.URL + "/consensus", Format: FormatTorConsensus, Destination: dest}
	r := update(t, base)
	if r.Err != nil || !r.Installed || r.Entries != 7 {
		t.Fatalf("good feed: %+v", r)
	}
	if got, _ := os.ReadFile(dest); string(got) != string(consensus) {
		t.Fatal("installed file differs from the feed")
	}
	r = update(t, base)
	if r.Err != nil || !r.NotModified || srv.notMod != 1 {
		t.Errorf("second fetch: %+v, 304s %d", r, srv.notMod)
	}

	pub, priv, err := minisign.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	_, other, _ := minisign.GenerateKey(rand.Reader)
	pubText, _ := pub.MarshalText()
	srv.put("/signed", consensus)
	srv.put("/signed.minisig", minisign.Sign(other, consensus)) // signed by someone else
	srv.put("/broken", []byte("network-status-version 3\nr only three\n"))
	srv.put("/html", []byte("<html><body>Service unavailable</body></html>\n"))
	srv.put("/big", append(consensus, consensus...))
	for _, tc := range []struct {
		name string
		c    Config
		want string
	}{
		{"broken", Config{URL: srv.URL + "/broken"}, "consensus r line has 3 fields"},
		{"not a consensus", Config{URL: srv.URL + "/html"}, "not a tor-consensus document"},
		{"404", Config{URL: srv.URL + "/gone"}, "404 Not Found"},
		{"timeout", Config{URL: srv.URL + "/slow", Timeout: units.Duration(300 * time.Millisecond)}, "timeout"},
		{"bad signature", Config{URL: srv.URL + "/signed", MinisignKey: string(pubText)}, "does not verify"},
		{"no signature", Config{URL: srv.URL + "/consensus", MinisignKey: string(pubText)}, "signature"},
		{"pinned digest", Config{URL: srv.URL + "/signed", SHA256: strings.Repeat("ab", 32)}, "is not the pinned"},
		{"oversized", Config{URL: srv.URL + "/big", MaxSize: units.Size(len(consensus) + 10)}, "larger than max_size"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c
			c.Name, c.Format, c.Destination = "tor", FormatTorConsensus, dest
			r := update(t, c)
			if r.Err == nil || r.Installed || !strings.Contains(r.Err.Error(), tc.want) || !strings.Contains(r.Err.Error(), "the last good copy stays") {
				t.Errorf("result %+v, want an error with %q", r, tc.want)
			}
			if got, _ := os.ReadFile(dest); string(got) != string(consensus) {
				t.Error("the installed list changed")
			}
			if r.State.Failures == 0 || r.State.LastError == "" {
				t.Errorf("state does not record the failure: %+v", r.State)
			}
		})
	}
	// Signed by the publisher: installed; the failures are cleared.
	srv.put("/signed.minisig", minisign.Sign(priv, consensus))
	c := base
	c.URL, c.MinisignKey = srv.URL+"/signed", string(pubText)
	if r := update(t, c); r.Err != nil || r.State.Failures != 0 {
		t.Errorf("signed feed: %+v", r)
	}
	// No temporary files are left beside the list.
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*.tmp")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// TestFormats installs each format from a real file through file://.
func TestFormats(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		file, format string
		entries      int
	}{
		{"tor/cached-microdesc-consensus", FormatTorConsensus, 4},
		{"tor/exit-addresses-2018-11-02", FormatTorExitAddresses, 929},
		{"tor/onionoo-details.json", FormatOnionoo, 2},
		{"clamav/Test.GenSig.HDB_1of2_MD5_FIXED_testexe.UNOFFICIAL.hdb", FormatClamAVHash, 1},
		{"clamav/alz.hdb", FormatClamAVHash, 10},
	} {
		src, _ := filepath.Abs(filepath.Join("..", "testdata", "lists", tc.file))
		r := update(t, Config{Name: "f", URL: "file://" + src, Format: tc.format, Destination: filepath.Join(dir, filepath.Base(tc.file))})
		if r.Err != nil || !r.Installed || r.Entries < tc.entries {
			t.Errorf("%s: %+v", tc.file, r)
		}
	}
	// An IP list that is a consensus is refused, and the other way round.
	src, _ := filepath.Abs(filepath.Join("..", "testdata", "lists", "tor", "metrics_consensus"))
	if r := update(t, Config{Name: "f", URL: "file://" + src, Format: FormatIPList, Destination: filepath.Join(dir, "ips.txt")}); r.Err == nil {
		t.Error("a consensus passed as an ip-list")
	}
}

func TestValidate(t *testing.T) {
	cs := []Config{
		{URL: "ftp://x/y", Format: "tor", Destination: "a.txt"},
		{URL: "https://h/x", Format: FormatIPList, Destination: "a.txt", SHA256: "12", Interval: units.Duration(time.Second)},
		{URL: "https://h/x", Format: FormatIPList, Destination: "b.txt", MinisignKey: "RWnot-a-key"},
	}
	Resolve(cs, "/etc/aupscan")
	var all []string
	for _, e := range Validate(cs) {
		all = append(all, e.Error())
	}
	s := strings.Join(all, "\n")
	for _, want := range []string{`"feed[0].url"`, `"feed[0].format"`, `"feed[1].destination"`, `"feed[1].sha256"`, `"feed[1].interval"`, `"feed[2].minisign_key"`} {
		if !strings.Contains(s, want) {
			t.Errorf("no problem %s in:\n%s", want, s)
		}
	}
	if cs[2].Name != "b" || cs[2].Destination != "/etc/aupscan/b.txt" {
		t.Errorf("resolved %+v", cs[2])
	}
}
