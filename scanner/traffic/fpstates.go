package traffic

// fpStates is the flow state of the fingerprints that remember more than their
// verdict across packets: ZeroTier's HELLO addresses, tinc 1.1's SPTPS datagram
// counters and the mining RPC exchange. It lives in FlowState by value (about 40
// bytes), so it costs no allocation.
type fpStates struct {
	zt    zeroTierState
	sptps sptpsState
	mine  miningHTTPState
	n2n   n2nState
}
