package capture

import "testing"

// TestLiveConfigBlocks: the ring size in whole 1 MiB blocks, the default for zero,
// capped at MaxRingSize.
func TestLiveConfigBlocks(t *testing.T) {
	for _, tt := range []struct {
		size int64
		want int
	}{
		{0, DefaultRingBlocks}, {-1, DefaultRingBlocks}, {1, 1}, {1 << 20, 1}, {1<<20 + 1, 2},
		{32 << 20, 32}, {MaxRingSize, MaxRingSize >> 20}, {8 << 30, MaxRingSize >> 20},
	} {
		if got := (LiveConfig{RingSize: tt.size}).blocks(); got != tt.want {
			t.Errorf("RingSize %d: %d blocks, want %d", tt.size, got, tt.want)
		}
	}
	if c := (LiveConfig{}); c.snap() != DefaultSnapLen || c.timeout() <= 0 {
		t.Errorf("defaults: snap %d timeout %v", c.snap(), c.timeout())
	}
}
