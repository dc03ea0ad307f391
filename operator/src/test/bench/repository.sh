#!/usr/bin/env bash
# A GitOps repository in one run: `envprofile audit` over one file of many namespaces, one profile
# that names no namespace (so it applies to each), against kube-score on the same file, with
# hyperfine (JVM start included). Writes operator/target/bench/repository.tsv (namespaces, objects,
# tool, mean and stddev in seconds, CPU seconds (user + system), runs, load average before and
# after: the machine is shared, and under load the wall time follows the CPU time). RUNS (default 5).
# Usage: repository.sh <test classpath> [namespaces] [objects]   (default 400 namespaces, 10000 objects)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
cp=$1
namespaces=${2:-400}
objects=${3:-10000}
runs=${RUNS:-5}
out=${BENCH_OUT:-$root/operator/target/bench}  # BENCH_OUT: elsewhere (the smoke test)
launcher=$root/bin/envprofile
command -v hyperfine >/dev/null || { echo "repository: hyperfine is required (Debian package hyperfine)" >&2; exit 2; }
mkdir -p "$out"
read -r _ count file < <(java -cp "$cp" dev.envprofile.bench.GenerateNamespaces --repository "$out" "$namespaces" "$objects")
cat > "$out/repository-profile.yaml" <<'EOP'
apiVersion: envprofile.dev/v1alpha1
kind: EnvironmentProfile
metadata: {name: repository}
spec: {tier: production, secrets: {provider: Secret}}
EOP
cmds=(-n "envprofile audit" "$launcher audit --profile $out/repository-profile.yaml -f $file -o json")
kube_score=$("$here/peers.sh" | awk '$1 == "kube-score" && $2 != "unavailable:" {print $2}')
if [ -n "$kube_score" ]; then cmds+=(-n "kube-score score" "$kube_score score $file"); else echo "# kube-score unavailable"; fi
before=$(cut -d' ' -f1 /proc/loadavg)
# -i: kube-score exits 1 when it has findings
hyperfine -N -i --style basic --warmup 1 --runs "$runs" --export-csv "$out/hyperfine-repository.csv" "${cmds[@]}"
after=$(cut -d' ' -f1 /proc/loadavg)
tsv=$out/repository.tsv
printf 'namespaces\tobjects\ttool\tmean_s\tstddev_s\tcpu_s\truns\tload_before\tload_after\n' > "$tsv"
# hyperfine's CSV: command, mean, stddev, median, user, system, min, max
tail -n +2 "$out/hyperfine-repository.csv" | awk -F, -v n="$namespaces" -v o="$count" -v r="$runs" -v b="$before" -v a="$after" \
  '{printf "%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%s\t%s\t%s\n", n, o, $1, $2, ($3 == "" ? 0 : $3), $5 + $6, r, b, a}' >> "$tsv"
column -t -s $'\t' "$tsv"
