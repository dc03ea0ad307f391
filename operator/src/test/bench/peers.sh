#!/usr/bin/env bash
# Builds the peer tools the offline comparison runs against at pinned versions, cached by version
# like the control plane:
#   $ENVPROFILE_CACHE/peers/<tool>-<version>/<tool>
# Prints "tool path" for each tool it has, and "tool unavailable: reason" for each it cannot build.
#
# kube-score comes from the Go module proxy (go install).
# Polaris cannot: the module proxy refuses github.com/fairwindsops/polaris (every major version).
# It builds from a git snapshot of its public repository (github.com/FairwindsOps/polaris) with its
# dependencies from the module proxy. The snapshot is looked for as a bare git directory in
# POLARIS_GIT (default /work/.mirror/FairwindsOps+polaris/repo, where the `fetch` tool puts it;
# `git clone --bare https://github.com/FairwindsOps/polaris` anywhere else); without it, and
# without a cached binary, Polaris is reported unavailable. No Polaris code is kept in this
# repository: the source is exported from the snapshot into a temporary directory and deleted.
set -uo pipefail
KUBE_SCORE_VERSION=v1.20.0
POLARIS_VERSION=v10.2.2
POLARIS_GIT=${POLARIS_GIT:-/work/.mirror/FairwindsOps+polaris/repo}
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-modcacherw
root=${ENVPROFILE_CACHE:-$HOME/.cache/envprofile}/peers

first_error() { grep -m1 -E 'Forbidden|not available|error|cannot' <<<"$1" || tail -1 <<<"$1"; }

go_install() { # tool version package
  local dir="$root/$1-$2"
  if [ ! -x "$dir/$1" ]; then
    mkdir -p "$dir"
    if ! out=$(GOBIN="$dir" go install -trimpath -ldflags="-s -w" "$3@$2" 2>&1); then
      echo "$1 unavailable: $(first_error "$out")"
      return
    fi
  fi
  echo "$1 $dir/$1"
}

polaris() {
  local dir="$root/polaris-$POLARIS_VERSION" src
  if [ ! -x "$dir/polaris" ]; then
    if ! git -C "$POLARIS_GIT" rev-parse -q --verify "$POLARIS_VERSION^{commit}" >/dev/null 2>&1; then
      echo "polaris unavailable: the module proxy does not serve it and no git snapshot with tag $POLARIS_VERSION is at POLARIS_GIT=$POLARIS_GIT (see docs/performance.md)"
      return
    fi
    src=$(mktemp -d)
    mkdir -p "$dir"
    # The snapshot's go.sum pins every dependency; -mod=mod lets go fetch them from the proxy.
    if ! out=$(git -C "$POLARIS_GIT" archive "$POLARIS_VERSION" | tar -x -C "$src" 2>&1 &&
      cd "$src" && GOFLAGS="$GOFLAGS -mod=mod" go build -trimpath \
        -ldflags="-s -w -X main.Version=${POLARIS_VERSION#v}" -o "$dir/polaris" . 2>&1); then
      rm -rf "$src"
      echo "polaris unavailable: $(first_error "$out")"
      return
    fi
    rm -rf "$src"
  fi
  echo "polaris $dir/polaris"
}

go_install kube-score "$KUBE_SCORE_VERSION" github.com/zegl/kube-score/cmd/kube-score
polaris
