#!/usr/bin/env bash
# The one place the bed makes packages, built with dpkg-deb from the real Kubernetes programs:
# - KUBE_DIR: those of pkgs.k8s.io (binary in /usr/bin, a bare unit that Mast's drop-in configures),
#   named and versioned as pkgs.k8s.io's, for sources.sh to make its repository of:
#     kubelet, kubectl, cri-tools   the real kubelet, kubectl and crictl
#     kubelet VERSION-1 (older)     the same real kubelet under the previous patch release's number: the
#                                   one release that can be had here, so a test can install an "older"
#                                   kubelet before Mast does (dpkg names the version; the program says VERSION)
#     kubernetes-cni                Debian's CNI plugins (containernetworking-plugins, /usr/lib/cni)
#                                   linked into /opt/cni/bin, where pkgs.k8s.io's package puts them
#                                   and where flannel installs its own plugin
# - REPO_DIR: the nodes' local apt repository, standing in for Debian's mirror, indexed as a flat
#   repository: Debian's own packages as they are (DEBS_DIR: containerd, runc, etcd-server, iptables,
#   ...), and kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy, the real components
#   with a bare unit each, as a cluster that runs them as systemd services installed them (legacy.sh
#   configures them). No package of pkgs.k8s.io's names is in it: a node gets those only from the
#   Kubernetes repository it is given.
#
# Usage: packages.sh VERSION PROGRAMS_DIR DEBS_DIR REPO_DIR KUBE_DIR
set -euo pipefail
VERSION=$1
PROGRAMS=$(cd "$2" && pwd)
DEBS=$(cd "$3" && pwd)
REPO=$4
KUBE=$5
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
mkdir -p "$REPO" "$KUBE"
# pkgs.k8s.io numbers its packages VERSION-1.1.
PACKAGE_VERSION=$VERSION-1.1
OLDER_VERSION=${VERSION%.*}.$(( ${VERSION##*.} - 1 ))-1.1

package() {
    # package NAME VERSION DEPENDS DESCRIPTION [OUT_DIR]; files already staged in $BUILD/NAME
    local name=$1 version=$2 depends=$3 description=$4 out=${5:-$REPO} dir=$BUILD/$1
    mkdir -p "$dir/DEBIAN"
    {
        echo "Package: $name"
        echo "Version: $version"
        echo "Architecture: amd64"
        echo "Maintainer: Mast e2e <e2e@mast.invalid>"
        [ -n "$depends" ] && echo "Depends: $depends"
        echo "Section: admin"
        echo "Priority: optional"
        echo "Description: $description (Mast's test bed, from the real program)"
    } >"$dir/DEBIAN/control"
    dpkg-deb --root-owner-group -Znone --build "$dir" "$out/${name}_${version}_amd64.deb" >/dev/null
}

# Maintainer scripts as debhelper writes them for a service: enabled on install, started when
# systemd runs (not in a chroot), stopped on remove, forgotten on purge.
service_scripts() {
    local name=$1 unit=$2 dir=$BUILD/$1/DEBIAN
    mkdir -p "$dir"
    cat >"$dir/postinst" <<EOF
#!/bin/sh
set -e
if [ "\$1" = configure ]; then
    deb-systemd-helper unmask $unit >/dev/null || true
    deb-systemd-helper enable $unit >/dev/null || true
    if [ -d /run/systemd/system ]; then
        systemctl --system daemon-reload >/dev/null || true
        deb-systemd-invoke restart $unit >/dev/null || true
    fi
fi
EOF
    cat >"$dir/prerm" <<EOF
#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ "\$1" = remove ]; then
    deb-systemd-invoke stop $unit >/dev/null || true
fi
EOF
    cat >"$dir/postrm" <<EOF
#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then
    systemctl --system daemon-reload >/dev/null || true
fi
if [ "\$1" = remove ]; then
    deb-systemd-helper mask $unit >/dev/null || true
fi
if [ "\$1" = purge ]; then
    deb-systemd-helper purge $unit >/dev/null || true
    deb-systemd-helper unmask $unit >/dev/null || true
fi
EOF
    chmod 0755 "$dir/postinst" "$dir/prerm" "$dir/postrm"
}

program() {
    # program PACKAGE NAME: the real program NAME as /usr/bin/NAME of PACKAGE
    mkdir -p "$BUILD/$1/usr/bin"
    cp "$PROGRAMS/$2" "$BUILD/$1/usr/bin/$2"
    chmod 0755 "$BUILD/$1/usr/bin/$2"
}

unit() {
    # unit PACKAGE NAME DESCRIPTION [EXTRA SERVICE LINES]: a bare unit running /usr/bin/NAME
    local package=$1 name=$2 description=$3 extra=${4:-}
    mkdir -p "$BUILD/$package/lib/systemd/system"
    cat >"$BUILD/$package/lib/systemd/system/$name.service" <<EOF
[Unit]
Description=$description
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/$name
Restart=always
StartLimitInterval=0
RestartSec=10
$extra
[Install]
WantedBy=multi-user.target
EOF
}

# kubelet, as pkgs.k8s.io's: the bare unit restarts it every 10 s until Mast (or kubeadm) configures it.
program kubelet kubelet
unit kubelet kubelet "kubelet: The Kubernetes Node Agent"
service_scripts kubelet kubelet.service
package kubelet "$PACKAGE_VERSION" "iptables, conntrack, mount, kubernetes-cni" "Kubernetes node agent" "$KUBE"
package kubelet "$OLDER_VERSION" "iptables, conntrack, mount, kubernetes-cni" \
    "Kubernetes node agent (the real v$VERSION program under an older number)" "$KUBE"

program kubectl kubectl
package kubectl "$PACKAGE_VERSION" "" "Kubernetes command-line client" "$KUBE"

program cri-tools crictl
package cri-tools "$(${PROGRAMS}/crictl --version | awk '{print $NF}' | sed 's/^v//')-1.1" "" "CLI for CRI-compatible container runtimes" \
    "$KUBE"

# kubernetes-cni: Debian's plugins where the kubelet's world expects them.
mkdir -p "$BUILD/kubernetes-cni/opt/cni/bin"
for plugin in $(dpkg-deb -c "$DEBS"/containernetworking-plugins_*.deb | awk '{print $6}' | grep '^\./usr/lib/cni/.'); do
    ln -s "${plugin#.}" "$BUILD/kubernetes-cni/opt/cni/bin/$(basename "$plugin")"
done
package kubernetes-cni 1.2.0-1.1 "containernetworking-plugins" "Kubernetes CNI plugins: Debian's, linked into /opt/cni/bin" "$KUBE"

# The components of a cluster that runs them as systemd services.
for component in kube-apiserver kube-controller-manager kube-scheduler kube-proxy; do
    program "$component" "$component"
    unit "$component" "$component" "Kubernetes $component"
    service_scripts "$component" "$component.service"
    depends=
    [ "$component" = kube-proxy ] && depends="iptables, conntrack"
    package "$component" "$PACKAGE_VERSION" "$depends" "Kubernetes $component"
done

cp "$DEBS"/*.deb "$REPO/"
(cd "$REPO" && dpkg-scanpackages -m . /dev/null 2>/dev/null >Packages)
echo "built $(ls "$REPO"/*.deb | wc -l) packages into $REPO, $(ls "$KUBE"/*.deb | wc -l) into $KUBE"
