#!/usr/bin/env bash
# Offline comparison: `envprofile audit` against the peer tools on the same generated dev
# namespaces, in one hyperfine run per size, JVM start included. Writes
# operator/target/bench/compare.tsv (size, objects, tool, mean and stddev in seconds, runs) and
# plots it (performance.png, time against object count, log scales) when gnuplot is installed.
# Usage: compare.sh <test classpath> [sizes...]   (default sizes: 1000 10000 100000)
# KUBE_SCORE_TIMEOUT (seconds, default 1800) bounds a peer's single run at the largest sizes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
cp=$1
shift
sizes=${*:-1000 10000 100000}
out=$root/operator/target/bench
jar=$root/operator/target/envprofile.jar
launcher=$root/bin/envprofile
timeout_s=${KUBE_SCORE_TIMEOUT:-1800}
command -v hyperfine >/dev/null || { echo "compare: hyperfine is required (Debian package hyperfine)" >&2; exit 2; }
mkdir -p "$out"
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

tsv=$out/compare.tsv
printf 'size\tobjects\ttool\tmean_s\tstddev_s\truns\n' > "$tsv"
for n in $sizes; do
  f=$out/namespace-$n.yaml
  objects=$(awk -v s="$n" '$1 == s {print $2}' "$out/sizes.tsv")
  audit="audit --profile $out/profile.yaml -f $f -o json"
  # Three runs after a warm-up; one at the largest sizes, where a run takes tens of seconds and
  # kube-score's single run is bounded by the timeout instead of run by hyperfine.
  large=$([ "$n" -ge 50000 ] && echo yes || true)
  if [ -n "$large" ]; then runs=(--runs 1); else runs=(--warmup 1 --runs 3); fi
  cmds=(-n "envprofile audit" "$launcher $audit" -n "envprofile audit (java -jar)" "java -jar $jar $audit")
  slow=
  if [ -n "${peer[kube-score]:-}" ]; then
    if [ -n "$large" ]; then slow="${peer[kube-score]} score $f"; else cmds+=(-n "kube-score score" "${peer[kube-score]} score $f"); fi
  fi
  hyperfine -N -i --style basic "${runs[@]}" --export-csv "$out/hyperfine-$n.csv" --export-json "$out/hyperfine-$n.json" "${cmds[@]}"
  tail -n +2 "$out/hyperfine-$n.csv" | awk -F, -v s="$n" -v o="$objects" -v r="${runs[-1]}" \
    '{printf "%s\t%s\t%s\t%.3f\t%.3f\t%s\n", s, o, $1, $2, ($3 == "" ? 0 : $3), r}' >> "$tsv"
  if [ -n "$slow" ]; then
    # kube-score grows faster than linearly: one run, bounded; a timeout is reported as such.
    t0=$(date +%s%N)
    rc=0; timeout "$timeout_s" $slow > /dev/null 2>&1 || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" = 124 ]; then runs_note="timeout"; else runs_note=1; fi
    printf '%s\t%s\tkube-score score\t%.3f\t0\t%s\n' "$n" "$objects" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b - a) / 1e9}')" "$runs_note" >> "$tsv"
  fi
done
column -t -s $'\t' "$tsv"
if command -v gnuplot >/dev/null; then
  gnuplot -e "data='$tsv'; out='$out/performance.png'" "$here/plot.gp" && echo "plot: $out/performance.png"
fi
