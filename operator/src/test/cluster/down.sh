#!/usr/bin/env bash
# Stops the test control plane started by up.sh and removes its state (kept: logs, audit.log).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
w=${1:-${ENVPROFILE_CLUSTER_DIR:-$here/../../../target/cluster}}
[ -d "$w" ] || exit 0
for c in provisioner kwok kube-scheduler kube-controller-manager kube-apiserver etcd; do
  if [ -f "$w/$c.pid" ]; then
    pid=$(cat "$w/$c.pid")
    kill "$pid" 2>/dev/null
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null
    rm -f "$w/$c.pid"
  fi
done
rm -rf "$w/etcd" "$w/pki"
