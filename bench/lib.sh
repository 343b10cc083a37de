# Functions the benchmark scripts share; sourced, not run.
#   median N…        the median of its arguments (the lower middle one of an even count)
#   time_ms CMD…     runs CMD (a program or a shell function) in this shell, stdout discarded, stderr to the
#                    file $TIME_LOG (default /dev/null), emptied first; sets MS to its wall time in
#                    milliseconds, CPU_MS to the CPU time (user + system) of the processes it started and
#                    waited for, and STATUS to its exit status; always returns 0
#                    and DROPS to the connections the kernel dropped meanwhile because a listen queue was full
#                    (TcpExt ListenOverflows, machine-wide: each costs its client a SYN retransmission, 1 s)
#   ratio A B        A / B with two decimals ("-" when B is 0)
#   load             the 1-minute load average
#   filesystem DIR   DIR's file system type and device, and for ext4 whether it keeps a journal

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# sets _CPU to the CPU time, in ms, of this shell's waited-for children so far: the second line of `times`,
# which must run in this shell, not in a subshell
_children_cpu() {
  local f=${TMPDIR:-/tmp}/.bench-times.$$
  times > "$f"
  _CPU=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }
                        printf "%d", t * 1000 }' "$f")
  rm -f "$f"
}

# the kernel's count of connections dropped on a full listen queue, machine-wide
listen_drops() {
  awk '/^TcpExt:/ { if (!h) { split($0, k); h = 1 } else { for (i = 2; i <= NF; i++) if (k[i] == "ListenOverflows") print $i } }' \
    /proc/net/netstat 2>/dev/null || echo 0
}

time_ms() {
  local s e c0 d0
  STATUS=0
  d0=$(listen_drops)
  _children_cpu; c0=$_CPU
  s=$(date +%s%N)
  "$@" >/dev/null 2>"${TIME_LOG:-/dev/null}" || STATUS=$?
  e=$(date +%s%N)
  _children_cpu
  MS=$(( (e - s) / 1000000 ))
  CPU_MS=$(( _CPU - c0 ))
  DROPS=$(( $(listen_drops) - d0 ))
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }

load() { cut -d' ' -f1 /proc/loadavg; }

filesystem() {
  local type source
  type=$(df --output=fstype "$1" | tail -n 1 | tr -d ' ')
  source=$(df --output=source "$1" | tail -n 1 | tr -d ' ')
  if [[ $type == ext4 ]]; then
    if compgen -G "/proc/fs/jbd2/$(basename "$source")-*" >/dev/null; then type="ext4 with a journal"
    else type="ext4 without a journal"; fi
  fi
  echo "$type on $source"
}
