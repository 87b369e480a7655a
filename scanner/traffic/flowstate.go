package traffic

// FlowState is where the detection layer keeps its own state of a flow (parser
// progress, partial handshakes, what matched). It lives inside Flow by value, so a
// flow costs no allocation of its own; the flow table zeroes it when it recycles the
// flow.
//
// The detection code fills in this struct; the packet layer never reads it.
type FlowState struct{}
