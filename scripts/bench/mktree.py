#!/usr/bin/env python3
"""Builds the host-scan benchmark: a tree of binaries, text and random data, 1,000
literal patterns and 1,000 SHA-256 hashes, and the same signatures for each tool:
aupscan rules (TOML), ClamAV (.ndb and .hsb) and YARA (one rule file).

usage: mktree.py WORKDIR [MB]

Besides the text-pattern set (sigs/), it writes a binary-pattern set (sigs-binary/):
1,000 rare binary patterns of 12 to 24 random bytes (hex in every tool), ten of them
planted, with the same hashes, given with their file sizes to aupscan as ClamAV's .hsb
gives them.
"""
import hashlib, os, random, shutil, sys

work = sys.argv[1]
total_mb = int(sys.argv[2]) if len(sys.argv) > 2 else 512
rng = random.Random(20261125)
tree = os.path.join(work, "tree")
sigs = os.path.join(work, "sigs")
sigsbin = os.path.join(work, "sigs-binary")
for d in (tree, sigs, sigsbin):
    shutil.rmtree(d, ignore_errors=True)
# aupscan's rules in a folder of their own: a rule folder reads .ndb, .hsb and .yar
# files as rules too.
for d in (tree, os.path.join(sigs, "aupscan"), os.path.join(sigsbin, "aupscan")):
    os.makedirs(d)

budget = total_mb << 20
third = budget // 3

# Binaries: real programs and libraries of this machine.
n = 0
for src in ["/usr/bin", "/usr/sbin", "/usr/lib/x86_64-linux-gnu"]:
    for name in sorted(os.listdir(src)):
        p = os.path.join(src, name)
        if n >= third or os.path.islink(p) or not os.path.isfile(p):
            continue
        size = os.path.getsize(p)
        if size > 64 << 20:
            continue
        dst = os.path.join(tree, "bin", os.path.basename(src), name)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(p, dst)
        n += size

# Text: words and code-like lines, in files of 4 KiB to 2 MiB.
words = ("the of and to in is for that on with as config server return func error data path "
         "user value list table index print string int buffer file name type value http "
         "request response client status time date query select from where").split()
i = 0
while n < 2 * third:
    size = rng.choice([4 << 10, 32 << 10, 256 << 10, 2 << 20])
    lines, got = [], 0
    while got < size:
        line = " ".join(rng.choice(words) for _ in range(rng.randint(4, 14))) + "\n"
        lines.append(line)
        got += len(line)
    dst = os.path.join(tree, "text", f"d{i % 50}", f"doc{i}.txt")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "w") as f:
        f.write("".join(lines))
    n += got
    i += 1

# Random data, in files of 1 to 16 MiB.
i = 0
while n < budget:
    size = rng.choice([1, 4, 16]) << 20
    dst = os.path.join(tree, "random", f"blob{i}.bin")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "wb") as f:
        f.write(rng.randbytes(size))
    n += size
    i += 1

# 1,000 literal patterns of 12 to 24 printable bytes; ten of them planted in files.
alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:"
pats = ["".join(rng.choice(alphabet) for _ in range(rng.randint(12, 24))) for _ in range(1000)]
for j in range(10):
    dst = os.path.join(tree, "planted", f"tool{j}.bin")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "wb") as f:
        f.write(rng.randbytes(100000) + pats[j * 7].encode() + rng.randbytes(100000))

# 1,000 rare binary patterns of 12 to 24 random bytes; ten of them planted in files.
binpats = [rng.randbytes(rng.randint(12, 24)) for _ in range(1000)]
for j in range(10):
    dst = os.path.join(tree, "planted", f"bin{j}.bin")
    with open(dst, "wb") as f:
        f.write(rng.randbytes(100000) + binpats[j * 7] + rng.randbytes(100000))

# 1,000 SHA-256 hashes: ten of files in the tree, the rest random.
files = []
for root, _, names in os.walk(os.path.join(tree, "text")):
    files += [os.path.join(root, x) for x in names]
files.sort()
hashes = []
for p in files[:10]:
    with open(p, "rb") as f:
        data = f.read()
    hashes.append((hashlib.sha256(data).hexdigest(), len(data)))
