//go:build !linux

package capture

import (
	"errors"

	"github.com/google/gopacket"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// DefaultSnapLen is how much of each packet a live capture keeps.
const DefaultSnapLen = 4096

// ErrTimeout is what LiveSource.Next returns when no packet came in time.
var ErrTimeout = errors.New("no packet within the read timeout")

// errNoLive says live capture needs Linux (AF_PACKET).
var errNoLive = errors.New("live capture needs Linux (AF_PACKET)")

// LiveSource is a live capture; only Linux has one.
type LiveSource struct{}

// OpenLive fails: live capture needs Linux.
func OpenLive(iface string, c LiveConfig) (*LiveSource, error) {
	return nil, errNoLive
}

// Name returns "".
func (s *LiveSource) Name() string { return "" }

// LinkType returns 0.
func (s *LiveSource) LinkType() decode.LinkType { return 0 }

// Num returns 0.
func (s *LiveSource) Num() int { return 0 }

// Next fails.
func (s *LiveSource) Next() ([]byte, gopacket.CaptureInfo, error) {
	return nil, gopacket.CaptureInfo{}, errNoLive
}

// Drops returns 0.
func (s *LiveSource) Drops() uint64 { return 0 }

// Close does nothing.
func (s *LiveSource) Close() error { return nil }

// SetFilter fails: live capture needs Linux.
func (s *LiveSource) SetFilter(*decode.Filter) error { return errNoLive }

// Ring reports false: live capture needs Linux.
func (s *LiveSource) Ring() bool { return false }

// RingSize returns 0.
func (s *LiveSource) RingSize() int { return 0 }
