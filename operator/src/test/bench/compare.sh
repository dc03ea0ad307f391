#!/usr/bin/env bash
# Offline comparison: `envprofile audit` against the peer tools on the same generated dev
# namespaces, JVM start included. Uses hyperfine when it is installed (Debian package hyperfine),
# else repeats each command and prints the mean. Usage: compare.sh <jar> <classpath> [sizes...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
jar=$1
cp=$2
shift 2
sizes=${*:-1000 10000}
out=$root/operator/target/bench
mkdir -p "$out"
java -cp "$cp" dev.envprofile.bench.GenerateNamespaces "$out" $sizes >/dev/null
cat > "$out/profile.yaml" <<'EOP'
apiVersion: envprofile.dev/v1alpha1
kind: EnvironmentProfile
metadata: {name: bench, namespace: bench}
spec: {tier: production, secrets: {provider: Secret}}
EOP
declare -A peer
while read -r tool path rest; do
  if [ "$path" = unavailable: ]; then echo "# $tool unavailable: $rest"; else peer[$tool]=$path; fi
done < <("$here/peers.sh")

mean() { # runs "$@" 3 times (after one warm-up), prints the mean in ms
  "$@" >/dev/null 2>&1 || true
  local t0 t1 total=0
  for _ in 1 2 3; do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    total=$((total + (t1 - t0) / 1000000))
  done
  echo $((total / 3))
}

printf '%-10s %-22s %10s %12s\n' objects tool ms objects/s
for n in $sizes; do
  f=$out/namespace-$n.yaml
  objects=$(grep -c '^kind:' "$f")
  if command -v hyperfine >/dev/null; then
    cmds=("java -jar $jar audit --profile $out/profile.yaml -f $f -o json")
    [ -n "${peer[kube-score]:-}" ] && cmds+=("${peer[kube-score]} score $f")
    hyperfine -N -i --warmup 1 --runs 3 --export-json "$out/hyperfine-$n.json" "${cmds[@]}" >/dev/null
  fi
  ms=$(mean java -jar "$jar" audit --profile "$out/profile.yaml" -f "$f" -o json)
  printf '%-10s %-22s %10s %12s\n' "$objects" "envprofile audit" "$ms" $((objects * 1000 / (ms > 0 ? ms : 1)))
  if [ -n "${peer[kube-score]:-}" ]; then
    ms=$(mean "${peer[kube-score]}" score "$f")
    printf '%-10s %-22s %10s %12s\n' "$objects" "kube-score score" "$ms" $((objects * 1000 / (ms > 0 ? ms : 1)))
  fi
done
