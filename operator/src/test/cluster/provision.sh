#!/usr/bin/env bash
# A volume provisioner for people on the test control plane (make cluster-up, make demo): every
# few seconds, each Pending claim of the envprofile-test StorageClass gets a hostPath
# PersistentVolume bound to it. The integration tests use their own (TestProvisioner), which they
# can hold back; this one runs only when asked. Usage: provision.sh <cluster-dir>
set -uo pipefail
w=$1
k() { "$w/kubectl" --kubeconfig="$w/kubeconfig" "$@"; }
while true; do
  k get pvc -A -o jsonpath='{range .items[?(@.status.phase=="Pending")]}{.metadata.namespace} {.metadata.name} {.metadata.uid} {.spec.storageClassName} {.spec.resources.requests.storage}{"\n"}{end}' 2>/dev/null |
  while read -r ns name uid class size; do
    [ "$class" = envprofile-test ] || continue
    printf 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv-%s, labels: {envprofile.dev/test-volume: "true"}}\nspec:\n  capacity: {storage: %s}\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: envprofile-test\n  claimRef: {namespace: %s, name: %s, uid: %s}\n  hostPath: {path: /tmp/envprofile-volumes/%s}\n' \
      "$uid" "${size:-1Gi}" "$ns" "$name" "$uid" "$uid" | k apply -f - >/dev/null 2>&1 || true
  done
  sleep 2
done
