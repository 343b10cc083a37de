# Functions the benchmark scripts share; sourced, not run.
#   median N…        the median of its arguments (the lower middle one of an even count)
#   time_ms CMD…     runs CMD, stdout discarded, stderr to the file $TIME_LOG (default /dev/null), emptied first; sets MS to its
#                    wall time in milliseconds and STATUS to its exit status; always returns 0
#   ratio A B        A / B with two decimals ("-" when B is 0)
#   load             the 1-minute load average

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

time_ms() {
  local s e
  STATUS=0
  s=$(date +%s%N)
  "$@" >/dev/null 2>"${TIME_LOG:-/dev/null}" || STATUS=$?
  e=$(date +%s%N)
  MS=$(( (e - s) / 1000000 ))
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }

load() { cut -d' ' -f1 /proc/loadavg; }