while len(hashes) < 1000:
    hashes.append((rng.randbytes(32).hex(), rng.randint(1000, 1 << 20)))

# aupscan: one rule a pattern, one rule for the hash list.
with open(os.path.join(sigs, "aupscan", "bench.toml"), "w") as f:
    for j, p in enumerate(pats):
        f.write(f'[[rule]]\nid = "bench.p{j}"\nname = "pattern {j}"\ncategory = "malware"\n'
                f'severity = "low"\ndescription = "benchmark pattern"\n'
                f'[rule.file]\npatterns = [{{ text = "{p}" }}]\n\n')
    f.write('[[rule]]\nid = "bench.hashes"\nname = "hash list"\ncategory = "malware"\n'
            'severity = "low"\ndescription = "benchmark hashes"\n[rule.file]\nhash_files = ["hashes.sha256"]\n')
with open(os.path.join(sigs, "aupscan", "hashes.sha256"), "w") as f:
    for h, _ in hashes:
        f.write(h + "\n")
# ClamAV: body signatures in hex (.ndb), hashes with file sizes (.hsb).
with open(os.path.join(sigs, "bench.ndb"), "w") as f:
    for j, p in enumerate(pats):
        f.write(f"Bench.Pattern.P{j}:0:*:{p.encode().hex()}\n")
with open(os.path.join(sigs, "bench.hsb"), "w") as f:
    for j, (h, size) in enumerate(hashes):
        f.write(f"{h}:{size}:Bench.Hash.H{j}:73\n")
# YARA: one rule a pattern, and one rule over the hash list.
with open(os.path.join(sigs, "bench.yar"), "w") as f:
    f.write('import "hash"\n\n')
    for j, p in enumerate(pats):
        f.write(f'rule p{j} {{ strings: $a = "{p}" condition: $a }}\n')
    f.write("rule hashes { condition: (\n")
    f.write(" or\n".join(f'  hash.sha256(0, filesize) == "{h}"' for h, _ in hashes))
    f.write(") }\n")

# The binary set: the same for every tool, with hex patterns; aupscan reads the hashes
# with their sizes (the .hsb format), as clamscan does.
with open(os.path.join(sigsbin, "aupscan", "bench.toml"), "w") as f:
    for j, p in enumerate(binpats):
        f.write(f'[[rule]]\nid = "bench.b{j}"\nname = "binary pattern {j}"\ncategory = "malware"\n'
                f'severity = "low"\ndescription = "benchmark pattern"\n'
                f'[rule.file]\npatterns = [{{ hex = "{p.hex()}" }}]\n\n')
    f.write('[[rule]]\nid = "bench.hashes"\nname = "hash list"\ncategory = "malware"\n'
            'severity = "low"\ndescription = "benchmark hashes"\n[rule.file]\nhash_files = ["hashes.sized"]\n')
with open(os.path.join(sigsbin, "aupscan", "hashes.sized"), "w") as f:
    for j, (h, size) in enumerate(hashes):
        f.write(f"{h}:{size}:Bench.Hash.H{j}:73\n")
with open(os.path.join(sigsbin, "bench.ndb"), "w") as f:
    for j, p in enumerate(binpats):
        f.write(f"Bench.Binary.B{j}:0:*:{p.hex()}\n")
with open(os.path.join(sigsbin, "bench.hsb"), "w") as f:
    for j, (h, size) in enumerate(hashes):
        f.write(f"{h}:{size}:Bench.Hash.H{j}:73\n")
with open(os.path.join(sigsbin, "bench.yar"), "w") as f:
    f.write('import "hash"\n\n')
    for j, p in enumerate(binpats):
        f.write(f'rule b{j} {{ strings: $a = {{ {p.hex(" ")} }} condition: $a }}\n')
    f.write("rule hashes { condition: (\n")
    f.write(" or\n".join(f'  hash.sha256(0, filesize) == "{h}"' for h, _ in hashes))
    f.write(") }\n")
print(f"tree {n >> 20} MiB in {tree}; signatures in {sigs}")
