package traffic

import "github.com/aupscan/aupscan/scanner/traffic/decode"

// teamViewerState counts the packets that carry TeamViewer's magic.
type teamViewerState struct {
	n [2]uint8
}

// inspectTeamViewer recognises TeamViewer by the magic bytes 0x17 0x24 that start
// its TCP messages (at byte 11 of its UDP datagrams, after a zero byte), seen in
// several packets both ways.
func inspectTeamViewer(in *inspection) verdict {
	pl := in.pl
	var ok bool
	switch in.proto() {
	case decode.ProtoTCP:
		ok = len(pl) > 2 && pl[0] == 0x17 && pl[1] == 0x24
	case decode.ProtoUDP:
		ok = len(pl) > 13 && pl[0] == 0 && pl[11] == 0x17 && pl[12] == 0x24
	default:
		return rejected
	}
	st := &in.st.tv
	if !ok {
		if st.n[0]+st.n[1] == 0 {
			return rejected
		}
		return undecided
	}
	st.n[in.dir]++
	if st.n[0] >= 2 && st.n[1] >= 2 {
		return in.matchedUndirected(fpTeamViewer, confHigh, "TeamViewer magic 17 24 in several messages both ways")
	}
	return undecided
}
