#!/usr/bin/env bash
# The end-to-end test bed: real Debian nodes on one Linux machine, running the real Kubernetes
# programs. Each node is systemd-nspawn -b on an overlay of a cached debootstrap base, in its own
# network namespace on this bed's bridge, with sshd, sudo and apt from a local repository standing
# in for Debian's mirror (containerd, runc, CNI plugins, etcd). The Kubernetes programs
# (k8s-binaries.sh finds them) come the way a user's do, from the bed's own stand-ins for
# pkgs.k8s.io, dl.k8s.io and GitHub's release files (sources.sh, served over HTTP on the bed's
# address) and a local registry standing in for registry.k8s.io and ghcr.io, with the images
# mkimage.py builds from the same programs (stand-ins only for the add-ons, flannel and CoreDNS,
# which cannot be built here; Debian's etcd 3.4 under the tags kubeadm pins, the only etcd here).
# The plans it writes name them as a site's mirrors; the nodes reach nothing else. What only this
# machine needs to run them (see node-setup.sh) is the bed's, never part of what Mast writes on a node.
# The measured facts behind every choice: shared/reference/test-nodes.md and real-binaries.md.
#
# Usage: nodes.sh setup-host | base | up N [--masters M] [--legacy[=LAYOUT]] [--lb] [--bastion] [--plan-out F]
#                 [--known-hosts-out F] [--ssh-config-out F] | down | clean | reboot NODE [--hard] | status | memory
#                 | env | ssh NODE CMD... | break-image NODE COMPONENT
# --bastion puts the nodes on a bridge of their own that this machine has no address on, with one more
# node, "bastion" (sshd, like the others), on both bridges: the nodes are reached only through it. The
# plan's nodes then name it as their jump host (ssh.jump), and --ssh-config-out writes a ~/.ssh/config
# that reaches them through it too (Host patterns, Include, ProxyJump).
# Root, Linux only. Settings (environment, all optional):
#   MAST_E2E_BED          which bed, 0..63 (default 0). Beds with different numbers run side by side:
#                         bed B has the subnet 10.201.B.0/24, the bridge br-mastB, names mastB-* (and,
#                         behind --bastion, the nodes' subnet 10.202.B.0/24 and bridge br-mastBn)
#   MAST_E2E_DIR          the bed's nodes and run files (default /var/tmp/mast-e2e, or -B for bed B > 0)
#   MAST_E2E_CACHE        what beds share: Debian base, packages, images (default /var/tmp/mast-e2e-cache)
#   MAST_E2E_K8S_VERSION  the Kubernetes release the bed runs (default 1.28.4)
#   MAST_E2E_K8S_DIR      where its programs are (k8s-binaries.sh says where it looks otherwise)
#   MAST_E2E_MIRROR       the Debian mirror the base is built from
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BED=${MAST_E2E_BED:-0}
[[ "$BED" =~ ^[0-9]+$ ]] && [ "$BED" -le 63 ] || { echo "MAST_E2E_BED=$BED: use a number from 0 to 63" >&2; exit 2; }
if [ "$BED" = 0 ]; then W=${MAST_E2E_DIR:-/var/tmp/mast-e2e}; else W=${MAST_E2E_DIR:-/var/tmp/mast-e2e-$BED}; fi
CACHE=${MAST_E2E_CACHE:-/var/tmp/mast-e2e-cache}
NAME=mast$BED
BRIDGE=br-$NAME
NET=10.201.$BED
HOST_IP=$NET.1
REGISTRY=$HOST_IP:5000
# The sites standing in for pkgs.k8s.io, dl.k8s.io and GitHub (sources.sh), for the plan's sources.
SOURCES=http://$HOST_IP:8080
LB_PORT=6443
# --bastion: the nodes' own bridge and subnet (no address of this machine's on it), and the bastion's two legs.
NODES_BRIDGE=br-${NAME}n
NODES_NET=10.202.$BED
BASTION_OUTER=$NET.9
BASTION_INNER=$NODES_NET.1
K8S_VERSION=${MAST_E2E_K8S_VERSION:-1.28.4}
K8S_BIN=$CACHE/k8s/v$K8S_VERSION
# Shared by every bed on the machine: the host settings the beds changed, and which beds hold them.
MACHINE=/run/mast-e2e
SUITE=bookworm
MIRROR=${MAST_E2E_MIRROR:-http://deb.debian.org/debian}
BASE_PACKAGES="openssh-server sudo systemd systemd-sysv dbus iproute2 procps curl ca-certificates python3 openssl
hostname iputils-ping less"
# Debian's packages in the nodes' repository: what Mast installs (containerd, etcd-server) and what
# the bed's kubelet package depends on, with their dependencies; and what the images take files from.
REPO_DEBIAN="containerd runc containernetworking-plugins etcd-server etcd-client iptables conntrack"
IMAGE_DEBIAN="iptables conntrack busybox-static"
# Packages of the repository the images take files from too: etcd's image holds Debian's etcd.
IMAGE_FROM_REPO="etcd-server etcd-client"
HOST_PACKAGES="debootstrap systemd-container iproute2 docker-registry skopeo dpkg-dev openssh-client openssl
python3 gcc libc6-dev xz-utils curl haproxy"

log() { printf '[nodes %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

source "$HERE/legacy.sh"

# ---------------------------------------------------------------------------------------------
# host

apt_get() {
    # Another apt may hold the dpkg lock for a while: wait for it rather than fail.
    local attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 -q "$@"; then return 0; fi
        log "apt-get $1 failed (attempt $attempt), retrying"
        sleep 5
    done
    return 1
}

setup_host() {
    [ "$(id -u)" = 0 ] || die "needs root"
    [ "$(uname -s)" = Linux ] || die "needs Linux"
    local missing=() p
    for p in $HOST_PACKAGES; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]}"
        apt_get update
        apt_get install -y --no-install-recommends "${missing[@]}"
    fi
    mkdir -p "$W"/{nodes,run,keys} "$CACHE"/{base,layers,repo,images,registry,k8s}
    if [ ! -f "$W/keys/id_ed25519" ]; then
        ssh-keygen -q -t ed25519 -N '' -C "mast-e2e-$BED" -f "$W/keys/id_ed25519"
    fi
}

# Runs the rest of the calling command with the cache locked: beds share it, one builds at a time.
lock_cache() {
    mkdir -p "$CACHE"
    exec 8>"$CACHE/.lock"
    flock 8
}

unlock_cache() { flock -u 8; }

# ---------------------------------------------------------------------------------------------
# base: debootstrap once, cached by a hash of its package lists and of how it is prepared

