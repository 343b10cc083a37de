#!/usr/bin/env bash
# Wall time of `relengine plan recipes/rocky9.groovy --format json`, JVM start included, as a user runs
# it through the launcher. Prints each run and the median; the target is 1.5 s on a 2-core machine.
#   bench/plan.sh [RUNS]     (default 11; one warm-up run first, not counted)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-11}
./relengine --version >/dev/null          # builds the jar and its class-data archive if needed
./relengine plan recipes/rocky9.groovy --format json >/dev/null || true   # warm the page cache
times=()
for ((i = 1; i <= runs; i++)); do
  time_ms ./relengine plan recipes/rocky9.groovy --format json
  [[ $STATUS -eq 0 || $STATUS -eq 2 ]] || { echo "plan exited $STATUS" >&2; exit 1; }
  times+=("$MS")
  echo "run $i: ${MS} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: $(median "${times[@]}") ms  min: ${sorted[0]} ms  max: ${sorted[$((runs - 1))]} ms  (cores: $(nproc), load: $(cut -d' ' -f1 /proc/loadavg))"
