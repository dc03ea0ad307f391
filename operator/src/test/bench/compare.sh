#!/usr/bin/env bash
# Offline comparison: `envprofile audit` against the peer tools (kube-score, Polaris) on the same
# generated dev namespaces, in one hyperfine run per size, process start included. Writes
# operator/target/bench/compare.tsv (size, objects, tool, mean and stddev in seconds, runs, CPU
# seconds (user + system), load average before and after: the machine is shared, and under load
# the wall time follows the CPU time) and plots it (performance.png, time against object count,
# log scales) when gnuplot is installed.
# Usage: compare.sh <test classpath> [sizes...]   (default sizes: 100 1000 10000 100000)
# RUNS (default 5) runs after a warm-up up to 10,000 objects; one run from 50,000 on, where a
# peer's single run is bounded by PEER_TIMEOUT (seconds, default 1800).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
cp=$1
shift
sizes=${*:-100 1000 10000 100000}
out=${BENCH_OUT:-$root/operator/target/bench}  # BENCH_OUT: elsewhere (the smoke test)
jar=$root/operator/target/envprofile.jar
jsa=$root/operator/target/envprofile.jsa
launcher=$root/bin/envprofile
timeout_s=${PEER_TIMEOUT:-${KUBE_SCORE_TIMEOUT:-1800}}
command -v hyperfine >/dev/null || { echo "compare: hyperfine is required (Debian package hyperfine)" >&2; exit 2; }
mkdir -p "$out"
rm -f "$out"/*.unavailable
java -cp "$cp" dev.envprofile.bench.GenerateNamespaces "$out" $sizes > "$out/sizes.tsv"
cat > "$out/profile.yaml" <<'EOP'
apiVersion: envprofile.dev/v1alpha1
kind: EnvironmentProfile
metadata: {name: bench, namespace: bench}
spec: {tier: production, secrets: {provider: Secret}}
EOP
declare -A peer
while read -r tool path rest; do
  if [ "$path" = unavailable: ]; then echo "# $tool unavailable: $rest" | tee "$out/$tool.unavailable"; else peer[$tool]=$path; fi
done < <("$here/peers.sh")
# JDK 25's AOT cache (JEP 483/514/515), measured beside the launcher when a JDK 25 is installed:
# trained like the launcher's class-data archive (one promote of the shop sample, the launcher's flags).
java25=${JAVA25-$(ls -d /usr/lib/jvm/temurin-25-jdk*/bin/java /usr/lib/jvm/java-25-openjdk*/bin/java 2>/dev/null | head -1 || true)}
aot=$out/envprofile.aot
if [ -n "$java25" ] && { [ ! -f "$aot" ] || [ "$jar" -nt "$aot" ]; }; then
  rm -f "$aot"
  (cd "$root" && "$java25" -XX:AOTCacheOutput="$aot" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xlog:disable -jar "$jar" \
    promote --profile samples/shop/profiles/production-secret.yaml -f samples/shop/manifests --report /dev/null > /dev/null 2>&1) || rm -f "$aot"
fi

tsv=$out/compare.tsv
printf 'size\tobjects\ttool\tmean_s\tstddev_s\truns\tcpu_s\tload_before\tload_after\n' > "$tsv"
for n in $sizes; do
  f=$out/namespace-$n.yaml
  objects=$(awk -v s="$n" '$1 == s {print $2}' "$out/sizes.tsv")
  audit="audit --profile $out/profile.yaml -f $f -o json"
  large=$([ "$n" -ge 50000 ] && echo yes || true)
  if [ -n "$large" ]; then runs=(--runs 1); else runs=(--warmup 1 --runs "${RUNS:-5}"); fi
  cmds=(-n "envprofile audit" "$launcher $audit")
  if [ -f "$aot" ]; then
    cmds+=(-n "envprofile audit (JDK 25 + AOT cache)" "$java25 -XX:AOTCache=$aot -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xlog:disable -jar $jar $audit")
  fi
  cmds+=(-n "envprofile audit (java -jar)" "java -jar $jar $audit")
  slow=()
  # A peer's run at the largest sizes takes minutes (kube-score grows faster than linearly): one
  # run each, bounded by the timeout, outside hyperfine.
  [ -n "${peer[kube-score]:-}" ] && { if [ -n "$large" ]; then slow+=("kube-score score|${peer[kube-score]} score $f"); else cmds+=(-n "kube-score score" "${peer[kube-score]} score $f"); fi; }
  [ -n "${peer[polaris]:-}" ] && { if [ -n "$large" ]; then slow+=("polaris audit|${peer[polaris]} audit --audit-path $f --format json"); else cmds+=(-n "polaris audit" "${peer[polaris]} audit --audit-path $f --format json"); fi; }
  before=$(cut -d' ' -f1 /proc/loadavg)
  # -i: kube-score exits 1 when it has findings
  hyperfine -N -i --style basic "${runs[@]}" --export-csv "$out/hyperfine-$n.csv" --export-json "$out/hyperfine-$n.json" "${cmds[@]}"
  after=$(cut -d' ' -f1 /proc/loadavg)
  # hyperfine's CSV: command, mean, stddev, median, user, system, min, max
  tail -n +2 "$out/hyperfine-$n.csv" | awk -F, -v s="$n" -v o="$objects" -v r="${runs[-1]}" -v b="$before" -v a="$after" \
    '{printf "%s\t%s\t%s\t%.3f\t%.3f\t%s\t%.3f\t%s\t%s\n", s, o, $1, $2, ($3 == "" ? 0 : $3), r, $5 + $6, b, a}' >> "$tsv"
  for entry in "${slow[@]}"; do
    name=${entry%%|*}; cmd=${entry#*|}
    before=$(cut -d' ' -f1 /proc/loadavg)
    t0=$(date +%s%N)
    rc=0; ticks0=$(awk '{print $16 + $17}' /proc/$$/stat)
    timeout "$timeout_s" $cmd > /dev/null 2>&1 || rc=$?
    t1=$(date +%s%N)
    # CPU of the finished run: this shell's waited-for children's user + system, in clock ticks.
    cpu=$(awk -v t0="$ticks0" -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($16 + $17 - t0) / hz}' /proc/$$/stat)
    after=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$rc" = 124 ]; then note="timeout"; else note=1; fi
    printf '%s\t%s\t%s\t%.3f\t0\t%s\t%s\t%s\t%s\n' "$n" "$objects" "$name" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b - a) / 1e9}')" "$note" "$cpu" "$before" "$after" >> "$tsv"
  done
done
column -t -s $'\t' "$tsv"
# A line needs two sizes (the smoke test measures one); without gnuplot the table is still written.
if command -v gnuplot >/dev/null && [ "$(echo $sizes | wc -w)" -ge 2 ]; then
  gnuplot -e "data='$tsv'; out='$out/performance.png'" "$here/plot.gp" && echo "plot: $out/performance.png"
fi