customize_base() {
    # Runs inside the new root (chroot). Keep it deterministic: its text is part of the cache key.
    set -e
    useradd -m -s /bin/bash nodeadmin
    install -d -m 0700 -o nodeadmin -g nodeadmin /home/nodeadmin/.ssh
    echo 'nodeadmin ALL=(ALL) NOPASSWD:ALL' >/etc/sudoers.d/nodeadmin
    chmod 0440 /etc/sudoers.d/nodeadmin
    rm -f /etc/ssh/ssh_host_*
    printf 'HostKey /etc/ssh/ssh_host_ed25519_key\nPasswordAuthentication no\nUseDNS no\n' >/etc/ssh/sshd_config.d/mast-e2e.conf
    mkdir -p /etc/systemd/journald.conf.d
    printf '[Journal]\nStorage=volatile\nRuntimeMaxUse=32M\n' >/etc/systemd/journald.conf.d/mast-e2e.conf
    # A reboot must not wait 90 s for a nested container's process that ignores SIGTERM.
    mkdir -p /etc/systemd/system.conf.d
    printf '[Manager]\nDefaultTimeoutStopSec=10s\n' >/etc/systemd/system.conf.d/mast-e2e.conf
    # Nothing may run apt behind the tests' back, and a node has no hardware to wait for.
    systemctl mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer \
        systemd-networkd-wait-online.service getty@tty1.service 2>/dev/null || true
    # apt: only the local repository (the node layer fills it); no internet from a node.
    rm -f /etc/apt/sources.list.d/*
    echo 'deb [trusted=yes] file:/srv/mast-repo ./' >/etc/apt/sources.list
    printf 'APT::Install-Recommends "false";\nAcquire::Languages "none";\n' >/etc/apt/apt.conf.d/90mast-e2e
    apt-get clean
    rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
    : >/etc/machine-id
    rm -f /etc/hostname /var/lib/dbus/machine-id
}

base_hash() {
    { echo "$SUITE $BASE_PACKAGES | $REPO_DEBIAN | $IMAGE_DEBIAN"; declare -f customize_base build_base; } | sha256sum | cut -c1-12
}

base_dir() { echo "$CACHE/base/$(base_hash)"; }

# The base root, and beside it (debs/) the Debian packages of REPO_DEBIAN and IMAGE_DEBIAN with
# whatever they need that the base lacks, downloaded while the root still knows the mirror.
build_base() {
    local dir tmp t0=$SECONDS
    dir=$(base_dir)
    if [ -f "$dir/.done" ]; then return 0; fi
    tmp="$dir.tmp"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    log "debootstrap $SUITE into $tmp (once; cached as $(basename "$dir"))"
    debootstrap --variant=minbase --include="$(echo $BASE_PACKAGES | tr ' ' ',')" "$SUITE" "$tmp/root" "$MIRROR" \
        >"$tmp/debootstrap.log" 2>&1 || { tail -20 "$tmp/debootstrap.log" >&2; die "debootstrap failed"; }
    cp /etc/resolv.conf "$tmp/root/etc/resolv.conf"
    in_root "$tmp/root" bash -c "apt-get clean && apt-get update -q \
        && apt-get install -q -y --no-install-recommends --download-only $REPO_DEBIAN $IMAGE_DEBIAN" \
        >>"$tmp/debootstrap.log" 2>&1 || { tail -20 "$tmp/debootstrap.log" >&2; die "downloading Debian's packages failed"; }
    mkdir -p "$tmp/debs"
    mv "$tmp/root"/var/cache/apt/archives/*.deb "$tmp/debs/"
    : >"$tmp/root/etc/resolv.conf"
    in_root "$tmp/root" bash -c "$(declare -f customize_base); customize_base"
    rm -rf "$dir"
    mv "$tmp" "$dir"
    touch "$dir/.done"
    prune "$CACHE/base" "$(basename "$dir")"
    log "base ready in $((SECONDS - t0)) s: $(du -sh "$dir/root" | cut -f1), $(ls "$dir/debs" | wc -l) packages for the repository"
}

# Runs a command chrooted in ROOT with /proc, /sys and /dev, in private mount and PID namespaces
# so nothing stays mounted or running when it ends.
in_root() {
    local root=$1
    shift
    unshare --mount --pid --fork --kill-child -- bash -c '
        set -e
        r=$1; shift
        mount --make-rprivate /
        mount -t proc proc "$r/proc"
        mount -t sysfs sysfs "$r/sys"
        mount --rbind /dev "$r/dev"
        mount -t tmpfs tmpfs "$r/run"
        mount -t tmpfs tmpfs "$r/tmp"
        exec chroot "$r" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"
    ' in_root "$root" "$@"
}

# Removes what an older version of this script cached under DIR: entries without KEY in their name,
# unless a running node still has them mounted.
prune() {
    local dir=$1 key=$2 entry
    for entry in "$dir"/*; do
        [ -e "$entry" ] || continue
        case "$(basename "$entry")" in *"$key"*) continue ;; esac
        grep -q "$entry" /proc/mounts && continue
        rm -rf "$entry"
    done
}

# ---------------------------------------------------------------------------------------------
# the real programs, the repository and the images, each cached by a hash of what goes into it

programs() {
    bash "$HERE/k8s-binaries.sh" "$K8S_VERSION" "$K8S_BIN" || die "no Kubernetes $K8S_VERSION programs (see above)"
}

programs_hash() { (cd "$K8S_BIN" && sha256sum $(ls | LC_ALL=C sort)) | sha256sum | cut -c1-12; }

# A hash of files of the bed (patterns relative to its folder).
files_hash() { (cd "$HERE" && sha256sum $*) | sha256sum | cut -c1-8; }

# The local apt repository of the nodes, standing in for Debian's mirror: Debian's packages and the
# components of a cluster that runs them as services, built from the real programs. The packages of
# pkgs.k8s.io's names go beside it, into DIR-kubernetes, for build_sources.
build_repo() {
    local key dir
    key=$(base_hash)-$(programs_hash)-$(files_hash packages.sh)
    dir="$CACHE/repo/$key"
    if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir" "$dir-kubernetes"
        bash "$HERE/packages.sh" "$K8S_VERSION" "$K8S_BIN" "$(base_dir)/debs" "$dir" "$dir-kubernetes" >"$CACHE/repo/build.log" 2>&1 ||
            { tail -30 "$CACHE/repo/build.log" >&2; die "building the repository failed"; }
        touch "$dir/.done"
        prune "$CACHE/repo" "$key"
    fi
    echo "$dir"
}

# A setting of Mast's for the bed's release, read from Mast's sources as a user's Mast has it: FILE PATTERN.
mast_setting() {
    local root
    root=$(cd "$HERE/../../.." && pwd)
    grep -rhoE --include="$1" "$2" "$root/mast-core/src/main" | head -1
}

# The sites a real node gets Kubernetes from (sources.sh: pkgs.k8s.io's repository, dl.k8s.io's
# binaries, GitHub's release files), at the versions Mast asks for with the bed's release.
build_sources() {
    local minor=${K8S_VERSION#1.} tools crictl cni etcd key dir
    minor=${minor%%.*}
    tools=$(mast_setting ReleaseFiles.java "$minor, new Tools\\(\"[0-9.]+\", \"[0-9.]+\"\\)")
    crictl=$(echo "$tools" | cut -d'"' -f2)
    cni=$(echo "$tools" | cut -d'"' -f4)
    etcd=$(mast_setting KubernetesVersion.java "$minor, new Release\\([0-9]+, \"[0-9.]+-[0-9]+\"" | cut -d'"' -f2)
    etcd=${etcd%-*}
    [ -n "$crictl" ] && [ -n "$cni" ] && [ -n "$etcd" ] || die "Mast names no crictl, CNI plugins or etcd for Kubernetes 1.$minor"
    key=$(basename "$REPO_DIR")-$crictl-$cni-$etcd-$(files_hash sources.sh)
    dir="$CACHE/sources/$key"
    if [ ! -f "$dir/.done" ]; then
        mkdir -p "$CACHE/sources"
        bash "$HERE/sources.sh" "$K8S_VERSION" "$crictl" "$cni" "$etcd" "$K8S_BIN" "$REPO_DIR-kubernetes" "$(base_dir)/debs" \
            "$CACHE/sources-key" "$dir" >"$CACHE/sources/build.log" 2>&1 ||
            { tail -30 "$CACHE/sources/build.log" >&2; die "building the sources failed"; }
        touch "$dir/.done"
        prune "$CACHE/sources" "$key"
    fi
    echo "$dir"
}

# Builds layer NAME over the lower dirs (colon separated, top first) by running FUNC with the
# merged root as $1 and the layer's upper dir as $2, unless a layer with the same key exists.
build_layer() {
    local name=$1 key=$2 lowers=$3 func=$4
    local dir="$CACHE/layers/$name-$key-$(declare -f "$func" | sha256sum | cut -c1-8)"
    if [ -f "$dir/.done" ]; then echo "$dir/upper"; return 0; fi
    rm -rf "$dir"
    mkdir -p "$dir"/{upper,work,merged}
    local rc=0
    "$func" seed "$dir/upper" >"$dir/build.log" 2>&1 || rc=$?
    if [ $rc = 0 ]; then
        mount -t overlay overlay -o "lowerdir=$lowers,upperdir=$dir/upper,workdir=$dir/work" "$dir/merged"
        "$func" "$dir/merged" >>"$dir/build.log" 2>&1 || rc=$?
        umount "$dir/merged"
    fi
    rm -rf "$dir/work"
    if [ $rc -ne 0 ]; then
        tail -30 "$dir/build.log" >&2
        die "building layer $name failed (log: $dir/build.log)"
    fi
    touch "$dir/.done"
    echo "$dir/upper"
}

# The node layer: the repository (hard links, in the upper dir before it is mounted), apt's lists
# and caches generated once (else apt copies ~70 MB per node), and the bed's own set-up of a node.
REPO_DIR=
fill_node_layer() {
    if [ "$1" = seed ]; then
        mkdir -p "$2/srv"
        cp -al "$REPO_DIR" "$2/srv/mast-repo"
        rm -f "$2/srv/mast-repo/.done"
        return
    fi
    local root=$1
    install -m 0755 "$HERE/node-setup.sh" "$root/usr/local/sbin/mast-e2e-node-setup"
    install -m 0755 "$HERE/runc-wrapper.sh" "$root/usr/local/sbin/mast-e2e-runc"
    cat >"$root/etc/systemd/system/mast-e2e-node.service" <<'UNIT'
[Unit]
Description=What this machine needs to run Kubernetes in a test node (Mast's test bed)
DefaultDependencies=no
After=sysinit.target
Before=containerd.service kubelet.service etcd.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/mast-e2e-node-setup

[Install]
WantedBy=multi-user.target
UNIT
    in_root "$root" bash -c 'set -e
        systemctl enable mast-e2e-node.service
        # runc comes from the repository when containerd is installed; the bed puts its wrapper in front.
        dpkg-divert --local --rename --divert /usr/sbin/runc.real --add /usr/sbin/runc
        ln -s /usr/local/sbin/mast-e2e-runc /usr/sbin/runc
        apt-get update -q && apt-get clean && apt-cache gencaches'
}

# Prints the lowerdir option for a node: "fresh", or "legacy-LAYOUT-master|worker" (legacy.sh).
node_lowers() {
    local kind=$1 base node legacy
    base=$(base_dir)/root
    node=$(build_layer node "$(basename "$REPO_DIR")-$(files_hash node-setup.sh runc-wrapper.sh)" "$base" fill_node_layer)
    case "$kind" in
        fresh) echo "$node:$base" ;;
        legacy-*)
            legacy=$(build_layer "$kind" "$(basename "$(dirname "$node")")" "$node:$base" "layer_${kind//-/_}")
            echo "$legacy:$node:$base" ;;
        *) die "unknown node kind $kind" ;;
    esac
}

# The OCI images. mkimage.py takes their files from a root: the base, with the Debian packages the
# images need (iptables for kube-proxy, busybox, ...) unpacked over it in an overlay.
build_images() {
    local key dir tools base deb pkg rc=0
    base=$(base_dir)
    key=$(base_hash)-$(programs_hash)-$( { files_hash mkimage.py pause.c 'standin/*'; declare -f build_images; } | sha256sum | cut -c1-8)
    dir="$CACHE/images/$key"
    if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir"
        tools="$dir/tools"
        mkdir -p "$tools"/{stage,upper,work,root}
        for deb in "$base"/debs/*.deb; do
            pkg=$(dpkg-deb -f "$deb" Package)
            [[ $pkg == lib* || $pkg == netbase || " $IMAGE_DEBIAN $IMAGE_FROM_REPO " == *" $pkg "* ]] && dpkg-deb -x "$deb" "$tools/stage"
        done
        # The base merges /bin, /sbin and /lib* into /usr (links); some packages still ship files there.
        for sub in bin sbin lib lib64; do
            if [ -d "$tools/stage/$sub" ] && [ ! -L "$tools/stage/$sub" ]; then
                mkdir -p "$tools/stage/usr/$sub"
                cp -a "$tools/stage/$sub/." "$tools/stage/usr/$sub/"
                rm -rf "${tools:?}/stage/$sub"
            fi
        done
        cp -a "$tools/stage/." "$tools/upper/"
        mount -t overlay overlay -o "lowerdir=$base/root,upperdir=$tools/upper,workdir=$tools/work" "$tools/root"
        python3 "$HERE/mkimage.py" --root "$tools/root" --programs "$K8S_BIN" --standin "$HERE/standin" \
            --pause "$HERE/pause.c" --out "$dir" >"$dir/build.log" 2>&1 || rc=$?
        umount "$tools/root"
        rm -rf "$tools"
        [ $rc = 0 ] || { tail -30 "$dir/build.log" >&2; die "building the images failed (log: $dir/build.log)"; }
        touch "$dir/.done"
        prune "$CACHE/images" "$key"
    fi
    echo "$dir"
}

# The tags Mast asks for that the bed can serve: the components of the bed's release, and every
# pause and CoreDNS tag and flannel image in Mast's sources (kubeadm's pins per release, the add-ons).
source_tags() {
    local root pattern=$1
    root=$(cd "$HERE/../../.." && pwd)
    grep -rhoE --include=KubernetesVersion.java --include=Flannel.java "$pattern" "$root" | sort -u
}

push_images() {
    local dir=$1 stamp t image refs=()
    refs+=("kube-apiserver:kube-apiserver:v$K8S_VERSION" "kube-controller-manager:kube-controller-manager:v$K8S_VERSION"
        "kube-scheduler:kube-scheduler:v$K8S_VERSION" "kube-proxy:kube-proxy:v$K8S_VERSION" "broken:e2e-broken:v1")
    for t in $(source_tags 'new Release\([^)]*\)' | grep -oE '"3\.[0-9]+(\.[0-9]+)?"' | tr -d '"' | sort -u); do
        refs+=("pause:pause:$t")
    done
    for t in $(source_tags 'new Release\([^)]*\)' | grep -oE '"v1\.[0-9]+\.[0-9]+"' | tr -d '"' | sort -u); do
        refs+=("coredns:coredns/coredns:$t")
    done
    # Debian's etcd under every tag kubeadm pins: the only etcd that can be had here (mkimage.py).
    for t in $(source_tags 'new Release\([^)]*\)' | grep -oE '"3\.[0-9]+\.[0-9]+-[0-9]+"' | tr -d '"' | sort -u); do
        refs+=("etcd:etcd:$t")
    done
    for t in $(source_tags 'ghcr\.io/flannel-io/[a-z-]+:v[0-9][^"]*'); do
        t=${t#ghcr.io/}
        image=${t#*/}
        refs+=("${image%%:*}:$t")
    done
    stamp="$CACHE/registry/pushed-$(basename "$dir")-$(echo "${refs[*]}" | sha256sum | cut -c1-8)"
    [ -f "$stamp" ] && return 0
    local ref
    for ref in "${refs[@]}"; do
        skopeo copy -q --insecure-policy --dest-tls-verify=false "oci:$dir/layout:${ref%%:*}" "docker://$REGISTRY/${ref#*:}" \
            >/dev/null || die "pushing ${ref#*:} failed"
    done
    rm -f "$CACHE"/registry/pushed-*
    touch "$stamp"
    log "pushed ${#refs[@]} images: ${refs[*]#*:}"
}

