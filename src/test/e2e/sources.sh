#!/usr/bin/env bash
# The upstream sites a real node gets Kubernetes from, laid out as upstream lays them out, for the bed
# to serve over HTTP on its own address (the nodes reach nothing else), so Mast's install takes the
# programs through the same sources a user's would, named as a site's mirrors in the plan:
#   pkgs/core:/stable:/vMAJOR.MINOR/deb/   pkgs.k8s.io's flat deb repository of the release: the kubelet
#                                          (two versions), kubectl, cri-tools and kubernetes-cni packages
#                                          (KUBE_DEBS, made by packages.sh from the real programs, named and
#                                          versioned as pkgs.k8s.io's), Packages, and a Release signed by the
#                                          bed's own key (InRelease, Release.gpg), the key beside it (Release.key)
#   dl/release/vVERSION/bin/linux/amd64/   dl.k8s.io's kubelet and kubectl, each with its .sha256
#   github/                                GitHub's release files, each with its checksums:
#     kubernetes-sigs/cri-tools/releases/download/vCRICTL/crictl-vCRICTL-linux-amd64.tar.gz   the real crictl
#     containernetworking/plugins/releases/download/vCNI/cni-plugins-linux-amd64-vCNI.tgz     Debian's plugins
#     etcd-io/etcd/releases/download/vETCD/etcd-vETCD-linux-amd64.tar.gz (SHA256SUMS)         Debian's etcd
# Debian's CNI plugins and etcd are the only ones that can be had here: their tarballs carry the
# versions Mast asks for, and hold Debian's programs (etcd 3.4), as README.txt at the top says.
#
# Usage: sources.sh VERSION CRICTL_VERSION CNI_VERSION ETCD_VERSION PROGRAMS_DIR KUBE_DEBS DEBIAN_DEBS KEY_DIR OUT
#   KEY_DIR keeps the signing key between builds (made on first use); OUT is written afresh.
set -euo pipefail
VERSION=$1 CRICTL=$2 CNI=$3 ETCD=$4
PROGRAMS=$(cd "$5" && pwd)
KUBE_DEBS=$(cd "$6" && pwd)
DEBIAN_DEBS=$(cd "$7" && pwd)
KEYS=$8
OUT=$9
MINOR=${VERSION%.*}
BUILD=$(mktemp -d)
export GNUPGHOME=$KEYS
# gpg starts an agent for the key: it goes with the build.
trap 'gpgconf --kill all 2>/dev/null || true; rm -rf "$BUILD"' EXIT
rm -rf "$OUT"
mkdir -p "$OUT" "$KEYS"
chmod 0700 "$KEYS"

sha256() { sha256sum "$1" | cut -d' ' -f1; }

# A tarball with fixed owners and times, so equal programs give equal checksums.
tarball() {
    # tarball OUT_FILE DIR: DIR's contents, under DIR's name when it has one
    local out=$1 dir=$2
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$(dirname "$dir")" -czf "$out" "$(basename "$dir")"
}

# --- pkgs.k8s.io ------------------------------------------------------------------------------
if ! gpg --batch --list-secret-keys 2>/dev/null | grep -q sec; then
    gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
        --quick-generate-key "Mast test bed's pkgs.k8s.io <e2e@mast.invalid>" ed25519 sign never
