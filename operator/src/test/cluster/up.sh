#!/usr/bin/env bash
# Starts a test control plane on 127.0.0.1: etcd, kube-apiserver (RBAC, audit log), controller
# manager, scheduler and kwok (fake nodes: pods become Running and Ready). Ports are picked free,
# so that runs never clash. Writes $ENVPROFILE_CLUSTER_DIR/{kubeconfig,audit.log,logs/,*.pid}.
# Prints the kubeconfig's path on stdout (make cluster-up turns it into the export lines).
# Usage: up.sh [cluster-dir]   (default operator/target/cluster)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/versions.env"
arch=$(go env GOARCH 2>/dev/null || echo amd64)
bin=${ENVPROFILE_K8S_BIN:-${ENVPROFILE_CACHE:-$HOME/.cache/envprofile}/k8s/${K8S_VERSION#v}-linux-$arch}
w=${1:-${ENVPROFILE_CLUSTER_DIR:-$here/../../../target/cluster}}
for b in etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok; do
  [ -x "$bin/$b" ] || { echo "cluster-up: $bin/$b is missing: run 'make cluster-bins' first" >&2; exit 2; }
done
mkdir -p "$w"
w=$(cd "$w" && pwd)
if [ -f "$w/kube-apiserver.pid" ] && kill -0 "$(cat "$w/kube-apiserver.pid")" 2>/dev/null; then
  echo "cluster-up: already running" >&2; echo "$w/kubeconfig"; exit 0
fi
rm -rf "$w/etcd" "$w/logs" "$w/pki"; mkdir -p "$w/pki" "$w/logs" "$w/etcd"
p=$w/pki

# Ports come from below the kernel's ephemeral range: a port chosen there can be taken by any
# outgoing connection (the API server's own to etcd) before the component binds it.
ephemeral_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
[ "$ephemeral_low" -gt 21000 ] 2>/dev/null || ephemeral_low=32768
free_port() {
  local port
  while :; do
    port=$(( (RANDOM << 1 | RANDOM & 1) % (ephemeral_low - 20000) + 20000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && ! grep -qx "$port" "$w/ports" 2>/dev/null; then
      echo "$port" >> "$w/ports"; echo "$port"; return
    fi
  done
}
rm -f "$w/ports"
etcd_port=$(free_port); peer_port=$(free_port); api_port=$(free_port)

openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=envprofile-test-ca" \
  -keyout "$p/ca.key" -out "$p/ca.crt" 2>/dev/null
# One client identity per component, so that the audit log tells the tests' writes from the
# controllers' (all in system:masters: this is a throwaway cluster).
cert() { # name CN
  openssl req -new -newkey rsa:2048 -nodes -subj "/O=system:masters/CN=$2" -keyout "$p/$1.key" -out "$p/$1.csr" 2>/dev/null
  openssl x509 -req -sha256 -days 3650 -in "$p/$1.csr" -CA "$p/ca.crt" -CAkey "$p/ca.key" -CAcreateserial \
    -extfile "$p/admin.ext" -out "$p/$1.crt" 2>/dev/null
}
printf '%s\n' basicConstraints=CA:FALSE keyUsage=critical,digitalSignature,keyEncipherment \
  extendedKeyUsage=serverAuth,clientAuth \
  'subjectAltName=DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:127.0.0.1,IP:10.96.0.1' \
  > "$p/admin.ext"
cert admin envprofile-admin
cert kcm system:kube-controller-manager
cert scheduler system:kube-scheduler
cert kwok kwok-controller
cert operator envprofile-operator
openssl genrsa -out "$p/sa.key" 2048 2>/dev/null
openssl rsa -in "$p/sa.key" -pubout -out "$p/sa.pub" 2>/dev/null
kubeconfig() { # file cert
  cat > "$1" <<EOK
apiVersion: v1
kind: Config
clusters: [{name: envprofile-it, cluster: {server: "https://127.0.0.1:$api_port", certificate-authority: "$p/ca.crt"}}]
users: [{name: $2, user: {client-certificate: "$p/$2.crt", client-key: "$p/$2.key"}}]
contexts: [{name: envprofile-it, context: {cluster: envprofile-it, user: $2}}]
current-context: envprofile-it
EOK
}
kubeconfig "$w/kubeconfig" admin
kubeconfig "$w/operator.kubeconfig" operator   # the operator under test runs as envprofile-operator
for c in kcm scheduler kwok; do kubeconfig "$p/$c.kubeconfig" $c; done
# Writes of everyone and every request of the operator (its Lease renewals aside), at Metadata
# level: tests count what the operator wrote, by user and verb; the scale benchmark counts its reads.
# The log is never rotated (the API server rotates at 100 MB by default; the scale run writes more).
cat > "$w/audit-policy.yaml" <<'EOA'
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
- level: None
  resources: [{group: coordination.k8s.io, resources: [leases]}]
- level: Metadata
  users: [envprofile-operator, "system:serviceaccount:envprofile-system:envprofile-operator"]
- level: None
  verbs: [get, list, watch]
- level: None
  users: [system:kube-scheduler, system:kube-controller-manager, kwok-controller]
  verbs: [update, patch]
  resources: [{group: "", resources: [nodes, nodes/status, pods/status]}]
- level: Metadata
  verbs: [create, update, patch, delete, deletecollection]
EOA
: > "$w/audit.log"

cd "$w"
# etcd and kube-apiserver start from scripts of their own, so that restart.sh can kill and start
# them again exactly as they were (the reliability tests restart them mid-promotion).
cat > "$w/start-etcd.sh" <<EOS
#!/usr/bin/env bash
cd "$w"
exec "$bin/etcd" --name=node0 --data-dir="$w/etcd" \
  --listen-client-urls="http://127.0.0.1:$etcd_port" --advertise-client-urls="http://127.0.0.1:$etcd_port" \
  --listen-peer-urls="http://127.0.0.1:$peer_port" --initial-advertise-peer-urls="http://127.0.0.1:$peer_port" \
  --initial-cluster="node0=http://127.0.0.1:$peer_port" --unsafe-no-fsync=true --quota-backend-bytes=2147483648 >> "$w/logs/etcd.log" 2>&1
EOS
cat > "$w/start-kube-apiserver.sh" <<EOS
#!/usr/bin/env bash
cd "$w"
exec "$bin/kube-apiserver" --etcd-servers="http://127.0.0.1:$etcd_port" \
  --bind-address=127.0.0.1 --secure-port="$api_port" --advertise-address=127.0.0.1 \
  --tls-cert-file="$p/admin.crt" --tls-private-key-file="$p/admin.key" --client-ca-file="$p/ca.crt" \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$p/sa.pub" --service-account-signing-key-file="$p/sa.key" \
  --service-cluster-ip-range=10.96.0.0/16 --authorization-mode=Node,RBAC --allow-privileged=true \
  --endpoint-reconciler-type=none \
  --audit-policy-file="$w/audit-policy.yaml" --audit-log-path="$w/audit.log" --audit-log-format=json \
  --audit-log-mode=blocking --audit-log-maxsize=100000 >> "$w/logs/kube-apiserver.log" 2>&1
EOS
nohup bash "$w/start-etcd.sh" >/dev/null 2>&1 & echo $! > "$w/etcd.pid"
for i in $(seq 1 60); do
  (exec 3<>/dev/tcp/127.0.0.1/$etcd_port) 2>/dev/null && break; sleep 0.5
done
nohup bash "$w/start-kube-apiserver.sh" >/dev/null 2>&1 & echo $! > "$w/kube-apiserver.pid"
ln -sf "$bin/kubectl" "$w/kubectl"   # tests and people run the matching kubectl from here
[ -x "$bin/helm" ] && ln -sf "$bin/helm" "$w/helm"   # the chart tests render with it
kc() { "$bin/kubectl" --kubeconfig="$w/kubeconfig" "$@"; }
for i in $(seq 1 120); do kc get --raw=/readyz >/dev/null 2>&1 && break; sleep 0.5; done
kc get --raw=/readyz >/dev/null || { echo "cluster-up: kube-apiserver did not become ready, see $w/logs" >&2; exit 1; }
# The controllers' and the scheduler's API rate limits (20 and 50 requests/s by default) are
# raised, as large clusters do: the scale benchmark's 3,000 pods would otherwise wait on them.
"$bin/kube-controller-manager" --kubeconfig="$p/kcm.kubeconfig" --secure-port=0 --kube-api-qps=200 --kube-api-burst=400 \
  --authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics \
  --root-ca-file="$p/ca.crt" --service-account-private-key-file="$p/sa.key" --leader-elect=false \
  --use-service-account-credentials=false \
  > "$w/logs/kube-controller-manager.log" 2>&1 & echo $! > "$w/kube-controller-manager.pid"
cat > "$w/scheduler.yaml" <<EOC
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
clientConnection: {kubeconfig: "$p/scheduler.kubeconfig", qps: 200, burst: 400}
leaderElection: {leaderElect: false}
EOC
"$bin/kube-scheduler" --config="$w/scheduler.yaml" --secure-port=0 \
  --authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics \
  > "$w/logs/kube-scheduler.log" 2>&1 & echo $! > "$w/kube-scheduler.pid"
HOME="$w" "$bin/kwok" --kubeconfig="$p/kwok.kubeconfig" --config="$bin/kwok-stages.yaml" --manage-all-nodes=true \
  --node-lease-duration-seconds=40 --cidr=10.244.0.1/16 \
  > "$w/logs/kwok.log" 2>&1 & echo $! > "$w/kwok.pid"

for n in 1 2 3; do
  cat <<EON
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$n
  # the well-known labels a kubelet sets: apps with a nodeSelector on os/arch/hostname must schedule
  labels: {kubernetes.io/hostname: kwok-node-$n, kubernetes.io/os: linux, kubernetes.io/arch: amd64,
    beta.kubernetes.io/os: linux, beta.kubernetes.io/arch: amd64, type: kwok, topology.kubernetes.io/zone: zone-$n}
  annotations: {kwok.x-k8s.io/node: fake}
spec: {}
---
EON
done | kc apply -f - >/dev/null
cat <<'EOS' | kc apply -f - >/dev/null
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: envprofile-test
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: envprofile.dev/test
# As the cloud CSI drivers' classes are (EBS gp3, GCE PD, Azure Disk): a claim is provisioned only
# once the scheduler picked its pod's node (TestProvisioner waits for volume.kubernetes.io/selected-node).
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Retain
EOS
for i in $(seq 1 120); do
  ready=$(kc get nodes -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' 2>/dev/null | grep -c True || true)
  sa=$(kc -n default get sa default -o name 2>/dev/null || true)
  [ "$ready" = 3 ] && [ -n "$sa" ] && break
  sleep 0.5
done
[ "$ready" = 3 ] || { echo "cluster-up: nodes not ready, see $w/logs" >&2; exit 1; }
# kwok's nodes report cpu, memory and pods; a kubelet also reports ephemeral-storage, and pods that
# request it (production's promotion adds a request) stay Pending on a node without it.
for n in 1 2 3; do
  kc patch node "kwok-node-$n" --subresource=status --type merge -p \
    '{"status":{"capacity":{"ephemeral-storage":"1Ti"},"allocatable":{"ephemeral-storage":"1Ti"}}}' >/dev/null
done
if [ "${ENVPROFILE_PROVISIONER:-0}" = 1 ]; then
  # People (make cluster-up, make demo) get claims bound by the integration tests' provisioner, run
  # as a process: compiled alone against the operator's jar (which holds the Kubernetes client).
  root=$(cd "$here/../../../.." && pwd)
  jar="$root/operator/target/envprofile.jar"
  src="$root/operator/src/test/java/dev/envprofile/it/support/TestProvisioner.java"
  [ -f "$jar" ] || { echo "cluster-up: $jar is missing: run make build" >&2; exit 1; }
  mkdir -p "$w/provisioner"
  javac -nowarn -cp "$jar" -d "$w/provisioner" "$src" 2> "$w/logs/provisioner-javac.log" \
    || { echo "cluster-up: the provisioner does not compile, see $w/logs/provisioner-javac.log" >&2; exit 1; }
  nohup java -cp "$jar:$w/provisioner" dev.envprofile.it.support.TestProvisioner "$w/kubeconfig" \
    > "$w/logs/provisioner.log" 2>&1 & echo $! > "$w/provisioner.pid"
fi
echo "$w/kubeconfig"