# ---------------------------------------------------------------------------------------------
# this bed's registry, sites and load balancer

# The nodes' pkgs.k8s.io, dl.k8s.io and GitHub: the folder sources.sh made, over HTTP on the bed's address.
start_sources() {
    local dir=$1 pidfile="$W/run/sources.pid"
    stop_pid_file "$pidfile" http.server
    setsid python3 -m http.server --bind "$HOST_IP" --directory "$dir" "${SOURCES##*:}" >"$W/run/sources.log" 2>&1 \
        </dev/null 8>&- 9>&- &
    echo $! >"$pidfile"
    local i
    for i in $(seq 1 50); do
        if curl -sf "$SOURCES/README.txt" >/dev/null; then return 0; fi
        sleep 0.1
    done
    die "the sources' HTTP server did not start (log: $W/run/sources.log)"
}

start_registry() {
    local pidfile="$W/run/registry.pid"
    if [ -f "$pidfile" ] && alive "$(cat "$pidfile")"; then return 0; fi
    mkdir -p "$CACHE/registry/data"
    cat >"$W/run/registry.yml" <<EOF
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: $CACHE/registry/data}
  delete: {enabled: true}
http:
  addr: $REGISTRY
EOF
    setsid docker-registry serve "$W/run/registry.yml" >"$W/run/registry.log" 2>&1 </dev/null 8>&- 9>&- &
    echo $! >"$pidfile"
    local i
    for i in $(seq 1 50); do
        if curl -sf "http://$REGISTRY/v2/" >/dev/null; then return 0; fi
        sleep 0.1
    done
    die "the registry did not start (log: $W/run/registry.log)"
}

