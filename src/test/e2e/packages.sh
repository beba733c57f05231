#!/usr/bin/env bash
# Builds the stand-in .debs with dpkg-deb and indexes them as a flat apt repository.
# Usage: packages.sh STANDIN_DIR REPO_DIR
#   kube-standin            the stand-in programs (python3) and a self-signed pair
#   kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy
#                           an enabled systemd service each, as an old (systemd-run) cluster has them
#   kubelet                 the stand-in kubelet and its unit (Mast writes its own unit and config)
#   etcd-server             /usr/bin/etcd and a default etcd.service, as Debian's package
#   cri-tools               /usr/bin/crictl over ctr
set -euo pipefail
STANDIN=$(cd "$1" && pwd)
REPO=$2
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
mkdir -p "$REPO"

package() {
    # package NAME VERSION DEPENDS DESCRIPTION; files already staged in $BUILD/NAME
    local name=$1 version=$2 depends=$3 description=$4 dir=$BUILD/$1
    mkdir -p "$dir/DEBIAN"
    {
        echo "Package: $name"
        echo "Version: $version"
        echo "Architecture: all"
        echo "Maintainer: Mast e2e <e2e@mast.invalid>"
        [ -n "$depends" ] && echo "Depends: $depends"
        echo "Section: admin"
        echo "Priority: optional"
        echo "Description: $description (Mast e2e stand-in)"
    } >"$dir/DEBIAN/control"
    find "$dir" -path "$dir/DEBIAN" -prune -o -type f -print | sed "s|^$dir||" | grep '^/etc/' >"$dir/DEBIAN/conffiles" || true
    [ -s "$dir/DEBIAN/conffiles" ] || rm -f "$dir/DEBIAN/conffiles"
    dpkg-deb --root-owner-group -Zxz --build "$dir" "$REPO/${name}_${version}_all.deb" >/dev/null
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

wrapper() {
    # wrapper FILE PROGRAM [FIRST ARG]: /usr/bin/NAME running the stand-in program
    mkdir -p "$(dirname "$1")"
    printf '#!/bin/sh\nexec /usr/bin/python3 /usr/lib/kube-standin/%s %s"$@"\n' "$2" "${3:+$3 }" >"$1"
    chmod 0755 "$1"
}

unit() {
    # unit NAME DESCRIPTION EXECSTART [EXTRA SERVICE LINES]
    local name=$1 description=$2 exec=$3 extra=${4:-}
    mkdir -p "$BUILD/$name/lib/systemd/system"
    cat >"$BUILD/$name/lib/systemd/system/$name.service" <<EOF
[Unit]
Description=$description
Documentation=https://kubernetes.io/docs/
After=network-online.target
Wants=network-online.target

[Service]
ExecStart=$exec
Restart=on-failure
RestartSec=5
$extra
[Install]
WantedBy=multi-user.target
EOF
}

# kube-standin: the programs
mkdir -p "$BUILD/kube-standin/usr/lib/kube-standin"
cp "$STANDIN"/{common.py,component.py,apistore.py,kubelet.py,etcd.py,crictl.py} "$BUILD/kube-standin/usr/lib/kube-standin/"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 -subj /CN=kube-standin \
    -addext subjectAltName=IP:127.0.0.1,DNS:localhost \
    -keyout "$BUILD/kube-standin/usr/lib/kube-standin/selfsigned.key" \
    -out "$BUILD/kube-standin/usr/lib/kube-standin/selfsigned.crt" 2>/dev/null
package kube-standin 1.0 "python3, python3-yaml" "programs behind the stand-in Kubernetes packages"

# The components of an old cluster, each a systemd service with flags as its unit had them,
# custom ones included (Mast carries those into the manifest).
wrapper "$BUILD/kube-apiserver/usr/bin/kube-apiserver" component.py kube-apiserver
unit kube-apiserver "Kubernetes API Server" '/usr/bin/kube-apiserver \
    --allow-privileged=true \
    --audit-log-maxage=30 \
    --audit-log-path=/var/log/kubernetes/audit.log \
    --authorization-mode=Node,RBAC \
    --bind-address=0.0.0.0 \
    --secure-port=6443 \
    --service-cluster-ip-range=10.96.0.0/12 \
    --v=2'
service_scripts kube-apiserver kube-apiserver.service
package kube-apiserver 1.30.14-1 kube-standin "Kubernetes API server"

wrapper "$BUILD/kube-controller-manager/usr/bin/kube-controller-manager" component.py kube-controller-manager
unit kube-controller-manager "Kubernetes Controller Manager" '/usr/bin/kube-controller-manager \
    --bind-address=127.0.0.1 \
    --leader-elect=true \
    --node-monitor-grace-period=40s \
    --secure-port=10257 \
    --v=2'
service_scripts kube-controller-manager kube-controller-manager.service
package kube-controller-manager 1.30.14-1 kube-standin "Kubernetes controller manager"

wrapper "$BUILD/kube-scheduler/usr/bin/kube-scheduler" component.py kube-scheduler
unit kube-scheduler "Kubernetes Scheduler" '/usr/bin/kube-scheduler \
    --bind-address=127.0.0.1 \
    --leader-elect=true \
    --secure-port=10259 \
    --v=2'
service_scripts kube-scheduler kube-scheduler.service
package kube-scheduler 1.30.14-1 kube-standin "Kubernetes scheduler"

wrapper "$BUILD/kube-proxy/usr/bin/kube-proxy" component.py kube-proxy
unit kube-proxy "Kubernetes Proxy" '/usr/bin/kube-proxy \
    --healthz-bind-address=0.0.0.0:10256 \
    --proxy-mode=iptables \
    --v=2'
service_scripts kube-proxy kube-proxy.service
package kube-proxy 1.30.14-1 kube-standin "Kubernetes network proxy"

# kubelet: like the upstream package, a bare unit; Mast's drop-in gives it its flags.
wrapper "$BUILD/kubelet/usr/bin/kubelet" kubelet.py
unit kubelet "kubelet: The Kubernetes Node Agent" /usr/bin/kubelet
sed -i 's/^Restart=on-failure/Restart=always\nStartLimitInterval=0/; s/^RestartSec=5/RestartSec=10/' \
    "$BUILD/kubelet/lib/systemd/system/kubelet.service"
service_scripts kubelet kubelet.service
package kubelet 1.34.3-1 "kube-standin, containerd, cri-tools" "Kubernetes node agent"

# etcd-server: like Debian's, /usr/bin/etcd with a default unit on localhost.
wrapper "$BUILD/etcd-server/usr/bin/etcd" etcd.py
unit etcd "etcd - highly-available key value store" /usr/bin/etcd 'Type=notify
Environment=ETCD_DATA_DIR=/var/lib/etcd/default'
mv "$BUILD/etcd/lib" "$BUILD/etcd-server/lib" && rmdir "$BUILD/etcd"
service_scripts etcd-server etcd.service
package etcd-server 3.6.5-1 kube-standin "etcd key-value store server"

# cri-tools: crictl over ctr, and its configuration.
wrapper "$BUILD/cri-tools/usr/bin/crictl" crictl.py
mkdir -p "$BUILD/cri-tools/etc"
printf 'runtime-endpoint: unix:///run/containerd/containerd.sock\nimage-endpoint: unix:///run/containerd/containerd.sock\n' \
    >"$BUILD/cri-tools/etc/crictl.yaml"
package cri-tools 1.34.0-1 "kube-standin, containerd" "CLI for CRI-compatible container runtimes"

(cd "$REPO" && dpkg-scanpackages -m . /dev/null 2>/dev/null >Packages)
echo "built $(ls "$REPO"/*.deb | wc -l) packages into $REPO"
