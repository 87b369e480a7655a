#!/usr/bin/env python3
"""Builds a bulk capture for scripts/bench-ndpi.sh: the corpus's classic Ethernet
pcaps replayed pass after pass, each pass with new IPv4 addresses (the last two bytes
of every source and destination XORed with the pass number, the IP header checksum
redone), as `tcpreplay --unique-ip` varies them, until PACKETS packets are written.

usage: mkbulk.py OUT.pcap PACKETS CAPTURE...
"""
import struct, sys

out, want, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
packets = []  # (ts_sec, ts_usec, data) of every Ethernet packet of every file
for path in files:
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        continue
    magic = data[:4]
    if magic == b"\xd4\xc3\xb2\xa1" or magic == b"\x4d\x3c\xb2\xa1":
        e = "<"
    elif magic == b"\xa1\xb2\xc3\xd4" or magic == b"\xa1\xb2\x3c\x4d":
        e = ">"
    else:
        continue  # pcapng or compressed: left out
    if struct.unpack(e + "I", data[20:24])[0] & 0xFFFF != 1:
        continue  # not Ethernet
    off = 24
    while off + 16 <= len(data):
        sec, usec, incl, orig = struct.unpack(e + "IIII", data[off:off + 16])
        pkt = data[off + 16:off + 16 + incl]
        if len(pkt) < incl:
            break
        packets.append(pkt)
        off += 16 + incl
if not packets:
    sys.exit("no classic Ethernet pcap among the captures")


def ipv4_at(pkt):
    """Offset of the IPv4 header of an Ethernet frame (one VLAN tag at most), or -1."""
    et, off = pkt[12:14], 14
    if et == b"\x81\x00" and len(pkt) >= 18:
        et, off = pkt[16:18], 18
    if et == b"\x08\x00" and len(pkt) >= off + 20 and pkt[off] >> 4 == 4:
        return off
    return -1


def vary(pkt, n):
    off = ipv4_at(pkt)
    if off < 0 or n == 0:
        return pkt
    b = bytearray(pkt)
    for a in (off + 14, off + 18):  # the last two bytes of the source and destination
        b[a] ^= (n >> 8) & 0xFF
        b[a + 1] ^= n & 0xFF
    ihl = (b[off] & 0x0F) * 4
    b[off + 10:off + 12] = b"\x00\x00"
    s = sum(struct.unpack("!%dH" % (ihl // 2), bytes(b[off:off + ihl])))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    b[off + 10:off + 12] = struct.pack("!H", ~s & 0xFFFF)
    return bytes(b)


with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    n, ts = 0, 1_700_000_000_000_000  # microseconds, 20 us apart: 50,000 packets/s
    p = 0
    while n < want:
        for pkt in packets:
            if n >= want:
                break
            d = vary(pkt, p)
            f.write(struct.pack("<IIII", ts // 1_000_000, ts % 1_000_000, len(d), len(d)))
            f.write(d)
            n += 1
            ts += 20
        p += 1
print(f"{out}: {n} packets, {p} passes over {len(packets)} packets")