fi
repo="$OUT/pkgs/core:/stable:/v$MINOR/deb"
mkdir -p "$repo"
cp "$KUBE_DEBS"/*.deb "$repo/"
(cd "$repo" && dpkg-scanpackages -m . /dev/null 2>/dev/null >Packages && gzip -9nk Packages)
{
    echo "Origin: obs://build.opensuse.org/isv:kubernetes:core:stable:v$MINOR/deb"
    echo "Label: isv:kubernetes:core:stable:v$MINOR"
    echo "Architectures: amd64"
    echo "Date: $(LC_ALL=C date -u -d @0 '+%a, %d %b %Y %H:%M:%S UTC')"
    echo "SHA256:"
    for f in Packages Packages.gz; do
        printf ' %s %s %s\n' "$(sha256 "$repo/$f")" "$(stat -c %s "$repo/$f")" "$f"
    done
} >"$repo/Release"
gpg --batch --quiet --yes --armor --detach-sign -o "$repo/Release.gpg" "$repo/Release"
gpg --batch --quiet --yes --clearsign -o "$repo/InRelease" "$repo/Release"
gpg --batch --quiet --armor --export >"$repo/Release.key"

# --- dl.k8s.io --------------------------------------------------------------------------------
bin="$OUT/dl/release/v$VERSION/bin/linux/amd64"
mkdir -p "$bin"
for program in kubelet kubectl; do
    install -m 0755 "$PROGRAMS/$program" "$bin/$program"
    sha256 "$bin/$program" >"$bin/$program.sha256"
done

# --- GitHub's release files -------------------------------------------------------------------
github=$OUT/github
dir="$github/kubernetes-sigs/cri-tools/releases/download/v$CRICTL"
mkdir -p "$dir" "$BUILD/crictl"
install -m 0755 "$PROGRAMS/crictl" "$BUILD/crictl/crictl"
# crictl's tarball holds crictl alone, at the top.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$BUILD/crictl" -czf "$dir/crictl-v$CRICTL-linux-amd64.tar.gz" crictl
echo "$(sha256 "$dir/crictl-v$CRICTL-linux-amd64.tar.gz")  crictl-v$CRICTL-linux-amd64.tar.gz" >"$dir/crictl-v$CRICTL-linux-amd64.tar.gz.sha256"

dir="$github/containernetworking/plugins/releases/download/v$CNI"
mkdir -p "$dir" "$BUILD/cni/deb" "$BUILD/cni/plugins"
dpkg-deb -x "$DEBIAN_DEBS"/containernetworking-plugins_*.deb "$BUILD/cni/deb"
cp "$BUILD"/cni/deb/usr/lib/cni/* "$BUILD/cni/plugins/"
# The plugins' tarball holds them at the top, as ./bridge, ./host-local, ...
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$BUILD/cni/plugins" -czf "$dir/cni-plugins-linux-amd64-v$CNI.tgz" .
echo "$(sha256 "$dir/cni-plugins-linux-amd64-v$CNI.tgz")  cni-plugins-linux-amd64-v$CNI.tgz" >"$dir/cni-plugins-linux-amd64-v$CNI.tgz.sha256"

dir="$github/etcd-io/etcd/releases/download/v$ETCD"
name=etcd-v$ETCD-linux-amd64
mkdir -p "$dir" "$BUILD/etcd/deb" "$BUILD/etcd/$name"
for deb in "$DEBIAN_DEBS"/etcd-server_*.deb "$DEBIAN_DEBS"/etcd-client_*.deb; do dpkg-deb -x "$deb" "$BUILD/etcd/deb"; done
install -m 0755 "$BUILD/etcd/deb/usr/bin/etcd" "$BUILD/etcd/deb/usr/bin/etcdctl" "$BUILD/etcd/$name/"
tarball "$dir/$name.tar.gz" "$BUILD/etcd/$name"
(cd "$dir" && sha256sum "$name.tar.gz" >SHA256SUMS)

etcd_version=$("$BUILD/etcd/$name/etcd" --version 2>/dev/null | sed -n 's/^etcd Version: //p')
cni_version=$(dpkg-deb -f "$DEBIAN_DEBS"/containernetworking-plugins_*.deb Version)
cat >"$OUT/README.txt" <<EOF
The test bed's stand-ins for pkgs.k8s.io, dl.k8s.io and GitHub's release downloads (src/test/e2e/sources.sh).
pkgs/ and dl/ hold the real Kubernetes $VERSION programs and crictl; the repository is signed with the bed's own key.
The CNI plugins tarball v$CNI holds Debian's containernetworking-plugins $cni_version, and etcd's tarball v$ETCD
holds Debian's etcd $etcd_version: the only ones that can be had here.
EOF
echo "built the sources of Kubernetes $VERSION into $OUT"
