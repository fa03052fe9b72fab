#!/usr/bin/env bash
# Times the whole process `java -jar target/pgaks.jar render golden/reference/pgaks.yaml` against a trivial JVM
# program in the same run, and prints the ratio of median wall times and the peak resident memory of each.
# Usage: bench/render-benchmark.sh [RUNS]   (build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
jar=target/pgaks.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf 'public class Trivial { public static void main(String[] a) { System.out.println("ok"); } }\n' > "$work/Trivial.java"
javac -d "$work" "$work/Trivial.java"


# One sample: wall seconds and peak RSS in KiB, from GNU time.
sample() {
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/t"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() {
  local label=$1; shift
  "$@" >/dev/null 2>&1 || true   # warm the page cache
  : > "$work/$label"
  for _ in $(seq "$runs"); do sample "$@" >> "$work/$label"; done
}

measure trivial java -cp "$work" Trivial
measure plain java -jar "$jar" render golden/reference/pgaks.yaml -o "$work/out" --force
# bin/pgaks: the same jar with the AppCDS archive from `mvn package`, C1 only and the serial collector.
measure launcher bin/pgaks render golden/reference/pgaks.yaml -o "$work/out" --force

report() {
  local label=$1
  local wall rss base
  wall=$(cut -d' ' -f1 "$work/$label" | median)
  rss=$(cut -d' ' -f2 "$work/$label" | sort -n | tail -1)
  base=$(cut -d' ' -f1 "$work/trivial" | median)
  awk -v l="$label" -v w="$wall" -v b="$base" -v r="$rss" \
    'BEGIN { printf "%-26s median %6.3f s  ratio %5.1fx  peak RSS %6.1f MiB\n", l, w, w / b, r / 1024 }'
}

echo "runs per command: $runs ($(nproc) cores, $(java -version 2>&1 | head -1))"
report trivial
report plain
report launcher
echo "targets: ratio <= 3.0x, peak RSS <= 128 MiB"
