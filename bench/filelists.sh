#!/usr/bin/env bash
# `relengine filelists DIR` (whole process, JVM start included) against
# `find DIR -printf '%T@ %y %s %P\n' > /dev/null` on the same generated tree of 200,000 files, side by
# side, warm cache. Target: at most 1.5× find.
#   bench/filelists.sh [TREE] [RUNS]   (default TREE: /tmp/relengine-bench-tree, created if missing; RUNS 7)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
tree=${1:-/tmp/relengine-bench-tree}
runs=${2:-7}
if [[ ! -f $tree/.complete ]]; then
  echo "creating 200,000 files under $tree…"
  rm -rf "$tree"
  # 40 top dirs × 50 subdirs × 100 files, shaped like repo trees (dirs of packages)
  for a in $(seq -w 1 40); do
    for b in $(seq -w 1 50); do
      d="$tree/$a/Packages/$b"
      mkdir -p "$d"
      (cd "$d" && touch $(seq -f "pkg-%03g-1.0-1.el9.x86_64.rpm" 1 100))
    done
  done
  touch "$tree/.complete"
fi
./relengine --version >/dev/null
find "$tree" -printf '%T@ %y %s %P\n' >/dev/null   # warm the cache
finds=(); lists=()
for ((i = 1; i <= runs; i++)); do
  time_ms find "$tree" -printf '%T@ %y %s %P\n'
  [[ $STATUS -eq 0 ]] || { echo "find exited $STATUS" >&2; exit 1; }
  finds+=("$MS")
  time_ms ./relengine filelists --quiet "$tree"
  [[ $STATUS -eq 0 ]] || { echo "relengine filelists exited $STATUS" >&2; exit 1; }
  lists+=("$MS")
done
f=$(median "${finds[@]}"); l=$(median "${lists[@]}")
echo "find:      ${finds[*]} ms (median $f)"
echo "filelists: ${lists[*]} ms (median $l)"
echo "ratio: $(ratio "$l" "$f")  (files: $(grep -c '	f	' "$tree/fullfiletimelist-rocky"), cores: $(nproc), load: $(cut -d' ' -f1 /proc/loadavg))"
