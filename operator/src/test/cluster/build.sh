#!/usr/bin/env bash
# Builds the test control plane from Go modules through the module proxy, cached by version:
#   $ENVPROFILE_CACHE/k8s/<k8s>-linux-<arch>/{etcd,kube-apiserver,kube-controller-manager,
#   kube-scheduler,kubectl,kwok,kwok-stages.yaml,helm}
# That directory layout is also what fabric8's kube-api-test reads (KUBE_API_TEST_DIR).
# Nothing is downloaded outside the Go module proxy. A cold build takes about 6 minutes on 2 cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/versions.env"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-modcacherw
arch=$(go env GOARCH)
root=${ENVPROFILE_CACHE:-$HOME/.cache/envprofile}
bin=$root/k8s/${K8S_VERSION#v}-linux-$arch
src=$root/src
mkdir -p "$bin" "$src/k8s-$K8S_VERSION" "$src/etcd-$ETCD_VERSION"
log() { echo "cluster-bins: $*" >&2; }

have() { [ -x "$bin/$1" ] && [ -f "$bin/.$1.version" ] && [ "$(cat "$bin/.$1.version")" = "$2" ]; }
mark() { echo "$2" > "$bin/.$1.version"; }

if ! have kube-apiserver "$K8S_VERSION" || ! have kubectl "$K8S_VERSION" \
   || ! have kube-controller-manager "$K8S_VERSION" || ! have kube-scheduler "$K8S_VERSION"; then
  log "building kubernetes $K8S_VERSION (several minutes on a cold cache)"
  cd "$src/k8s-$K8S_VERSION"
  [ -f go.mod ] || go mod init local.test/k8sbins >/dev/null 2>&1
  gomod=$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/.*"GoMod": "\([^"]*\)".*/\1/p')
  go mod edit -go="$(awk '$1=="go"{print $2; exit}' "$gomod")"
  awk '$1=="godebug" && $2!="(" {print $2}' "$gomod" | while read -r d; do go mod edit -godebug="$d"; done
  # k8s.io/kubernetes requires its staging modules at v0.0.0 with replaces that only apply in its own
  # module: a dependent must map each one to the published v0.x tag itself.
  staging=v0.${K8S_VERSION#v1.}
  sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._-]*\)[[:space:]]*=>[[:space:]]*\./staging/.*#\1#p' "$gomod" |
    while read -r m; do go mod edit -replace="$m=$m@$staging"; done
  pkgs="k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl"
  go get $(for p in $pkgs; do printf '%s@%s ' "$p" "$K8S_VERSION"; done) >go-get.log 2>&1 || { cat go-get.log >&2; exit 1; }
  minor=$(echo "$K8S_VERSION" | cut -d. -f2)
  ldf="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldf="$ldf -X $p.gitVersion=$K8S_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
  done
  go build -trimpath -ldflags="$ldf" -o "$bin/" $pkgs
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do mark $b "$K8S_VERSION"; done
fi

if ! have etcd "$ETCD_VERSION"; then
  log "building etcd $ETCD_VERSION"
  cd "$src/etcd-$ETCD_VERSION"
  [ -f go.mod ] || go mod init local.test/etcdbin >/dev/null 2>&1
  # Its own module: sharing one with kube-apiserver would let MVS upgrade the apiserver's etcd client.
  go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" >go-get.log 2>&1 || { cat go-get.log >&2; exit 1; }
  go build -trimpath -ldflags="-s -w" -o "$bin/etcd" go.etcd.io/etcd/server/v3
  mark etcd "$ETCD_VERSION"
fi

if ! have kwok "$KWOK_VERSION" || [ ! -s "$bin/kwok-stages.yaml" ]; then
  log "building kwok $KWOK_VERSION"
  GOBIN="$bin" go install -trimpath "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
  kd=$(cd "$src" && go mod download -json "sigs.k8s.io/kwok@$KWOK_VERSION" | sed -n 's/.*"Dir": "\([^"]*\)".*/\1/p')/kustomize/stage
  for f in node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
           pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml; do
    echo '---'; cat "$kd/$f"
  done > "$bin/kwok-stages.yaml"
  mark kwok "$KWOK_VERSION"
fi
if ! have helm "$HELM_VERSION"; then
  log "building helm $HELM_VERSION"
  GOBIN="$bin" go install -trimpath \
    -ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
  mark helm "$HELM_VERSION"
fi
echo "$bin"
