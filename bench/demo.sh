#!/usr/bin/env bash
# Wall time of `relengine demo` (the real rocky9 recipe composed against the loopback server), as a
# new user runs it. The first run on a machine also builds the demo's RPMs (cached afterwards); run it
# twice to see both. Target: under 10 minutes on a 2-core machine.
#   bench/demo.sh [OUT]      (default: a fresh temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
./relengine --version >/dev/null
start=$(date +%s%N)
./relengine demo --out "$out" >/dev/null
end=$(date +%s%N)
echo "demo: $(( (end - start) / 1000000 )) ms  (cores: $(nproc), load: $(cut -d' ' -f1 /proc/loadavg), out: $out)"
