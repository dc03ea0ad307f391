#!/usr/bin/env bash
# make demo: a local control plane, the shop sample, a production profile and the operator; shows
# `kubectl get envprofile` going from the dev parity to the promoted one, then stops everything.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
w=$root/operator/target/demo-cluster
jar=$root/operator/target/envprofile.jar
ENVPROFILE_PROVISIONER=1 "$here/up.sh" "$w" >/dev/null
op=""
cleanup() { [ -n "$op" ] && kill "$op" 2>/dev/null; "$here/down.sh" "$w"; }
trap cleanup EXIT
k() { "$w/kubectl" --kubeconfig="$w/kubeconfig" "$@"; }
k apply -f "$root/crds/" >/dev/null
k create namespace shop >/dev/null
k label namespace shop envprofile.dev/enabled=true >/dev/null   # namespaces are opt-in
# The revert logs live in the operator's namespace (default envprofile-system; the chart creates it).
k get namespace envprofile-system >/dev/null 2>&1 || k create namespace envprofile-system >/dev/null
k apply -f "$root/samples/shop/manifests/" >/dev/null
echo "== the shop sample, as developers run it:"
k -n shop get deploy,cm,svc
# The chart's default policy, widened to this test cluster's storage class (docs/security.md).
cat > "$w/demo-policy.yaml" <<'POLICY'
secretStores: [{kind: SecretStore, name: "*"}]
remoteKeyPrefix: "{namespace}/"
clusterIssuers: [letsencrypt-prod]
namespacedIssuers: true
storageClasses: [envprofile-test]
egressCIDRs: []
peerNamespaces: [ingress-nginx, monitoring]
POLICY
KUBECONFIG="$w/operator.kubeconfig" java -jar "$jar" run --no-leader-election --http-port=0 --policy="$w/demo-policy.yaml" > "$w/operator.log" 2>&1 &
op=$!
sleep 5
echo; echo "== apply a production profile (storage class of this test cluster):"
sed 's/storageClassName: fast-ssd/storageClassName: envprofile-test/' "$root/samples/shop/profiles/production-secret.yaml" | k apply -f -
for i in $(seq 1 40); do
  echo; k -n shop get envprofile
  phase=$(k -n shop get envprofile shop -o jsonpath='{.status.phase}' 2>/dev/null || true)
  [ "$phase" = Promoted ] && break
  sleep 3
done
echo; echo "== the promoted namespace:"
k -n shop get deploy,sts,pvc,secret,networkpolicy,pdb
echo; echo "== conditions:"
k -n shop get envprofile shop -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
