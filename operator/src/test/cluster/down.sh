#!/usr/bin/env bash
# Stops the test control plane started by up.sh and removes its state (kept: logs, audit.log).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
w=${1:-${ENVPROFILE_CLUSTER_DIR:-$here/../../../target/cluster}}
[ -d "$w" ] || { echo "cluster-down: no control plane in $w, nothing to stop"; exit 0; }
w=$(cd "$w" && pwd)
stopped=()
# operator.pid: an operator started as docs/getting-started.md shows, so that it does not keep
# its port and retry a cluster that is gone.
for c in operator provisioner kwok kube-scheduler kube-controller-manager kube-apiserver etcd; do
  if [ -f "$w/$c.pid" ]; then
    pid=$(cat "$w/$c.pid")
    if kill "$pid" 2>/dev/null; then
      stopped+=("$c ($pid)")
    fi
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null
    rm -f "$w/$c.pid"
  fi
done
rm -rf "$w/etcd" "$w/pki"
if [ ${#stopped[@]} -eq 0 ]; then
  echo "cluster-down: nothing was running in $w"
else
  list=$(printf '%s, ' "${stopped[@]}")
  echo "cluster-down: stopped ${list%, }"
  echo "cluster-down: removed its state; kept $w/logs and $w/audit.log"
fi
