#!/usr/bin/env bash
# Start-up of the launcher with each JDK and archive, side by side: wall time of
# `relengine plan recipes/rocky9.groovy` (text, to /dev/null) and `relengine validate recipes/rocky9.groovy`,
# JVM start included, and its CPU time (user + system), which a loaded machine changes less. The
# configurations take turns, run by run, so that a change in the machine's load falls on all of them
# alike. Prints each configuration's median, min and max wall time, its median CPU time, and the load.
#   bench/startup.sh [RUNS] [NAME=JDK:ARCHIVE ...]
#     (default 7 runs after one warm-up each; default configurations: java17:cds, java25:cds, java25:aot,
#      java25:none, the JDKs found under /usr/lib/jvm)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
shift || true
jdk() { ls -d /usr/lib/jvm/*"$1"* 2>/dev/null | head -1; }
configs=("$@")
if [[ ${#configs[@]} -eq 0 ]]; then
  configs=("java17:$(jdk 17-openjdk):cds" "java25:$(jdk temurin-25):cds" "java25:$(jdk temurin-25):aot"
           "java25:$(jdk temurin-25):none")
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

run() {   # NAME:JDK:ARCHIVE COMMAND... → wall and CPU milliseconds
  local config=$1; shift
  local home=${config#*:}; home=${home%:*}
  local start end
  start=$(date +%s%N)
  RELENGINE_JAVA=$home RELENGINE_ARCHIVE=${config##*:} /usr/bin/time -f '%U %S' -o "$dir/cpu" \
    ./relengine "$@" >/dev/null 2>"$dir/stderr" || [[ $? -eq 2 ]]
  end=$(date +%s%N)
  [[ ! -s $dir/stderr ]] || { echo "$config printed on stderr:" >&2; cat "$dir/stderr" >&2; exit 1; }
  # the CPU time is time's last line: a plan with warnings exits 2, and time says so on a line before it
  echo "$(( (end - start) / 1000000 )) $(tail -1 "$dir/cpu" | awk '{ printf "%d", ($1 + $2) * 1000 }')"
}

./relengine --version >/dev/null
for config in "${configs[@]}"; do   # makes each archive, then warms the page cache
  for command in plan validate; do run "$config" "$command" recipes/rocky9.groovy >/dev/null; done
done
for ((i = 1; i <= runs; i++)); do
  for config in "${configs[@]}"; do
    for command in plan validate; do
      echo "$(run "$config" "$command" recipes/rocky9.groovy)" >> "$dir/${config%%:*}-${config##*:}-$command"
    done
  done
done
printf '%-14s %-9s %8s %8s %8s %8s\n' config command median min max CPU
for config in "${configs[@]}"; do
  for command in plan validate; do
    file="$dir/${config%%:*}-${config##*:}-$command"
    sorted=($(cut -d' ' -f1 "$file" | sort -n))
    cpu=($(cut -d' ' -f2 "$file" | sort -n))
    printf '%-14s %-9s %5s ms %5s ms %5s ms %5s ms\n' "${config%%:*} ${config##*:}" "$command" \
      "${sorted[$((runs / 2))]}" "${sorted[0]}" "${sorted[$((runs - 1))]}" "${cpu[$((runs / 2))]}"
  done
done
echo "(runs: $runs, cores: $(nproc), load: $(cut -d' ' -f1 /proc/loadavg))"
