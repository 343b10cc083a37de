#!/usr/bin/env bash
# What recipe constants cost at start-up, side by side in one run (ADR 0007):
#   1. cold `relengine validate` and `relengine plan` of recipes/rocky9.groovy through the launcher, before
#      (REVISION: relengine and rocky9.groovy as they were before constants, built in a temporary git
#      worktree) and after (this checkout, whose rocky9.groovy uses constants), runs interleaved round by round;
#   2. in one cold JVM with the launcher's flags, loading rocky9.groovy as relengine does, then evaluating its
#      `def` lines with GroovyShell behind a SecureASTCustomizer (bench/ConstantsBench.java): the cost of
#      the alternative the ADR turned down.
#
#   bench/constants.sh [ROUNDS] [REVISION]    (default 9 rounds; REVISION default be1b136, the last commit
#                                              before constants)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
rounds=${1:-9}
revision=${2:-be1b136}

before=$(mktemp -d /tmp/relengine-before.XXXXXX)
classes=$(mktemp -d /tmp/relengine-constants-bench.XXXXXX)
cleanup() { git worktree remove --force "$before" 2>/dev/null || rm -rf "$before"; rm -rf "$classes"; }
trap cleanup EXIT
git worktree add -q --detach "$before" "$revision"
echo "building $revision in $before (once)…"
(cd "$before" && ./relengine --version >/dev/null)
# the first run of each launcher trains its class archive; the second warms the page cache
for i in 1 2; do
  "$before/relengine" validate "$before/recipes/rocky9.groovy" >/dev/null
  ./relengine validate recipes/rocky9.groovy >/dev/null
  "$before/relengine" plan "$before/recipes/rocky9.groovy" --format json >/dev/null || true
  ./relengine plan recipes/rocky9.groovy --format json >/dev/null || true
done

vb=(); va=(); pb=(); pa=()
echo
echo "== 1: cold validate and plan of rocky9.groovy, $revision (before) and this checkout (after), $rounds rounds"
for ((i = 1; i <= rounds; i++)); do
  time_ms "$before/relengine" validate "$before/recipes/rocky9.groovy"; vb+=("$MS"); line="validate $MS"
  time_ms ./relengine validate recipes/rocky9.groovy; va+=("$MS"); line+=" → $MS ms"
  time_ms "$before/relengine" plan "$before/recipes/rocky9.groovy" --format json; pb+=("$MS"); line+=", plan $MS"
  time_ms ./relengine plan recipes/rocky9.groovy --format json; pa+=("$MS"); line+=" → $MS ms"
  echo "  round $i: $line (load $(load))"
done

echo
echo "== 2: one cold JVM (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC): load rocky9.groovy, then GroovyShell, $rounds rounds"
javac -nowarn -d "$classes" -cp runtime/target/relengine.jar bench/ConstantsBench.java 2>/dev/null
loads=(); shells=()
for ((i = 1; i <= rounds; i++)); do
  out=$(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "runtime/target/relengine.jar:$classes" ConstantsBench \
        groovyshell recipes/rocky9.groovy)
  echo "  round $i: $out"
  loads+=("$(sed -E 's/.*load ([0-9]+) ms.*/\1/' <<< "$out")")
  shells+=("$(sed -E 's/.*groovyshell ([0-9]+) ms.*/\1/' <<< "$out")")
done

vbm=$(median "${vb[@]}"); vam=$(median "${va[@]}"); pbm=$(median "${pb[@]}"); pam=$(median "${pa[@]}")
lm=$(median "${loads[@]}"); sm=$(median "${shells[@]}")
echo
echo "| command | before ($revision) | after | after / before |"
echo "|---|---:|---:|---:|"
echo "| \`./relengine validate recipes/rocky9.groovy\` | $vbm ms | $vam ms | $(ratio "$vam" "$vbm") |"
echo "| \`./relengine plan recipes/rocky9.groovy --format json\` | $pbm ms | $pam ms | $(ratio "$pam" "$pbm") |"
echo
echo "| in one cold JVM | median |"
echo "|---|---:|"
echo "| load rocky9.groovy (read, resolve constants, build, validate) | $lm ms |"
echo "| then evaluate its \`def\` lines with GroovyShell + SecureASTCustomizer | $sm ms ($(ratio "$sm" "$lm") × the load) |"
echo
echo "medians of $rounds rounds; $(nproc) cores, load $(load) at the end"
