package traffic

import (
	"github.com/google/gopacket/layers"
)

// The example captures of the fingerprints read from published specifications and
// sources (n2n 2/3, ZeroTier, tinc 1.1, DERP, SSTP, GlobalProtect, FortiGate, the
// Tor directory and relay certificate, mining RPC, Stratum V2), with near misses.
// They join builtinCaptureFiles, so TestBuiltinCaptures writes and checks them and
// FuzzFingerprints starts from them. The real programs' captures (n2n 1, Nebula,
// Litecoin Core) are recorded by realcapture_test.go.
func init() {
	builtinCaptureFiles = append(builtinCaptureFiles, fpCaptureFiles...)
}

var fpCaptureFiles = []struct {
	name   string
	frames [][]byte
	rules  []string
}{
	{"n2n-v3.pcap", conv(layers.IPProtocolUDP, 40101, 7654,
		c2s(n2nV3(n2nRegisterSup, "mynet", pseudo(40, 1))), s2c(n2nV3(n2nSuperAck|n2nFromSuper, "mynet", pseudo(60, 2)))),
		[]string{"vpn.n2n.traffic"}},
	{"zerotier.pcap", conv(layers.IPProtocolUDP, 40102, 9993,
		c2s(ztHelloPacket(0x89e92ceee5, 0x3a46f1bf30)), s2c(cat(pseudo(8, 3), ztAddr(0x89e92ceee5), ztAddr(0x3a46f1bf30), []byte{0x08}, pseudo(80, 4)))),
		[]string{"vpn.zerotier.traffic"}},
	{"tinc11.pcap", conv(layers.IPProtocolTCP, 40103, 655,
		c2s([]byte("0 alice 17.7\n")), s2c(cat([]byte("0 bob 17.7\n"), sptpsKEXRecord(5))), c2s(sptpsKEXRecord(6))),
		[]string{"vpn.tinc.traffic"}},
	{"tinc11-udp.pcap", conv(layers.IPProtocolUDP, 655, 655,
		c2s(sptpsDatagramPacket(0xa1, 3, 100)), s2c(sptpsDatagramPacket(0xb2, 7, 120)),
		c2s(sptpsDatagramPacket(0xa1, 4, 1400)), s2c(sptpsDatagramPacket(0xb2, 8, 1400)),
		c2s(sptpsDatagramPacket(0xa1, 5, 90)), s2c(sptpsDatagramPacket(0xb2, 9, 90))),
		[]string{"vpn.tinc.traffic"}},
	{"derp.pcap", conv(layers.IPProtocolTCP, 40104, 80,
		c2s([]byte("GET /derp HTTP/1.1\r\nHost: derp.example.net\r\nConnection: Upgrade\r\nUpgrade: DERP\r\n\r\n")),
		s2c(cat([]byte("HTTP/1.1 101 Switching Protocols\r\nUpgrade: DERP\r\nConnection: Upgrade\r\nDerp-Version: 2\r\n\r\n"),
			[]byte{derpServerKey}, be32b(40), derpMagic, pseudo(32, 5)))),
		[]string{"vpn.tailscale.traffic"}},
	{"sstp.pcap", conv(layers.IPProtocolTCP, 40105, 443,
		c2s([]byte("SSTP_DUPLEX_POST /sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ HTTP/1.1\r\nHost: vpn.example.net\r\nContent-Length: 18446744073709551615\r\nSSTPCORRELATIONID: {62DFA5C0-E2E0-FD50-D286B00}\r\n\r\n")),
		s2c([]byte("HTTP/1.1 200\r\nContent-Length: 18446744073709551615\r\nServer: Microsoft-HTTPAPI/2.0\r\n\r\n"))),
		[]string{"vpn.sstp.traffic"}},
	{"globalprotect.pcap", conv(layers.IPProtocolTCP, 40106, 80,
		c2s([]byte("POST /global-protect/prelogin.esp?tmp=tmp&clientVer=4100&clientos=Linux HTTP/1.1\r\nHost: gp.example.net\r\nUser-Agent: PAN GlobalProtect\r\nContent-Length: 0\r\n\r\n")),
		s2c([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/xml; charset=UTF-8\r\nContent-Length: 140\r\n\r\n<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<prelogin-response><status>Success</status><authentication-message>Enter login credentials</authentication-message></prelogin-response>"))),
		[]string{"vpn.globalprotect.traffic"}},
	{"fortinet-login.pcap", conv(layers.IPProtocolTCP, 40107, 10443,
		c2s([]byte("POST /remote/logincheck HTTP/1.1\r\nHost: vpn.example.net:10443\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 37\r\n\r\nusername=alice&credential=secret&ajax=1")),
		s2c([]byte("HTTP/1.1 200 OK\r\nSet-Cookie: SVPNCOOKIE=vHeLRyYc1BnIgJ6SiYpD; path=/; secure; httponly\r\nContent-Length: 32\r\n\r\nret=1,redir=/remote/index\n"))),
		[]string{"vpn.fortinet-sslvpn"}},
	{"fortinet-tunnel.pcap", conv(layers.IPProtocolTCP, 40108, 10443,
		c2s([]byte("GET /remote/sslvpn-tunnel HTTP/1.1\r\nHost: sslvpn\r\nCookie: SVPNCOOKIE=vHeLRyYc1BnIgJ6SiYpD\r\n\r\n")),
		s2c(cat(u16(26), []byte{0x50, 0x50}, u16(20), []byte{0xff, 0x03, 0xc0, 0x21, 0x01, 0x01, 0x00, 0x10}, pseudo(12, 6)))),
		[]string{"vpn.fortinet-sslvpn"}},
	{"scanner-probe.pcap", conv(layers.IPProtocolTCP, 40109, 443,
		c2s([]byte("GET /remote/logincheck HTTP/1.1\r\nHost: 198.51.100.20\r\nUser-Agent: Mozilla/5.0\r\n\r\n")),
		s2c([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 40\r\n\r\n<!doctype html><title>Shop</title></html>"))),
		nil},
	{"tor-dir.pcap", conv(layers.IPProtocolTCP, 40110, 9030,
		c2s([]byte("GET /tor/status-vote/current/consensus-microdesc/D586D1+14C131+E8A9C4.z HTTP/1.0\r\nHost: 198.51.100.20\r\nAccept-Encoding: deflate, identity, x-zstd, x-tor-lzma\r\n\r\n")),
		s2c(cat([]byte("HTTP/1.0 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Type: text/plain\r\nX-Your-Address-Is: 192.0.2.10\r\nContent-Encoding: deflate\r\nExpires: Mon, 01 Jan 2024 01:00:00 GMT\r\n\r\n"), pseudo(200, 7)))),
		[]string{"tor.directory.traffic"}},
	{"tor-relay.pcap", conv(layers.IPProtocolTCP, 40111, 443,
		c2s(testClientHello("198.51.100.20", []string{"h2", "http/1.1"}, true)),
		s2c(tls12Server(testCert("www.x7rfnmq2lk5a.net", nil, "www.cb4fk3oz2xplm.com", nil, nil)))),
		[]string{"tor.link.traffic"}},
	{"getwork.pcap", conv(layers.IPProtocolTCP, 40112, 8332,
		c2s([]byte("POST / HTTP/1.1\r\nAuthorization: Basic dTpw\r\nHost: 198.51.100.20:8332\r\nAccept: */*\r\nContent-Type: application/json\r\nContent-Length: 44\r\nUser-Agent: cpuminer/2.5.1\r\nX-Mining-Extensions: midstate\r\n\r\n{\"method\": \"getwork\", \"params\": [], \"id\":0}\n"))),
		[]string{"mining.rpc.traffic"}},
	{"getblocktemplate.pcap", conv(layers.IPProtocolTCP, 40113, 8332,
		c2s([]byte("POST / HTTP/1.1\r\nHost: 198.51.100.20\r\nContent-Type: application/json\r\nContent-Length: 76\r\n\r\n{\"method\":\"getblocktemplate\",\"params\":[{\"rules\":[\"segwit\"]}],\"id\":1}")),
		s2c([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 160\r\n\r\n{\"result\":{\"version\":536870912,\"previousblockhash\":\"00000000000000000002a7c4c1e48d76c5a37902165a270156b7a8d72728a054\",\"coinbasevalue\":312500000,\"bits\":\"17034219\"},\"error\":null,\"id\":1}"))),
		[]string{"mining.rpc.traffic"}},
	{"wallet-rpc.pcap", conv(layers.IPProtocolTCP, 40114, 8545,
		c2s([]byte("POST / HTTP/1.1\r\nHost: 198.51.100.20:8545\r\nContent-Type: application/json\r\nContent-Length: 94\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"eth_getBalance\",\"params\":[\"0x407d73d8a49eeb85d32cf465507dd71d507100c1\",\"latest\"],\"id\":1}")),
		s2c([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 41\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x0234c8a3397aab58\"}"))),
		nil},
	{"http-site.pcap", conv(layers.IPProtocolTCP, 40115, 80,
		c2s([]byte("GET /index.html HTTP/1.1\r\nHost: www.example.org\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n")),
		s2c([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 45\r\n\r\n<!doctype html><title>Example</title></html>"))),
		nil},
	{"stratum-v2.pcap", conv(layers.IPProtocolTCP, 40116, 3336,
		c2s(sv2Msg(sv2Setup, sv2SetupConnectionMsg(0, "pool.example.net", 3336, "bitmain", "S19", "2024.1", "unit-7"))),
		s2c(sv2Msg(sv2SetupSuccess, cat([]byte{2, 0}, le32(0))))),
		[]string{"mining.stratum.traffic"}},
}

// n2nV3 is an n2n 3 packet: version 3, TTL 2, flags with the message type, the
// community in 20 bytes, then the message.
func n2nV3(flags uint16, community string, rest []byte) []byte {
	c := make([]byte, 20)
	copy(c, community)
	return cat([]byte{3, 2}, u16(int(flags)), c, rest)
}

func ztAddr(a uint64) []byte {
	return []byte{byte(a >> 32), byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}
}

// ztHelloPacket is a ZeroTier HELLO from src to dst: packet id, addresses, flags
// (cipher 0, hops 0), MAC, verb 1, protocol 11, version 1.12.2, a timestamp, and
// the identity (address, type 0, 64 bytes of keys, no private key), then the
// physical destination address.
func ztHelloPacket(src, dst uint64) []byte {
	return cat(pseudo(8, 10), ztAddr(dst), ztAddr(src), []byte{0}, pseudo(8, 11), []byte{ztVerbHello},
		[]byte{11, 1, 12}, u16(2), be32b(0), be32b(0x5f5e100), ztAddr(src), []byte{0}, pseudo(64, 12), []byte{0},
		[]byte{4}, be32b(0xc6336414), u16(9993))
}

// sptpsKEXRecord is SPTPS's key exchange record on a meta connection: length 65,
// type 128, version 0, nonce and key.
func sptpsKEXRecord(seed uint32) []byte {
	return cat(u16(sptpsKEXLen), []byte{sptpsHandshake, 0}, pseudo(64, seed))
}

// sptpsDatagramPacket is a tinc 1.1 UDP packet sent directly: zero destination id,
// the sender's node id, the sequence number, and the encrypted record with its tag.
func sptpsDatagramPacket(id byte, seq uint32, n int) []byte {
	return cat(make([]byte, 6), []byte{id, 0x11, 0x22, 0x33, 0x44, id}, be32b(seq), pseudo(n, seq))
}

func sv2Msg(typ byte, payload []byte) []byte {
	n := len(payload)
	return cat([]byte{0, 0, typ, byte(n), byte(n >> 8), byte(n >> 16)}, payload)
}

func sv2Str(s string) []byte { return append([]byte{byte(len(s))}, s...) }

// sv2SetupConnectionMsg is SetupConnection's payload for a sub-protocol.
func sv2SetupConnectionMsg(protocol byte, host string, port int, vendor, hw, fw, dev string) []byte {
	return cat([]byte{protocol, 2, 0, 2, 0}, le32(0), sv2Str(host), []byte{byte(port), byte(port >> 8)},
		sv2Str(vendor), sv2Str(hw), sv2Str(fw), sv2Str(dev))
}
