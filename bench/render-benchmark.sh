#!/usr/bin/env bash
# Prints one Markdown table: each pgaks command as a whole process against a trivial JVM program, the median wall and
# CPU time of RUNS runs (interleaved: run 1 of every command, then run 2, ..., so a load that comes and goes hits all
# rows alike) and the peak resident memory; the latency of `render --watch` from a saved change to the written tree;
# and fleets of N Database specs with one Platform spec (100, 1,000, 5,000), rendered and checked in one call.
# Usage: bench/render-benchmark.sh [RUNS] [WATCH_SAVES]   (build first: mvn -B -q package -DskipTests)
#        FLEETS="100 1000" bench/render-benchmark.sh    fleet sizes (default "100 1000 5000"; "" skips them)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
saves=${2:-21}
fleets=${FLEETS-100 1000 5000}
jar=target/pgaks.jar
spec=golden/reference/pgaks.yaml
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

cat > "$work/Trivial.java" <<'EOF'
public class Trivial { public static void main(String[] a) { System.out.println("ok"); } }
EOF
# Starts a watch, saves a change of the spec (a tag value) SAVES times, and prints the median milliseconds from
# each save to the watch's "rendered" line (printed once the tree is written) and the watch's peak RSS in KiB.
cat > "$work/WatchLatency.java" <<'EOF'
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public class WatchLatency {
    public static void main(String[] a) throws Exception {
        Path spec = Path.of(a[0]);
        int saves = Integer.parseInt(a[1]);
        String base = Files.readString(spec);
        Process watch = new ProcessBuilder(Arrays.asList(a).subList(2, a.length)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("watching")) { }
        long[] ms = new long[saves];
        for (int i = 0; i < saves; i++) {
            Thread.sleep(200);
            String text = base.replace("  tags:\n", "  tags:\n    bench: v" + (i % 2) + "\n");
            long saved = System.nanoTime();
            Files.writeString(spec, text);
            while ((line = out.readLine()) != null && !line.startsWith("rendered")) { }
            ms[i] = (System.nanoTime() - saved) / 1_000_000;
        }
        String hwm = Files.readAllLines(Path.of("/proc/" + watch.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).findFirst().orElse("VmHWM: 0 kB").replaceAll("\\D", "");
        new ProcessBuilder("kill", "-INT", String.valueOf(watch.pid())).start().waitFor();
        int exit = watch.waitFor();
        Arrays.sort(ms);
        System.out.println(ms[saves / 2] / 1000.0 + " " + hwm + " " + exit);
    }
}
EOF
javac -d "$work" "$work/Trivial.java" "$work/WatchLatency.java"

labels=(); commands=()
row() { labels+=("$1"); commands+=("$2"); }
row "trivial JVM program" "java -cp $work Trivial"
row "java -jar target/pgaks.jar render (empty dir)" "rm -rf $work/plain; java -jar $jar render $spec -o $work/plain"
row "bin/pgaks render (empty dir)" "rm -rf $work/empty; bin/pgaks render $spec -o $work/empty"
row "bin/pgaks render (over the previous tree)" "bin/pgaks render $spec -o $work/over"
row "bin/pgaks render on one core (taskset -c 0)" "rm -rf $work/one; taskset -c 0 bin/pgaks render $spec -o $work/one"
row "bin/pgaks validate" "bin/pgaks validate $spec"
row "bin/pgaks check (tree up to date)" "bin/pgaks check $spec -o $work/over"

# One untimed run each warms the page cache and lays the tree the "over" and check rows work on.
for c in "${commands[@]}"; do bash -c "$c" >/dev/null 2>&1 || true; done
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do
    /usr/bin/time -f '%e %U %S %M' -o "$work/t" bash -c "${commands[$i]}" >/dev/null 2>"$work/err" \
      || { echo "failed: ${commands[$i]}" >&2; cat "$work/err" >&2; exit 1; }
    cat "$work/t" >> "$work/row$i"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
base=$(cut -d' ' -f1 "$work/row0" | median)
line() {  # label wall cpu rss-KiB
  awk -v l="$1" -v w="$2" -v c="$3" -v r="$4" -v b="$base" \
    'BEGIN { printf "| %s | %.3f s | %s | %.1fx | %.0f MiB |\n", l, w, (c == "" ? "" : sprintf("%.2f s", c)), w / b, r / 1024 }'
}

echo "| command | median wall | median CPU | vs trivial JVM | peak RSS |"
echo "|---|---|---|---|---|"
for i in "${!commands[@]}"; do
  line "${labels[$i]}" "$(cut -d' ' -f1 "$work/row$i" | median)" "$(awk '{print $2 + $3}' "$work/row$i" | median)" \
    "$(cut -d' ' -f4 "$work/row$i" | sort -n | tail -1)"
done

cp "$spec" "$work/watched.yaml"
read -r latency watch_rss watch_exit < <(java -cp "$work" WatchLatency "$work/watched.yaml" "$saves" \
  bin/pgaks render --watch "$work/watched.yaml" -o "$work/watch")
[ "$watch_exit" = 0 ] || echo "note: the watch ended with exit code $watch_exit on Ctrl-C" >&2
awk -v l="$latency" -v r="$watch_rss" -v n="$saves" \
  'BEGIN { printf "| bin/pgaks render --watch: save to written (median of %d saves) | %.3f s | | | %.0f MiB |\n", n, l, r / 1024 }'

# A fleet per the fleet design: one Platform spec and N Database specs on it, in one directory.
fleet() {
  local n=$1 dir=$work/fleet-$1
  mkdir -p "$dir/platform" "$dir/databases"
  printf 'apiVersion: pgaks.dev/v1\nkind: Platform\nmetadata:\n  name: prod\n  environment: prod\nazure:\n  location: eastus2\naks:\n  apiServerAccess: public\n' \
    > "$dir/platform/prod.yaml"
  for i in $(seq -w 1 "$n"); do
    printf 'apiVersion: pgaks.dev/v1\nkind: Database\nmetadata:\n  name: db%s\nplatform:\n  spec: ../platform/prod.yaml\n' "$i" \
      > "$dir/databases/db$i.yaml"
  done
  echo "$dir"
}
for n in $fleets; do
  dir=$(fleet "$n")
  for verb in render check; do
    code=0
    /usr/bin/time -f '%e %U %S %M' -o "$work/t" bin/pgaks "$verb" "$dir" -o "$work/fleet-out-$n" >/dev/null 2>"$work/err" || code=$?
    if [ "$code" -le 1 ]; then
      read -r wall user sys rss < <(tail -1 "$work/t")
      line "fleet $n: bin/pgaks $verb DIR -o OUT" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$rss"
    else
      echo "fleet $n, $verb: exit $code: $(grep -v '^Command exited' "$work/err" | head -1)" >&2
      echo "| fleet $n: bin/pgaks $verb DIR -o OUT | failed: exit $code | | | |"
    fi
  done
done

echo
echo "$runs interleaved runs per row; $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))," \
  "$(free -g | awk '/^Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1);" \
  "load average (1, 5, 15 min) $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $(date -u +%Y-%m-%d)"
