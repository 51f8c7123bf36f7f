#!/usr/bin/env bash
# Benchmark of `apigen diff` on the two largest docs sets (v1.4/v2-beta → v1.6/v2-beta): release build,
# RUNS runs (default 5), prints each wall time and the median. Reads the corpus from $APIGEN_CORPUS (scripts/fetch-corpus), else ../shared/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${APIGEN_CORPUS:-../shared/corpus}/rancher"
runs="${RUNS:-5}"
# Two builds must never run at once on this machine: share the lock the other scripts use.
flock /tmp/apigen-swift.lock swift build -c release >&2
binary="$(swift build -c release --show-bin-path)/apigen"
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$binary" diff "$corpus/v1.4/en/api/v2-beta" "$corpus/v1.6/en/api/v2-beta" --format json >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
done
printf 'run: %ss\n' "${times[@]}"
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
printf 'median of %d runs: %.3fs (apigen diff v1.4/v2-beta v1.6/v2-beta, release)\n' "$runs" "$median"
