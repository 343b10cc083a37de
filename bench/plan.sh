#!/usr/bin/env bash
# Wall time of `relengine plan recipes/rocky9.groovy --format json`, JVM start included, as a user runs
# it through the launcher. Prints each run and the median; the target is 1.5 s on a 2-core machine.
#   bench/plan.sh [RUNS]     (default 11; one warm-up run first, not counted)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
./relengine --version >/dev/null          # builds the jar and its class-data archive if needed
./relengine plan recipes/rocky9.groovy --format json >/dev/null || true   # warm the page cache
times=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  ./relengine plan recipes/rocky9.groovy --format json >/dev/null || [[ $? -eq 2 ]]
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$((runs / 2))]} ms  min: ${sorted[0]} ms  max: ${sorted[$((runs - 1))]} ms  (cores: $(nproc), load: $(cut -d' ' -f1 /proc/loadavg))"
