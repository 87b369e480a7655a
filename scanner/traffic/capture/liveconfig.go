package capture

import "time"

// Ring sizes: blocks of 1 MiB, eight of them by default (the kernel fills a block
// with many packets and hands it over whole; a block is retired early when the read
// timeout passes, so a quiet link still delivers).
const (
	DefaultRingBlocks = 8
	ringBlockSize     = 1 << 20
	// MaxRingSize bounds what a configuration may ask: the ring is locked memory.
	MaxRingSize = 1 << 30
)

// DefaultRingSize is the receive ring's memory when LiveConfig leaves it unset:
// at 100,000 packets/s of ~600 bytes it holds ~130 ms of traffic, the time the
// reader may go unscheduled on a busy host before the kernel drops.
const DefaultRingSize = DefaultRingBlocks * ringBlockSize

// LiveConfig says how a live source captures; the zero value takes the defaults.
type LiveConfig struct {
	// Snap is the bytes kept of each packet (0: DefaultSnapLen).
	Snap int
	// Timeout wakes the reader when no packet came (0: 250 ms), so the caller can
	// expire flows and check its deadline on a quiet link.
	Timeout time.Duration
	// RingSize is the memory of the TPACKET_V3 receive ring, rounded up to whole
	// 1 MiB blocks (0: DefaultRingSize). More rides out longer stalls of the reader.
	RingSize int64
}

func (c LiveConfig) snap() int {
	if c.Snap <= 0 {
		return DefaultSnapLen
	}
	return c.Snap
}

func (c LiveConfig) timeout() time.Duration {
	if c.Timeout <= 0 {
		return 250 * time.Millisecond
	}
	return c.Timeout
}

// blocks is the ring's block count: RingSize in whole blocks, at least one.
func (c LiveConfig) blocks() int {
	if c.RingSize <= 0 {
		return DefaultRingBlocks
	}
	return int(max((min(c.RingSize, MaxRingSize)+ringBlockSize-1)/ringBlockSize, 1))
}
