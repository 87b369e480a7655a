package traffic

import (
	"slices"

	"github.com/aupscan/aupscan/scanner/traffic/decode"
)

// fingerprintID numbers the built-in fingerprints; a flow keeps one bit for each.
type fingerprintID uint8

// The built-in fingerprints, one file each, named as rules refer to them.
const (
	fpOpenVPN fingerprintID = iota
	fpWireGuard
	fpIKE
	fpESP
	fpPPTP
	fpL2TP
	fpSoftEther
	fpTinc
	fpAnyConnect
	fpTailscale
	fpTor
	fpSOCKS
	fpHTTPProxy
	fpPsiphon
	fpUltraSurf
	fpDNSTunnel
	fpICMPTunnel
	fpRDP
	fpVNC
	fpTeamViewer
	fpAnyDesk
	fpStratum
	fpVLESS
	fpTrojan
	fpGRPCTunnel
	fpN2N
	fpNebula
	fpZeroTier
	fpTincSPTPS
	fpDERP
	fpSSTP
	fpGlobalProtect
	fpFortinet
	fpTorDir
	fpTorRelay
	fpMiningHTTP
	fpStratumV2
	numFingerprints
)

// fingerprint is a protocol recogniser: inspect looks at one packet of a flow under
// inspection and says whether the flow is the protocol, is not, or may still be.
type fingerprint struct {
	name    string
	inspect func(in *inspection) verdict
	// final says inspect also wants to be asked once more when the flow ends
	// undecided (in.final set, no packet), to judge from what it saw.
	final bool
}

// fingerprints is the registry rules name fingerprints from (the `fingerprint` key).
var fingerprints = [numFingerprints]fingerprint{
	fpOpenVPN:    {"openvpn", inspectOpenVPN, false},
	fpWireGuard:  {"wireguard", inspectWireGuard, false},
	fpIKE:        {"ike", inspectIKE, false},
	fpESP:        {"esp", inspectESP, false},
	fpPPTP:       {"pptp", inspectPPTP, false},
	fpL2TP:       {"l2tp", inspectL2TP, false},
	fpSoftEther:  {"softether", inspectSoftEther, false},
	fpTinc:       {"tinc", inspectTinc, false},
	fpAnyConnect: {"anyconnect", inspectAnyConnect, false},
	fpTailscale:  {"tailscale", inspectTailscale, false},
	fpTor:        {"tor", inspectTor, true},
	fpSOCKS:      {"socks", inspectSOCKS, false},
	fpHTTPProxy:  {"http-proxy", inspectHTTPProxy, true},
	fpPsiphon:    {"psiphon", inspectPsiphon, false},
	fpUltraSurf:  {"ultrasurf", inspectUltraSurf, false},
	fpDNSTunnel:  {"dns-tunnel", inspectDNSTunnel, false},
	fpICMPTunnel: {"icmp-tunnel", inspectICMPTunnel, false},
	fpRDP:        {"rdp", inspectRDP, false},
	fpVNC:        {"vnc", inspectVNC, false},
	fpTeamViewer: {"teamviewer", inspectTeamViewer, false},
	fpAnyDesk:    {"anydesk", inspectAnyDesk, false},
	fpStratum:    {"stratum", inspectStratum, false},
	fpVLESS:      {"vless", inspectVLESS, false},
	fpTrojan:     {"trojan", inspectTrojan, false},
	fpGRPCTunnel: {"grpc-tunnel", inspectGRPCTunnel, false},

	fpN2N:           {"n2n", inspectN2N, false},
	fpNebula:        {"nebula", inspectNebula, false},
	fpZeroTier:      {"zerotier", inspectZeroTier, true},
	fpTincSPTPS:     {"tinc-sptps", inspectTincSPTPS, false},
	fpDERP:          {"derp", inspectDERP, true},
	fpSSTP:          {"sstp", inspectSSTP, false},
	fpGlobalProtect: {"globalprotect", inspectGlobalProtect, false},
	fpFortinet:      {"fortinet-sslvpn", inspectFortinet, false},
	fpTorDir:        {"tor-dir", inspectTorDir, false},
	fpTorRelay:      {"tor-relay", inspectTorRelay, false},
	fpMiningHTTP:    {"mining-http", inspectMiningHTTP, true},
	fpStratumV2:     {"stratum-v2", inspectStratumV2, true},
}

// FingerprintNames returns the names of the built-in fingerprints, sorted.
func FingerprintNames() []string {
	names := make([]string, 0, numFingerprints)
	for _, fp := range fingerprints {
		names = append(names, fp.name)
	}
	slices.Sort(names)
	return names
}

func fingerprintByName(name string) (fingerprintID, bool) {
	for i, fp := range fingerprints {
		if fp.name == name {
			return fingerprintID(i), true
		}
	}
	return 0, false
}

// verdict is what a fingerprint says of a flow after a packet.
type verdict struct {
	state  uint8 // undecided, rejected or matched
	conf   int8  // of a match
	detail string
}

const (
	stateUndecided uint8 = iota
	stateRejected
	stateMatched
)

// Verdicts. A detail is a constant string that names what was seen, never payload.
var (
	undecided = verdict{}
	rejected  = verdict{state: stateRejected}
)

func matched(conf int8, detail string) verdict {
	return verdict{state: stateMatched, conf: conf, detail: detail}
}

// inspection is one packet as the fingerprints see it. The Scanner owns one and
// fills it for each packet, so handing it around allocates nothing.
type inspection struct {
	s   *Scanner
	f   *Flow
	st  *FlowState
	dir Dir
	p   *decode.Packet
	pl  []byte // the payload: a datagram's, or a TCP message put in order
	n   uint32 // payload packets inspected in this direction, this one included
	// final is set when the flow ends undecided: there is no packet (p is empty).
	final bool
	// gap says the TCP reassembly skipped bytes it never had before this payload.
	gap bool
}

// proto returns the flow's IP protocol.
func (in *inspection) proto() uint8 { return in.f.Proto }

// fromClient reports whether the packet goes from client to server.
func (in *inspection) fromClient() bool { return in.dir == FromClient }
