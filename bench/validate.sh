#!/usr/bin/env bash
# Wall time of `relengine validate` on long recipes, JVM start included, as a user runs it through the
# launcher: recipes/rocky9.groovy as it is, and copies with 2,000, 4,000 and 20,000 comment lines before
# its last statement (`publish { … }`), and with 20,000 at the top of the file. Prints each run (wall and
# CPU time, user + system) and the medians of each file. A run that takes longer than LIMIT seconds is
# stopped, and the file not run again.
#   bench/validate.sh [RUNS] [LIMIT]     (default 5 runs, limit 120 s; one warm-up run first, not counted)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
limit=${2:-120}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# N comment lines, inserted before the line matching PATTERN
padded() {
  local lines=$1 pattern=$2 out=$3
  awk -v n="$lines" -v p="$pattern" '$0 ~ p && !done { for (i = 1; i <= n; i++) print "// padding comment " i; done = 1 } { print }' \
    recipes/rocky9.groovy > "$out"
}
cp recipes/rocky9.groovy "$dir/plain.groovy"
for n in 2000 4000 20000; do
  padded "$n" '^publish \\{' "$dir/before-last-$n.groovy"
done
padded 20000 '' "$dir/top-20000.groovy"

./relengine --version >/dev/null          # builds the jar and its class-data archive if needed
./relengine validate "$dir/plain.groovy" >/dev/null   # warm the page cache

for name in plain before-last-2000 before-last-4000 before-last-20000 top-20000; do
  file="$dir/$name.groovy"
  times=()
  cpus=()
  for ((i = 1; i <= runs; i++)); do
    start=$(date +%s%N)
    status=0
    /usr/bin/time -f '%U %S' -o "$dir/cpu" timeout "$limit" ./relengine validate "$file" >/dev/null || status=$?
    end=$(date +%s%N)
    if [[ $status -eq 124 ]]; then
      echo "$name ($(wc -l < "$file") lines) run $i: stopped after ${limit} s"
      break
    fi
    [[ $status -eq 0 ]] || { echo "$name: validate failed (exit $status)" >&2; exit 1; }
    ms=$(( (end - start) / 1000000 ))
    cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$dir/cpu")
    times+=("$ms")
    cpus+=("$cpu")
    echo "$name ($(wc -l < "$file") lines) run $i: ${ms} ms (CPU ${cpu} ms)"
  done
  if [[ ${#times[@]} -eq $runs ]]; then
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    cpu_sorted=($(printf '%s\n' "${cpus[@]}" | sort -n))
    echo "$name: median ${sorted[$((runs / 2))]} ms  min ${sorted[0]} ms  max ${sorted[$((runs - 1))]} ms  CPU median ${cpu_sorted[$((runs / 2))]} ms"
  else
    echo "$name: over ${limit} s"
  fi
done
echo "(cores: $(nproc), load: $(cut -d' ' -f1 /proc/loadavg))"
