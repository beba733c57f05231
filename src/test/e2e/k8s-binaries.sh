#!/usr/bin/env bash
# Puts the real Kubernetes programs of one release into a folder for the test bed, unpacked and
# executable: kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy, kubelet, kubectl
# and crictl. Where they come from, first match wins:
#   1. MAST_E2E_K8S_DIR: a folder holding them, plain or xz-compressed (NAME or NAME.xz), with an
#      optional SHA256SUMS of the plain files that is then checked;
#   2. shared/k8s/v<VERSION> in the repository's folder or any folder above it, or above the
#      repository this one is a worktree of or was cloned from when that is a folder here (how this
#      project's machines hold the programs they cannot download);
#   3. the official release binaries from dl.k8s.io (crictl from the cri-tools release on GitHub),
#      each checked against the .sha256 published beside it.
# Fails with a message that says all of that when none works.
#
# Usage: k8s-binaries.sh VERSION DEST    (e.g. 1.28.4 /var/tmp/mast-e2e-cache/k8s/v1.28.4)
set -euo pipefail

VERSION=${1:?usage: k8s-binaries.sh VERSION DEST}
DEST=${2:?usage: k8s-binaries.sh VERSION DEST}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KUBE_PROGRAMS="kube-apiserver kube-controller-manager kube-scheduler kube-proxy kubelet kubectl"
# cri-tools makes one release per Kubernetes minor, numbered after it.
CRICTL_VERSION=v$(echo "$VERSION" | cut -d. -f1,2).0

log() { printf '[k8s-binaries] %s\n' "$*" >&2; }

if [ -f "$DEST/.done" ]; then exit 0; fi

# The folder that holds the programs, per the order above; empty when only a download is left.
source_dir() {
    if [ -n "${MAST_E2E_K8S_DIR:-}" ]; then
        [ -d "$MAST_E2E_K8S_DIR" ] || { log "MAST_E2E_K8S_DIR=$MAST_E2E_K8S_DIR is not a folder"; exit 1; }
        echo "$MAST_E2E_K8S_DIR"
        return
    fi
    local start dir
    while IFS= read -r start; do
        dir=$start
        while :; do
            if [ -d "$dir/shared/k8s/v$VERSION" ]; then
                echo "$dir/shared/k8s/v$VERSION"
                return
            fi
            [ "$dir" = / ] && break
            dir=$(dirname "$dir")
        done
    done < <(repositories)
}

# The folders of this repository, of the repository it is a worktree of, and of the repository it
# was cloned from when that is a folder on this machine: a clone made anywhere finds what its
# origin's machine holds.
repositories() {
    local repo common origin
    repo=$(cd "$HERE/../../.." && pwd)
    echo "$repo"
    common=$(git -C "$repo" rev-parse --path-format=absolute --git-common-dir 2>/dev/null) && dirname "$common"
    origin=$(git -C "$repo" config --get remote.origin.url 2>/dev/null) || return 0
    origin=${origin#file://}
    (cd "$repo" && cd "$origin" 2>/dev/null && pwd) || true
}

copy_from() {
    local src=$1 name
    for name in $KUBE_PROGRAMS crictl; do
        if [ -f "$src/$name.xz" ]; then
            xz -dc "$src/$name.xz" >"$TMP/$name"
        elif [ -f "$src/$name" ]; then
            cp "$src/$name" "$TMP/$name"
        else
            log "$src has neither $name nor $name.xz"
            exit 1
        fi
    done
    if [ -f "$src/SHA256SUMS" ]; then
        (cd "$TMP" && sha256sum --quiet -c "$src/SHA256SUMS") || { log "the programs in $src do not match its SHA256SUMS"; exit 1; }
    fi
    log "took the Kubernetes $VERSION programs from $src"
}

# Downloads URL to FILE and checks it against the SHA-256 published at URL.sha256.
fetch() {
    local url=$1 file=$2 want got
    curl -fsSL --retry 3 -o "$file" "$url"
    want=$(curl -fsSL --retry 3 "$url.sha256" | awk '{print $1}')
    got=$(sha256sum "$file" | awk '{print $1}')
    [ -n "$want" ] && [ "$want" = "$got" ] || { log "$url: SHA-256 $got, but $url.sha256 says ${want:-nothing}"; exit 1; }
}

download() {
    local name base=https://dl.k8s.io/release/v$VERSION/bin/linux/amd64
    log "downloading the Kubernetes $VERSION release binaries from $base"
    for name in $KUBE_PROGRAMS; do fetch "$base/$name" "$TMP/$name"; done
    local tarball=crictl-$CRICTL_VERSION-linux-amd64.tar.gz
    fetch "https://github.com/kubernetes-sigs/cri-tools/releases/download/$CRICTL_VERSION/$tarball" "$TMP/$tarball"
    tar -xzf "$TMP/$tarball" -C "$TMP" crictl
    rm -f "$TMP/$tarball"
}

mkdir -p "$(dirname "$DEST")"
TMP=$(mktemp -d "$DEST.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
SRC=$(source_dir)
if [ -n "$SRC" ]; then
    copy_from "$SRC"
elif ! curl -fsI --max-time 10 "https://dl.k8s.io/release/v$VERSION/bin/linux/amd64/kubelet.sha256" >/dev/null 2>&1; then
    log "no Kubernetes $VERSION programs: set MAST_E2E_K8S_DIR to a folder holding $KUBE_PROGRAMS and crictl"
    log "(plain or .xz), or put them in shared/k8s/v$VERSION above the repository, or give this machine"
    log "access to https://dl.k8s.io to download the release binaries"
    exit 1
else
    download
fi
chmod 0755 "$TMP"/*
"$TMP/kubelet" --version | grep -q "v$VERSION\$" || { log "kubelet --version says $("$TMP/kubelet" --version), not v$VERSION"; exit 1; }
rm -rf "$DEST"
mv "$TMP" "$DEST"
trap - EXIT
touch "$DEST/.done"
