package fleet

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// floodStream runs one agent publishing flood findings and another publishing a few
// into a findings stream of limits o, with no manager reading, and returns what the
// stream holds of each and the agents.
func floodStream(t *testing.T, o StreamOptions, flood int) (flooder, other *Agent, floodMsgs, otherMsgs, bytes uint64) {
	t.Helper()
	srv := startServer(t, t.TempDir(), "127.0.0.1:0")
	t.Cleanup(srv.Shutdown)
	nc := connect(t, srv.URL())
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := EnsureStreams(ctx, js, o); err != nil {
		t.Fatal(err)
	}
	flooder, other = newAgent(t, srv.URL(), "flooder"), newAgent(t, srv.URL(), "web-1")
	eventually(t, 10*time.Second, "agents connected", func() bool { return flooder.nc.IsConnected() && other.nc.IsConnected() })
	for i := range flood {
		if err := flooder.Publish(ctx, finding("flooder", "proxy.squid", i)); err != nil {
			t.Fatal(err)
		}
	}
	const few = 10
	for i := range few {
		if err := other.Publish(ctx, finding("web-1", "proxy.squid", i)); err != nil {
			t.Fatal(err)
		}
	}
	s, err := js.Stream(ctx, FindingsStream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(FindingsPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return flooder, other, info.State.Subjects[FindingsSubject("flooder")], info.State.Subjects[FindingsSubject("web-1")], info.State.Bytes
}

// TestFloodingAgentRefused: an agent publishing far beyond its host's share of the
// findings stream is refused there (counted), its spool takes the rest, and another
// agent's findings still get in. Without the limits (-1, what the stream had before)
// the flood fills the stream, and so the server's disk.
func TestFloodingAgentRefused(t *testing.T) {
	const flood, perHost = 400, 50
	_, _, unlimited, _, unlimitedBytes := floodStream(t, StreamOptions{MaxPerHost: -1, MaxMsgs: -1, MaxBytes: -1}, flood)
	if unlimited != flood {
		t.Fatalf("without limits the stream holds %d of the flood's %d", unlimited, flood)
	}

	flooder, other, held, otherHeld, bytes := floodStream(t, StreamOptions{MaxPerHost: perHost}, flood)
	fs, ot := flooder.Stats(), other.Stats()
	if held != perHost || fs.Refused == 0 || fs.Spooled != flood-perHost {
		t.Errorf("flooder: stream holds %d (want %d), refused %d (want some), spooled %d (want %d)",
			held, perHost, fs.Refused, fs.Spooled, flood-perHost)
	}
	if otherHeld != 10 || ot.Refused != 0 || ot.Spooled != 0 {
		t.Errorf("other agent: stream holds %d of its 10, refused %d, spooled %d", otherHeld, ot.Refused, ot.Spooled)
	}
	t.Logf("flood of %d findings from one agent: without limits the stream holds %d (%d bytes); with %d a host, %d (%d bytes, the other agent's 10 included), %d in the flooder's spool",
		flood, unlimited, unlimitedBytes, perHost, held, bytes, fs.Spooled)
}
