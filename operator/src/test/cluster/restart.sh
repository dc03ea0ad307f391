#!/usr/bin/env bash
# Kills a component of the test control plane (SIGKILL) and starts it again as up.sh did, then
# waits until the API server serves again. Usage: restart.sh <cluster-dir> <etcd|kube-apiserver> [down-seconds]
set -euo pipefail
w=$1
c=$2
down=${3:-0}
[ -f "$w/start-$c.sh" ] || { echo "restart: no start script for $c in $w" >&2; exit 2; }
pid=$(cat "$w/$c.pid")
kill -9 "$pid" 2>/dev/null || true
for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
sleep "$down"
nohup bash "$w/start-$c.sh" >/dev/null 2>&1 & echo $! > "$w/$c.pid"
for i in $(seq 1 120); do
  "$w/kubectl" --kubeconfig="$w/kubeconfig" get --raw=/readyz >/dev/null 2>&1 && exit 0
  sleep 0.5
done
echo "restart: the API server did not become ready after restarting $c, see $w/logs" >&2
exit 1
