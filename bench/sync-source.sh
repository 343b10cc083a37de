#!/usr/bin/env bash
# Makes (once, cached) the source the SYNC benchmarks mirror: 12 yum trees, BaseOS, AppStream and CRB on
# x86_64, aarch64, ppc64le and s390x, each of PER_TREE small real RPMs in the hashed layout
# (DIR/<repo>/<arch>/Packages/b/bench-<repo>-NNNN-1.0-1.<arch>.rpm) with createrepo_c's metadata.
# One spec per repo (a main package and PER_TREE - 1 subpackages, each owning one tiny file), one
# `rpmbuild -bb --target ARCH` per repo and arch, the builds run two at a time.
#   bench/sync-source.sh [DIR]    (default: $BENCH_SOURCE, or /tmp/relengine-bench-source, with -PER_TREE
#                                  appended when PER_TREE is not 166)
#   PER_TREE: $BENCH_SYNC_PACKAGES, default 166 (1,992 packages in all)
# Prints the directory. DIR/.complete holds the package count per tree; another count remakes the source.
set -euo pipefail
per_tree=${BENCH_SYNC_PACKAGES:-166}
# the default size has the plain name; another size a directory of its own, so that a smoke run keeps the cache
default=/tmp/relengine-bench-source
[[ $per_tree == 166 ]] || default=$default-$per_tree
dir=${1:-${BENCH_SOURCE:-$default}}
repos=(BaseOS AppStream CRB)
arches=(x86_64 aarch64 ppc64le s390x)

if [[ -f $dir/.complete && $(cat "$dir/.complete") == "$per_tree" ]]; then
  echo "$dir"
  exit 0
fi
for tool in rpmbuild createrepo_c; do
  command -v "$tool" >/dev/null || { echo "sync-source: needs $tool" >&2; exit 1; }
done
(( per_tree >= 1 )) || { echo "sync-source: BENCH_SYNC_PACKAGES must be at least 1" >&2; exit 1; }
echo "sync-source: building ${#repos[@]} × ${#arches[@]} trees of $per_tree packages under $dir…" >&2
rm -rf "$dir"
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for repo in "${repos[@]}"; do
  lower=${repo,,}
  spec="$work/bench-$lower.spec"
  {
    cat <<EOF
%global debug_package %{nil}
%global __os_install_post %{nil}
%global _build_id_links none
Name: bench-$lower
Version: 1.0
Release: 1
Summary: relengine sync benchmark package
License: MIT

%description
A package of relengine's sync benchmark.

%install
mkdir -p %{buildroot}/usr/share/bench-$lower
for i in \$(seq 0 $((per_tree - 1))); do
  n=\$(printf '%%04d' "\$i")
  echo "\$n %{_target_cpu}" > %{buildroot}/usr/share/bench-$lower/\$n
done

%files
/usr/share/bench-$lower/0000
EOF
    for ((i = 1; i < per_tree; i++)); do
      n=$(printf '%04d' "$i")
      printf '\n%%package -n bench-%s-%s\nSummary: relengine sync benchmark package %s\n' "$lower" "$n" "$n"
      printf '%%description -n bench-%s-%s\nPackage %s of the sync benchmark.\n' "$lower" "$n" "$n"
      printf '%%files -n bench-%s-%s\n/usr/share/bench-%s/%s\n' "$lower" "$n" "$lower" "$n"
    done
  } > "$spec"
done

build() {
  local repo=$1 arch=$2 lower=${1,,}
  local top="$work/top-$repo-$arch"
  mkdir -p "$top"
  rpmbuild -bb --quiet --target "$arch" --define "_topdir $top" --define "_rpmdir $top/RPMS" \
    "$work/bench-$lower.spec" >"$top.log" 2>&1 || { cat "$top.log" >&2; return 1; }
  local tree="$dir/$repo/$arch"
  mkdir -p "$tree/Packages/b"
  find "$top/RPMS" -name '*.rpm' -exec mv -t "$tree/Packages/b" {} +
  createrepo_c --quiet "$tree" >/dev/null
  local count
  count=$(find "$tree/Packages" -name '*.rpm' | wc -l)
  [[ $count -eq $per_tree ]] || { echo "sync-source: $repo/$arch has $count packages, not $per_tree" >&2; return 1; }
}

pids=()
for repo in "${repos[@]}"; do
  for arch in "${arches[@]}"; do
    build "$repo" "$arch" &
    pids+=($!)
    if (( ${#pids[@]} >= 2 )); then
      wait "${pids[0]}"
      pids=("${pids[@]:1}")
    fi
  done
done
for pid in "${pids[@]}"; do wait "$pid"; done
echo "$per_tree" > "$dir/.complete"
echo "$dir"