# haproxy on the bridge address, port 6443, in front of the masters' API servers: the plan's
# controlPlaneEndpoint. It checks each API server's /readyz, as a cloud load balancer would.
start_lb() {
    local masters=$1 i
    {
        echo "global"
        echo "    maxconn 1000"
        echo "defaults"
        echo "    mode tcp"
        echo "    timeout connect 5s"
        echo "    timeout client 1h"
        echo "    timeout server 1h"
        echo "frontend apiserver"
        echo "    bind $HOST_IP:$LB_PORT"
        echo "    default_backend masters"
        echo "backend masters"
        echo "    option httpchk GET /readyz"
        echo "    http-check expect status 200"
        echo "    default-server inter 2s fall 2 rise 1 check check-ssl verify none"
        for i in $(seq 1 "$masters"); do
            echo "    server $(node_name "$i") $(node_ip "$i"):6443"
        done
    } >"$W/run/haproxy.cfg"
    setsid haproxy -db -f "$W/run/haproxy.cfg" >"$W/run/haproxy.log" 2>&1 </dev/null 8>&- 9>&- &
    echo $! >"$W/run/haproxy.pid"
    sleep 0.2
    alive "$(cat "$W/run/haproxy.pid")" || die "haproxy did not start: $(tail -5 "$W/run/haproxy.log")"
}

