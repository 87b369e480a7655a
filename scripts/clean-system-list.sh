#!/usr/bin/env bash
# Writes testdata/clean-system/packages.txt: the Debian packages of the clean-system
# measurement (scripts/clean-system.sh), the most installed packages outside the
# catalog. Debian's popularity contest cannot be fetched from this project's machines
# (they reach the package archive only), so "most installed" is derived from the
# archive's own index, as popcon's top ranks are made of: first every package of
# priority required, important and standard (what every Debian system has), then the
# packages the most other packages depend on (Depends and Pre-Depends, first
# alternative: what apt installs with them), ties by name. Left out: every package a
# rule names (testdata/clean-system/catalog.txt, kept by
# `go test ./scanner/host -run TestCleanSystemCatalog -update`) and every package built
# from the same source, packages larger than 100 MB installed, and debug symbols.
# Usage: scripts/clean-system-list.sh [COUNT] (default 1200).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1200}
out=testdata/clean-system/packages.txt
catalog=testdata/clean-system/catalog.txt

[ -n "$(find /var/lib/apt/lists -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get -o DPkg::Lock::Timeout=600 update -qq
# The main archive's indexes for this machine's architecture and "all".
mapfile -t idx < <(apt-get indextargets --format '$(FILENAME)' 'Created-By: Packages')
{
  printf '# %s\n' \
    "The clean-system measurement's packages (scripts/clean-system.sh), made by" \
    "scripts/clean-system-list.sh on $(date -u +%Y-%m-%d) from Debian $(. /etc/os-release && echo "$VERSION_CODENAME")'s index: priority" \
    "required, important and standard first, then by the number of packages that" \
    "depend on them; none a rule names, nor a sibling of one from the same source." \
    "scanner/host's TestCleanSystem scans the first 100 in make test."
  /usr/lib/apt/apt-helper cat-file "${idx[@]}" | awk -v catalog="$catalog" '
    BEGIN {
      while ((getline line < catalog) > 0) if (line !~ /^#/ && line != "") named[line] = 1
      rank["required"] = 1; rank["important"] = 2; rank["standard"] = 3
    }
    function field(s) { sub(/^[^:]*:[ \t]*/, "", s); return s }
    function finish(   n, i, d, deps) {
      if (pkg == "" || (pkg in seen)) { pkg = ""; return }
      seen[pkg] = 1
      src[pkg] = (source == "" ? pkg : source)
      prio[pkg] = (priority in rank ? rank[priority] : 9)
      size[pkg] = isize
      n = split(depends, deps, ",")
      for (i = 1; i <= n; i++) {
        d = deps[i]; sub(/\|.*/, "", d); sub(/\(.*/, "", d); sub(/:.*/, "", d); gsub(/[ \t]/, "", d)
        if (d != "" && !((pkg SUBSEP d) in counted)) { counted[pkg SUBSEP d] = 1; rdeps[d]++ }
      }
      pkg = ""
    }
    /^Package:/ { finish(); pkg = field($0); source = ""; priority = ""; depends = ""; isize = 0; next }
    /^Source:/ { source = field($0); sub(/ .*/, "", source); next }
    /^Priority:/ { priority = field($0); next }
    /^Installed-Size:/ { isize = field($0) + 0; next }
    /^(Depends|Pre-Depends):/ { depends = depends "," field($0); next }
    END {
      finish()
      for (p in named) if (p in src) badsrc[src[p]] = 1
      for (p in seen) {
        if ((p in named) || (src[p] in badsrc) || size[p] > 100000 || p ~ /-dbg(sym)?$/) continue
        printf "%d %07d %s\n", prio[p], 9999999 - rdeps[p], p
      }
    }' | sort | awk -v n="$count" 'NR <= n {print $3}'
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "clean-system-list: $(grep -vc '^#' "$out") packages in $out" >&2
