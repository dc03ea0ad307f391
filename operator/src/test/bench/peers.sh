#!/usr/bin/env bash
# Builds the peer tools the offline comparison runs against, from Go modules through the module
# proxy at pinned versions, cached by version like the control plane:
#   $ENVPROFILE_CACHE/peers/<tool>-<version>/<tool>
# Prints "tool path" for each tool it has, and "tool unavailable: reason" for each it cannot build.
set -uo pipefail
KUBE_SCORE_VERSION=v1.20.0
POLARIS_VERSION=v9.6.1
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-modcacherw
root=${ENVPROFILE_CACHE:-$HOME/.cache/envprofile}/peers

build() { # tool version package
  local dir="$root/$1-$2"
  if [ ! -x "$dir/$1" ]; then
    mkdir -p "$dir"
    if ! out=$(GOBIN="$dir" go install -trimpath -ldflags="-s -w" "$3@$2" 2>&1); then
      echo "$1 unavailable: $(echo "$out" | grep -m1 -E 'Forbidden|not available|error|cannot' || echo "$out" | tail -1)"
      return
    fi
  fi
  echo "$1 $dir/$1"
}

build kube-score "$KUBE_SCORE_VERSION" github.com/zegl/kube-score/cmd/kube-score
# Polaris: proxy.golang.org answers 403 "This module version is not available" for
# github.com/fairwindsops/polaris (every major version) on these machines; the line says so.
build polaris "$POLARIS_VERSION" github.com/fairwindsops/polaris/v9