# Stops the program a pid file names, if that pid is still that program: a file left by a killed run may name a pid
# the system has since given to another process (a node's kubelet, say), which must not get the signal.
stop_pid_file() {
    local file=$1 program=$2 pid i
    pid=$(cat "$file" 2>/dev/null || true)
    if [ -n "$pid" ] && alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$program"; then
        kill -TERM "$pid" 2>/dev/null || true
        for i in $(seq 1 20); do alive "$pid" || break; sleep 0.1; done
        alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

# ---------------------------------------------------------------------------------------------
# network

alive() {
    # A zombie (reaped late by the host's PID 1) counts as dead.
    local state
    state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

node_name() { printf 'node%03d' "$1"; }
node_ip() { if behind_bastion; then echo "$NODES_NET.$((10 + $1))"; else echo "$NET.$((10 + $1))"; fi; }
behind_bastion() { [ -e "$W/run/bastion" ]; }
# Where this machine reaches a node (NAME: nodeNNN or bastion) or, behind the bastion, where the bastion does.
node_address() { if [ "$1" = bastion ]; then echo "$BASTION_OUTER"; else node_ip "$(node_index "$1")"; fi; }
node_index() { local n=${1#node}; echo $((10#$n)); }

ensure_bridge() {
    if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
        ip link add "$BRIDGE" type bridge
        ip addr add "$HOST_IP/24" dev "$BRIDGE"
    fi
    ip link set "$BRIDGE" up
}

# The nodes' bridge behind the bastion: up, with no address of this machine's, not even IPv6's link-local one.
ensure_nodes_bridge() {
    if ! ip link show "$NODES_BRIDGE" >/dev/null 2>&1; then
        ip link add "$NODES_BRIDGE" type bridge
        ip link set "$NODES_BRIDGE" addrgenmode none
    fi
    ip link set "$NODES_BRIDGE" up
}

# A leg of network namespace NS on BRIDGE: a veth pair, VETH on this machine's side, IFNAME with ADDRESS inside.
add_leg() {
    local ns=$1 veth=$2 bridge=$3 ifname=$4 address=$5
    ip link add "$veth" type veth peer name "${veth}p"
    ip link set "${veth}p" netns "$ns"
    [ "$bridge" = "$NODES_BRIDGE" ] && ip link set "$veth" addrgenmode none
    ip link set "$veth" master "$bridge" up
    ip -n "$ns" link set "${veth}p" name "$ifname"
    ip -n "$ns" addr add "$address/24" dev "$ifname"
    ip -n "$ns" link set "$ifname" up
}

setup_netns() {
    local i=$1 ns bridge=$BRIDGE gateway=$HOST_IP
    ns=$NAME-$(node_name "$i")
    if behind_bastion; then bridge=$NODES_BRIDGE gateway=$BASTION_INNER; fi
    ip netns add "$ns"
    add_leg "$ns" "$NAME-v$i" "$bridge" eth0 "$(node_ip "$i")"
    ip -n "$ns" link set lo up
    # A default route, as every real node has: the kernel routes a connection to a Service address
    # (10.96.0.1) before kube-proxy's rules rewrite it, and finds no route without one. The host (and
    # the bastion) does not forward (net.ipv4.ip_forward stays as it is, 0 here), so the nodes still
    # reach nothing beyond their bridge.
    ip -n "$ns" route add default via "$gateway"
}

# The bastion's namespace: one leg on this machine's bridge, one on the nodes'. It forwards nothing.
setup_bastion_netns() {
    local ns=$NAME-bastion
    ip netns add "$ns"
    add_leg "$ns" "$NAME-vbo" "$BRIDGE" eth0 "$BASTION_OUTER"
    add_leg "$ns" "$NAME-vbi" "$NODES_BRIDGE" eth1 "$BASTION_INNER"
    ip -n "$ns" link set lo up
}

# ---------------------------------------------------------------------------------------------
# host settings: kernel-wide, so shared by every bed; saved by the first bed up, restored by the last down

HOST_SYSCTLS="fs.inotify.max_user_instances=8192 fs.inotify.max_user_watches=1048576"
# kube-proxy writes net.netfilter.nf_conntrack_max when it differs from what it wants (131072 on
# two cores), and only the host's network namespace may write it: the value must already be right.
HOST_SYSCTLS="$HOST_SYSCTLS net.netfilter.nf_conntrack_max=$(( $(nproc) * 32768 > 131072 ? $(nproc) * 32768 : 131072 ))"

hold_host_settings() {
    mkdir -p "$MACHINE/holders"
    (
        flock 7
        local kv key
        for kv in $HOST_SYSCTLS; do
            key=${kv%%=*}
            grep -q "^$key=" "$MACHINE/sysctl.saved" 2>/dev/null || echo "$key=$(sysctl -n "$key")" >>"$MACHINE/sysctl.saved"
            sysctl -qw "$kv"
        done
        echo "$W" >"$MACHINE/holders/$BED"
    ) 7>"$MACHINE/.lock"
}

release_host_settings() {
    [ -d "$MACHINE" ] || return 0
    (
        flock 7
        rm -f "$MACHINE/holders/$BED"
        if [ -z "$(ls "$MACHINE/holders" 2>/dev/null)" ] && [ -f "$MACHINE/sysctl.saved" ]; then
            local line
            while IFS= read -r line; do sysctl -qw "$line" || true; done <"$MACHINE/sysctl.saved"
            rm -f "$MACHINE/sysctl.saved"
        fi
    ) 7>"$MACHINE/.lock"
}

# ---------------------------------------------------------------------------------------------
# cgroups: every node in its own subtree of every hierarchy (else nspawn nodes share one)

cgroup_dirs() {
    # Prints "<mount point>/<current cgroup>/mast-e2e-BED/NODE" for every hierarchy.
    local node=$1 line ctrl path mnt
    while IFS= read -r line; do
        ctrl=$(echo "$line" | cut -d: -f2)
        path=$(echo "$line" | cut -d: -f3-)
        case "$ctrl" in
            "") mnt=/sys/fs/cgroup/unified ;;
            name=systemd) mnt=/sys/fs/cgroup/systemd ;;
            *) mnt=/sys/fs/cgroup/$ctrl ;;
        esac
        [ -d "$mnt" ] || continue
        echo "$mnt${path%/}/mast-e2e-$BED/$node"
    done </proc/self/cgroup
}

enter_cgroups() {
    local node=$1 dir parent
    for dir in $(cgroup_dirs "$node"); do
        mkdir -p "$dir"
        echo "$dir" >>"$W/run/cgroups.list"
        case "$dir" in
            /sys/fs/cgroup/cpuset/*)
                for parent in "$(dirname "$dir")" "$dir"; do
                    [ -s "$parent/cpuset.cpus" ] || cat "$(dirname "$parent")/cpuset.cpus" >"$parent/cpuset.cpus"
                    [ -s "$parent/cpuset.mems" ] || cat "$(dirname "$parent")/cpuset.mems" >"$parent/cpuset.mems"
                done ;;
        esac
        echo "$BASHPID" >"$dir/cgroup.procs"
    done
}

remove_cgroups() {
    local file="$W/run/cgroups.list" dir
    [ -f "$file" ] || return 0
    # Deepest first: nested containers leave cgroups inside the node's. What cannot go yet
    # (a process still in it) stays listed for the next clean-up.
    for dir in $(sort -u "$file"); do
        [ -d "$dir" ] && find "$dir" -depth -type d -exec rmdir {} \; 2>/dev/null
        rmdir "$(dirname "$dir")" 2>/dev/null || true
    done
    for dir in $(sort -u "$file"); do [ -d "$dir" ] && echo "$dir"; done >"$file.left" || true
    mv "$file.left" "$file"
    [ -s "$file" ] || rm -f "$file"
}

# The memory the node's cgroup holds now (page cache included), in MiB.
node_memory_mib() {
    local dir
    dir=$(cgroup_dirs "$1" | grep '^/sys/fs/cgroup/memory/' | head -1)
    [ -n "$dir" ] && [ -f "$dir/memory.usage_in_bytes" ] && echo $(( $(cat "$dir/memory.usage_in_bytes") / 1048576 ))
}

# ---------------------------------------------------------------------------------------------
# nodes

node_dir() { echo "$W/nodes/$1"; }

prepare_node() {
    local name=$1 ip=$2 lowers=$3 dir upper registry
    dir=$(node_dir "$name")
    rm -rf "$dir"
    mkdir -p "$dir"/{upper,work,root,containerd}
    upper=$dir/upper
    mkdir -p "$upper/etc/ssh" "$upper/home/nodeadmin/.ssh"
    echo "$name" >"$upper/etc/hostname"
    printf '127.0.0.1\tlocalhost\n%s\t%s\n' "$ip" "$name" >"$upper/etc/hosts"
    od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$upper/etc/machine-id"
    echo >>"$upper/etc/machine-id"
    ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$upper/etc/ssh/ssh_host_ed25519_key"
    cp "$W/keys/id_ed25519.pub" "$upper/home/nodeadmin/.ssh/authorized_keys"
    chmod 0700 "$upper/home/nodeadmin/.ssh"
    chmod 0600 "$upper/home/nodeadmin/.ssh/authorized_keys"
    chown -R 1000:1000 "$upper/home/nodeadmin"
    # Same owner and mode as in the base, else the overlay would show the upper's.
    chown --reference="$(echo "$lowers" | awk -F: '{print $NF}')/home/nodeadmin" "$upper/home/nodeadmin"
    # An old cluster's installer pointed containerd at this bed's registry (containerd's config_path names
    # this folder). A fresh node has none: the plan's sources name the registry, and Mast writes them.
    if [[ "$lowers" == *legacy-* ]]; then
        for registry in registry.k8s.io ghcr.io; do
            mkdir -p "$upper/etc/containerd/certs.d/$registry"
            printf 'server = "http://%s"\n\n[host."http://%s"]\n  capabilities = ["pull", "resolve"]\n' "$REGISTRY" "$REGISTRY" \
                >"$upper/etc/containerd/certs.d/$registry/hosts.toml"
        done
    fi
    echo "$lowers" >"$dir/lowers"
}

mount_node() {
    local name=$1 dir
    dir=$(node_dir "$name")
    mountpoint -q "$dir/root" && return 0
    mount -t overlay overlay -o "lowerdir=$(cat "$dir/lowers"),upperdir=$dir/upper,workdir=$dir/work" "$dir/root"
}

# Starts node NAME's supervisor: it runs nspawn and boots the node again when it reboots
# itself (nspawn exits 133), as systemd-nspawn@.service does.
start_node() {
    local name=$1 dir
    dir=$(node_dir "$name")
    mount_node "$name"
    rm -f "$dir/stopped"
    setsid bash -c '
        set -u
        dir=$1 name=$2 ns=$3 script=$4
        source "$script" --library
        set +e
        enter_cgroups "$name"
        while :; do
            SYSTEMD_NSPAWN_API_VFS_WRITABLE=network systemd-nspawn -D "$dir/root" -M "$name" -b \
                --register=no --keep-unit --link-journal=no --console=read-only \
                --network-namespace-path="/run/netns/$ns" --capability=CAP_NET_ADMIN \
                --system-call-filter=@keyring --bind="$dir/containerd:/var/lib/containerd" \
                >>"$dir/console.log" 2>&1 &
            echo $! >"$dir/nspawn.pid"
            wait $!
            rc=$?
            echo "nspawn exited $rc at $(date +%T)" >>"$dir/console.log"
            [ -e "$dir/stopped" ] && break
            [ $rc -eq 133 ] || [ -e "$dir/restart" ] || break
            rm -f "$dir/restart"
        done
    ' supervise "$dir" "$name" "$NAME-$name" "${BASH_SOURCE[0]}" </dev/null >/dev/null 2>&1 8>&- 9>&- &
    echo $! >"$dir/supervisor.pid"
}

# The node's PID 1 (systemd), a child of nspawn.
node_init_pid() {
    local dir
    dir=$(node_dir "$1")
    [ -f "$dir/nspawn.pid" ] || return 1
    ps -o pid= --ppid "$(cat "$dir/nspawn.pid")" 2>/dev/null | head -1 | tr -d ' '
}

ssh_node() {
    local name=$1 options
    shift
    options=(-i "$W/keys/id_ed25519" -o BatchMode=yes -o ConnectTimeout=3 -o StrictHostKeyChecking=yes
        -o UserKnownHostsFile="$W/run/known_hosts" -o LogLevel=ERROR)
    if behind_bastion && [ "$name" != bastion ]; then
        # -J would not give the jump host these options: a ProxyCommand does.
        ssh "${options[@]}" -o ProxyCommand="ssh ${options[*]} -W %h:%p nodeadmin@$BASTION_OUTER" \
            "nodeadmin@$(node_address "$name")" "$@"
    else
        ssh "${options[@]}" "nodeadmin@$(node_address "$name")" "$@"
    fi
}

wait_ready() {
    local name=$1 deadline=$((SECONDS + ${2:-90})) state=
    while [ $SECONDS -lt $deadline ]; do
        state=$(ssh_node "$name" systemctl is-system-running 2>/dev/null) || true
        case "$state" in
            running|degraded) return 0 ;;
        esac
        sleep 0.3
    done
    log "$name did not become ready (state: ${state:-no ssh}); console: $(node_dir "$name")/console.log"
    tail -20 "$(node_dir "$name")/console.log" >&2 || true
    return 1
}

write_known_hosts() {
    local dir name
    : >"$W/run/known_hosts"
    for dir in "$W"/nodes/*; do
        [ -f "$dir/upper/etc/ssh/ssh_host_ed25519_key.pub" ] || continue
        name=$(basename "$dir")
        echo "$(node_address "$name") $(cut -d' ' -f1,2 "$dir/upper/etc/ssh/ssh_host_ed25519_key.pub")" \
            >>"$W/run/known_hosts"
    done
}

write_plan() {
    local out=$1 count=$2 masters=$3 lb=$4 i roles sources=$SOURCES registry=$REGISTRY jump=
    if behind_bastion; then
        # The site's mirrors inside the private network (start_inner_mirrors); the nodes reached through the bastion.
        sources=http://$BASTION_INNER:${SOURCES##*:} registry=$BASTION_INNER:${REGISTRY##*:}
        jump=", jump: nodeadmin@$BASTION_OUTER:22"
    fi
    {
        echo "# Written by src/test/e2e/nodes.sh for $count test nodes of bed $BED."
        echo "cluster:"
        echo "  name: e2e"
        echo "  kubernetesVersion: $K8S_VERSION"
        echo "  containerRuntime: containerd"
        echo "  podCidr: 10.244.0.0/16"
        echo "  serviceCidr: 10.96.0.0/12"
        echo "  dnsDomain: cluster.local"
        echo "  apiServerPort: 6443"
        [ "$lb" = 1 ] && echo "  controlPlaneEndpoint: $HOST_IP:$LB_PORT"
        echo "  extraFlags:"
        echo "    kube-apiserver:"
        echo "      audit-log-maxage: \"30\""
        echo "sources:                     # the bed's own sites; the nodes reach nothing else"
        echo "  packageRepository: $sources/pkgs/core:/stable:/v${K8S_VERSION%.*}"
        echo "  imageRegistry: http://$registry"
        echo "nodes:"
        for i in $(seq 1 "$count"); do
            if [ "$i" -le "$masters" ]; then roles="[etcd, master]"; else roles="[worker]"; fi
            echo "  - hostName: $(node_name "$i")"
            echo "    ip: $(node_ip "$i")"
            echo "    roles: $roles"
            echo "    ssh: {user: nodeadmin, port: 22, keyFile: $W/keys/id_ed25519$jump}"
        done
    } >"$out"
}

# An operator's ~/.ssh/config for the nodes behind the bastion: FILE names them by a Host pattern and
# goes through the bastion (ProxyJump), which a file it includes (FILE.d/bastion.conf) names.
write_ssh_config() {
    local out=$1
    mkdir -p "$out.d"
    {
        echo "# Written by src/test/e2e/nodes.sh: the nodes of bed $BED, reached only through its bastion."
        echo "Include $out.d/*.conf"
        echo ""
        echo "Host $NODES_NET.* !$BASTION_INNER"
        echo "    User nodeadmin"
        echo "    ProxyJump e2e-bastion"
        echo "    IdentityFile $W/keys/id_ed25519"
        echo "    ConnectTimeout 10"
    } >"$out"
    {
        echo "Host e2e-bastion"
        echo "    HostName $BASTION_OUTER"
        echo "    User nodeadmin"
        echo "    Port 22"
        echo "    IdentityFile $W/keys/id_ed25519"
        echo "    IdentitiesOnly yes"
    } >"$out.d/bastion.conf"
}

# The site's mirrors inside the private network: the bed's registry (the same storage) and sources again,
# served from the bastion's network namespace on its inner address, the only one the nodes reach.
start_inner_mirrors() {
    local sources=$1 ns=$NAME-bastion i
    stop_inner_mirrors
    sed "s|^  addr: .*|  addr: $BASTION_INNER:${REGISTRY##*:}|" "$W/run/registry.yml" >"$W/run/registry-inner.yml"
    setsid ip netns exec "$ns" docker-registry serve "$W/run/registry-inner.yml" >"$W/run/registry-inner.log" 2>&1 \
        </dev/null 8>&- 9>&- &
    echo $! >"$W/run/registry-inner.pid"
    setsid ip netns exec "$ns" python3 -m http.server --bind "$BASTION_INNER" --directory "$sources" "${SOURCES##*:}" \
        >"$W/run/sources-inner.log" 2>&1 </dev/null 8>&- 9>&- &
    echo $! >"$W/run/sources-inner.pid"
    for i in $(seq 1 50); do
        if ip netns exec "$ns" curl -sf "http://$BASTION_INNER:${REGISTRY##*:}/v2/" >/dev/null \
            && ip netns exec "$ns" curl -sf "http://$BASTION_INNER:${SOURCES##*:}/README.txt" >/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    die "the mirrors on the bastion did not start (logs: $W/run/registry-inner.log, $W/run/sources-inner.log)"
}

stop_inner_mirrors() {
    stop_pid_file "$W/run/registry-inner.pid" docker-registry
    stop_pid_file "$W/run/sources-inner.pid" http.server
}

cmd_up() {
    local count=${1:-}
    shift || true
    [[ "$count" =~ ^[0-9]+$ ]] && [ "$count" -ge 1 ] && [ "$count" -le 60 ] || die "usage: up N (1..60) [options]"
    local masters=1 legacy= lb=0 bastion=0 plan_out= known_out= config_out=
    while [ $# -gt 0 ]; do
        case "$1" in
            --masters) masters=$2; shift 2 ;;
            --legacy) legacy=kubeadm; shift ;;
            --legacy=*) legacy=${1#--legacy=}; shift ;;
            --lb) lb=1; shift ;;
            --bastion) bastion=1; shift ;;
            --ssh-config-out) config_out=$2; shift 2 ;;
            --plan-out) plan_out=$2; shift 2 ;;
            --known-hosts-out) known_out=$2; shift 2 ;;
            *) die "unknown option $1" ;;
        esac
    done
    [ "$masters" -le "$count" ] || die "--masters $masters is more than $count nodes"
    if [ "$bastion" = 1 ] && { [ -n "$legacy" ] || [ "$lb" = 1 ]; }; then
        die "--bastion goes with neither --legacy nor --lb (their clusters are reached from this machine)"
    fi
    [ -z "$config_out" ] || [ "$bastion" = 1 ] || die "--ssh-config-out is for nodes behind a bastion: add --bastion"
    [ -z "$legacy" ] || legacy_layout_exists "$legacy" || die "no legacy layout $legacy (legacy.sh has: $(legacy_layouts))"
    mkdir -p "$W"
    exec 9>"$W/.lock"
    flock 9
    cmd_down_locked
    rm -rf "$W"/nodes/*
    setup_host
    rm -f "$W/run/bastion"
    [ "$bastion" = 0 ] || touch "$W/run/bastion"
    local t0=$SECONDS i images sources lowers lowers_master lowers_worker
    lock_cache
    build_base
    programs
    REPO_DIR=$(build_repo)
    lowers_master=$(node_lowers fresh)
    lowers_worker=$lowers_master
    if [ -n "$legacy" ]; then
        lowers_master=$(node_lowers "legacy-$legacy-master")
        lowers_worker=$(node_lowers "legacy-$legacy-worker")
    fi
    prune "$CACHE/layers" "$(basename "$REPO_DIR")"
    images=$(build_images)
    sources=$(build_sources)
    ensure_bridge
    start_registry
    push_images "$images"
    start_sources "$sources"
    unlock_cache
    hold_host_settings
    log "base, repository, layers and images ready in $((SECONDS - t0)) s"
    t0=$SECONDS
    for i in $(seq 1 "$count"); do
        if [ "$i" -le "$masters" ]; then lowers=$lowers_master; else lowers=$lowers_worker; fi
        prepare_node "$(node_name "$i")" "$(node_ip "$i")" "$lowers"
    done
    if [ -n "$legacy" ]; then
        legacy_cluster "$legacy" "$count" "$masters" "$lb"
    fi
    [ "$lb" = 1 ] && start_lb "$masters"
    if [ "$bastion" = 1 ]; then
        ensure_nodes_bridge
        prepare_node bastion "$BASTION_OUTER" "$lowers_master"
        setup_bastion_netns
        start_node bastion
        start_inner_mirrors "$sources"
    fi
    for i in $(seq 1 "$count"); do
        setup_netns "$i"
        start_node "$(node_name "$i")"
    done
    write_known_hosts
    local failed=0
    if [ "$bastion" = 1 ]; then wait_ready bastion || die "the bastion did not boot"; fi
    for i in $(seq 1 "$count"); do
        wait_ready "$(node_name "$i")" || failed=1
    done
    [ $failed = 0 ] || die "some nodes did not boot"
    log "$count nodes up in $((SECONDS - t0)) s"
    if [ -n "$legacy" ]; then
        legacy_wait_healthy "$legacy" "$count" "$masters" || die "the legacy cluster did not become healthy"
        log "legacy $legacy cluster healthy after $((SECONDS - t0)) s"
    fi
    if [ -n "$plan_out" ]; then write_plan "$plan_out" "$count" "$masters" "$lb"; fi
    if [ -n "$known_out" ]; then cp "$W/run/known_hosts" "$known_out"; fi
    if [ -n "$config_out" ]; then write_ssh_config "$config_out"; fi
    echo "boot-seconds=$((SECONDS - t0))"
}

stop_node() {
    local name=$1 dir pid init i
    dir=$(node_dir "$name")
    touch "$dir/stopped"
    pid=$(cat "$dir/nspawn.pid" 2>/dev/null || true)
    init=$(node_init_pid "$name" || true)
    if [ -n "$pid" ] && alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for i in $(seq 1 30); do alive "$pid" || break; sleep 0.1; done
        # Never SIGKILL nspawn alone: its container would live on. Kill the node's PID 1.
        if alive "$pid" && [ -n "$init" ]; then kill -KILL "$init" 2>/dev/null || true; fi
        for i in $(seq 1 30); do alive "$pid" || break; sleep 0.1; done
        if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    if [ -n "$init" ] && alive "$init"; then kill -KILL "$init" 2>/dev/null || true; fi
    pid=$(cat "$dir/supervisor.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    # A node whose nspawn was SIGKILLed lives on without it: its processes are still in its cgroups.
    local left
    for i in 1 2 3 4 5; do
        left=$(processes_in "$name")
        [ -z "$left" ] && break
        kill -KILL $left 2>/dev/null || true
        sleep 0.3
    done
    # Mounts the node's nested containers left behind (containerd's rootfs, shm, the kubelet's volumes).
    grep -o " $dir/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
}

processes_in() {
    local name=$1 dir
    [ -f "$W/run/cgroups.list" ] || return 0
    for dir in $(grep "/mast-e2e-$BED/$name\$" "$W/run/cgroups.list" | sort -u); do
        [ -d "$dir" ] && find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null
    done | sort -un
}

cmd_down_locked() {
    local dir name ns
    stop_inner_mirrors
    for dir in "$W"/nodes/*; do
        [ -d "$dir" ] || continue
        name=$(basename "$dir")
        stop_node "$name" &
    done
    wait
    for dir in "$W"/nodes/*; do
        [ -d "$dir" ] || continue
        mountpoint -q "$dir/root" && umount "$dir/root" 2>/dev/null || umount -l "$dir/root" 2>/dev/null || true
    done
    for ns in $(ip netns list 2>/dev/null | awk -v p="^$NAME-(node|bastion)" '$1 ~ p {print $1}'); do ip netns del "$ns" 2>/dev/null || true; done
    ip -o link show 2>/dev/null | awk -F': ' -v p="^$NAME-v([0-9]+|b[io])@" '$2 ~ p {split($2, a, "@"); print a[1]}' |
        while read -r l; do ip link del "$l" 2>/dev/null || true; done
    ip link del "$BRIDGE" 2>/dev/null || true
    ip link del "$NODES_BRIDGE" 2>/dev/null || true
    stop_pid_file "$W/run/registry.pid" docker-registry
    stop_pid_file "$W/run/sources.pid" http.server
    stop_pid_file "$W/run/haproxy.pid" haproxy
    remove_cgroups
    release_host_settings
}

cmd_down() {
    [ -d "$W" ] || return 0
    exec 9>"$W/.lock"
    flock 9
    cmd_down_locked
    log "down"
}

cmd_clean() {
    cmd_down
    rm -rf "$W/nodes" "$W/run" "$W/legacy"
    log "removed the nodes; the shared cache stays in $CACHE (rm -rf it to drop the base, packages and images)"
}

cmd_reboot() {
    local name=$1 mode=${2:-} dir pid init i
    dir=$(node_dir "$name")
    [ -d "$dir" ] || die "no node $name"
    pid=$(cat "$dir/nspawn.pid")
    init=$(node_init_pid "$name") || die "$name is not running"
    if [ "$mode" = --hard ]; then
        # Power cut: the supervisor boots it again.
        touch "$dir/restart"
        kill -KILL "$init"
    else
        # SIGINT to systemd is ctrl-alt-del: a clean reboot; nspawn then exits 133.
        kill -INT "$init"
    fi
    for i in $(seq 1 300); do
        [ "$(cat "$dir/nspawn.pid")" != "$pid" ] && break
        sleep 0.1
    done
    if [ "$(cat "$dir/nspawn.pid")" = "$pid" ]; then
        log "$name did not halt within 30 s: killing its PID 1"
        touch "$dir/restart"
        kill -KILL "$init" 2>/dev/null || true
        for i in $(seq 1 100); do
            [ "$(cat "$dir/nspawn.pid")" != "$pid" ] && break
            sleep 0.1
        done
    fi
    [ "$(cat "$dir/nspawn.pid")" != "$pid" ] || die "$name did not go down"
    wait_ready "$name"
    log "$name rebooted"
}

cmd_status() {
    local dir name pid state
    for dir in "$W"/nodes/*; do
        [ -d "$dir" ] || continue
        name=$(basename "$dir")
        pid=$(cat "$dir/nspawn.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && alive "$pid"; then
            state="$(ssh_node "$name" systemctl is-system-running 2>/dev/null || echo "no ssh") $(node_memory_mib "$name" || echo ?) MiB"
        else
            state=down
        fi
        echo "$name $(node_address "$name") $state"
    done
    pid=$(cat "$W/run/registry.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && alive "$pid"; then echo "registry $REGISTRY up"; else echo "registry down"; fi
    pid=$(cat "$W/run/sources.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && alive "$pid"; then echo "sources $SOURCES up"; else echo "sources down"; fi
}

# Each node's memory (its cgroup's usage, page cache included) and their sum, in MiB.
cmd_memory() {
    local dir name mib total=0
    for dir in "$W"/nodes/node*; do
        [ -d "$dir" ] || continue
        name=$(basename "$dir")
        mib=$(node_memory_mib "$name" || echo 0)
        total=$((total + ${mib:-0}))
        echo "$name=${mib:-?}"
    done
    echo "total=$total"
}

# What the tests need to know about this bed, as key=value lines.
cmd_env() {
    echo "bed=$BED"
    echo "dir=$W"
    echo "net=$NET"
    echo "host_ip=$HOST_IP"
    echo "k8s_version=$K8S_VERSION"
    echo "k8s_bin=$K8S_BIN"
    echo "key=$W/keys/id_ed25519"
    echo "sources=$SOURCES"
    echo "registry=http://$REGISTRY"
}

# Replaces COMPONENT's image on NODE by one whose program exits at once, under the same
# name, as a corrupted image would: the next static pod of it never becomes healthy.
cmd_break_image() {
    local name=$1 component=$2 tag
    tag="registry.k8s.io/$component:v$K8S_VERSION"
    ssh_node "$name" "sudo ctr -n k8s.io images pull --hosts-dir /etc/containerd/certs.d registry.k8s.io/e2e-broken:v1 >/dev/null \
        && sudo ctr -n k8s.io images rm '$tag' >/dev/null 2>&1; sudo ctr -n k8s.io images tag registry.k8s.io/e2e-broken:v1 '$tag' >/dev/null"
    log "$name: $tag now exits at once"
}

main() {
    local cmd=${1:-}
    shift || true
    case "$cmd" in
        setup-host) setup_host ;;
        base) setup_host; lock_cache; build_base; programs; REPO_DIR=$(build_repo); node_lowers fresh >/dev/null; build_images >/dev/null
              build_sources >/dev/null ;;
        up) cmd_up "$@" ;;
        down) cmd_down ;;
        clean) cmd_clean ;;
        reboot) cmd_reboot "$@" ;;
        status) cmd_status ;;
        memory) cmd_memory ;;
        env) cmd_env ;;
        ssh) local n=$1; shift; ssh_node "$n" "$@" ;;
        break-image) cmd_break_image "$@" ;;
        *) sed -n '/^# Usage:/,/^#   MAST_E2E_MIRROR/p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
}

if [ "${1:-}" != --library ]; then
    main "$@"
fi
