#!/usr/bin/env bash
# Real Debian nodes on one Linux machine for Mast's end-to-end tests: systemd-nspawn -b per
# node on an overlay of a cached debootstrap base, each in its own network namespace on the
# bridge br-mast, with sshd, sudo, apt from a local file: repository of stand-in kube-*
# packages, containerd, and a local registry serving registry.k8s.io's images.
# The measured facts and workarounds behind every choice: shared/reference/test-nodes.md.
#
# Usage: nodes.sh setup-host | base | up N [--masters M] [--legacy] [--plan-out F]
#                 [--known-hosts-out F] | down | clean | reboot NODE [--hard] | status
#                 | ssh NODE CMD... | break-image NODE COMPONENT
# Root, Linux only. Everything lives under ${MAST_E2E_DIR:-/var/tmp/mast-e2e}.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
W=${MAST_E2E_DIR:-/var/tmp/mast-e2e}
BRIDGE=br-mast
NET=10.201.0
HOST_IP=$NET.1
REGISTRY=$HOST_IP:5000
SUITE=bookworm
MIRROR=${MAST_E2E_MIRROR:-http://deb.debian.org/debian}
# The image tags Mast asks for (dev.mast.plan.KubernetesVersion): every supported release.
K8S_TAGS=${MAST_E2E_K8S_TAGS:-v1.31.14 v1.32.11 v1.33.7 v1.34.3}
PAUSE_TAGS=${MAST_E2E_PAUSE_TAGS:-3.10 3.10.1}
BASE_PACKAGES="openssh-server sudo systemd systemd-sysv dbus iproute2 procps curl ca-certificates
containerd runc python3 python3-yaml openssl hostname iputils-ping less"
HOST_PACKAGES="debootstrap systemd-container iproute2 docker-registry skopeo dpkg-dev openssh-client openssl
python3 gcc libc6-dev"

log() { printf '[nodes %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

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
    mkdir -p "$W"/{base,layers,nodes,run,keys,registry,images}
    if [ ! -f "$W/keys/id_ed25519" ]; then
        ssh-keygen -q -t ed25519 -N '' -C mast-e2e -f "$W/keys/id_ed25519"
    fi
}

# ---------------------------------------------------------------------------------------------
# base: debootstrap once, cached by a hash of its package list and of how it is prepared

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
    printf '[Journal]\nStorage=volatile\nRuntimeMaxUse=16M\n' >/etc/systemd/journald.conf.d/mast-e2e.conf
    # A reboot must not wait 90 s for a nested container's process that ignores SIGTERM.
    mkdir -p /etc/systemd/system.conf.d
    printf '[Manager]\nDefaultTimeoutStopSec=10s\n' >/etc/systemd/system.conf.d/mast-e2e.conf
    # Nothing may run apt behind the tests' back, and a node has no hardware to wait for.
    systemctl mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer \
        systemd-networkd-wait-online.service getty@tty1.service 2>/dev/null || true
    # nspawn mounts the v1 cgroup controllers read-only; containerd must create its cgroups.
    cat >/etc/systemd/system/mast-e2e-cgroup-rw.service <<'UNIT'
[Unit]
Description=Make the cgroup controllers writable for nested containers (test node)
DefaultDependencies=no
Before=containerd.service
After=sysinit.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/sh -c 'for m in /sys/fs/cgroup/*; do mount -o remount,bind,rw "$m" "$m" || true; done'

[Install]
WantedBy=multi-user.target
UNIT
    systemctl enable mast-e2e-cgroup-rw.service
    # containerd: registry.k8s.io comes from the local registry; CRI uses the same hosts dir.
    mkdir -p /etc/containerd/certs.d/registry.k8s.io
    printf 'server = "http://10.201.0.1:5000"\n\n[host."http://10.201.0.1:5000"]\n  capabilities = ["pull", "resolve"]\n' \
        >/etc/containerd/certs.d/registry.k8s.io/hosts.toml
    cat >/etc/containerd/config.toml <<'TOML'
version = 2
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "registry.k8s.io/pause:3.10.1"
[plugins."io.containerd.grpc.v1.cri".registry]
  config_path = "/etc/containerd/certs.d"
TOML
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
    { echo "$SUITE $BASE_PACKAGES"; declare -f customize_base; } | sha256sum | cut -c1-12
}

base_dir() { echo "$W/base/$(base_hash)"; }

build_base() {
    local dir tmp
    dir=$(base_dir)
    if [ -f "$dir/.done" ]; then return 0; fi
    setup_host
    tmp="$dir.tmp"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    log "debootstrap $SUITE into $tmp (once; cached as $(basename "$dir"))"
    local t0=$SECONDS
    debootstrap --variant=minbase --include="$(echo $BASE_PACKAGES | tr ' ' ',')" "$SUITE" "$tmp/root" "$MIRROR" \
        >"$tmp/debootstrap.log" 2>&1 || { tail -20 "$tmp/debootstrap.log" >&2; die "debootstrap failed"; }
    in_root "$tmp/root" bash -c "$(declare -f customize_base); customize_base"
    rm -rf "$dir"
    mv "$tmp" "$dir"
    touch "$dir/.done"
    prune "$W/base" "$(basename "$dir")"
    log "base ready in $((SECONDS - t0)) s: $(du -sh "$dir/root" | cut -f1)"
}

# Runs a command chrooted in ROOT with /proc, /sys and /dev, in a private mount namespace
# so nothing stays mounted when it ends.
in_root() {
    local root=$1
    shift
    unshare --mount --fork --kill-child -- bash -c '
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

# ---------------------------------------------------------------------------------------------
# layers: overlay uppers built once on top of the base, each keyed by what goes into it

# Builds layer NAME over the lower dirs (colon separated, top first) by running FUNC with the
# merged root as $1, unless a layer with the same key exists.
build_layer() {
    local name=$1 key=$2 lowers=$3 func=$4
    local dir="$W/layers/$name-$key-$(declare -f "$func" | sha256sum | cut -c1-8)"
    if [ -f "$dir/.done" ]; then echo "$dir/upper"; return 0; fi
    rm -rf "$dir"
    mkdir -p "$dir"/{upper,work,merged}
    mount -t overlay overlay -o "lowerdir=$lowers,upperdir=$dir/upper,workdir=$dir/work" "$dir/merged"
    local rc=0
    "$func" "$dir/merged" >"$dir/build.log" 2>&1 || rc=$?
    umount "$dir/merged"
    rm -rf "$dir/work"
    if [ $rc -ne 0 ]; then
        tail -30 "$dir/build.log" >&2
        die "building layer $name failed (log: $dir/build.log)"
    fi
    touch "$dir/.done"
    echo "$dir/upper"
}

sources_hash() {
    (cd "$HERE" && find standin packages.sh mkimage.py -type f | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -c1-12
}

# The node layer: the local apt repository with the stand-in packages, apt's lists and caches
# generated once (else apt copies ~70 MB per node), and crictl installed beside containerd.
fill_node_layer() {
    local root=$1
    mkdir -p "$root/srv/mast-repo"
    bash "$HERE/packages.sh" "$HERE/standin" "$root/srv/mast-repo"
    in_root "$root" bash -c 'apt-get update -q && apt-get install -y -q cri-tools && apt-get clean && apt-cache gencaches'
}

fill_legacy_master_layer() {
    in_root "$1" bash -c 'apt-get install -y -q etcd-server kube-apiserver kube-controller-manager kube-scheduler kube-proxy kubelet && apt-get clean && apt-cache gencaches'
    # The old cluster's etcd, as its installer configured it: a service Mast's upgrade leaves alone.
    mkdir -p "$1/etc/systemd/system/etcd.service.d"
    printf '%s\n' '[Service]' 'ExecStart=' 'ExecStart=/usr/bin/etcd --data-dir=/var/lib/etcd --listen-client-urls=http://127.0.0.1:2379 --advertise-client-urls=http://127.0.0.1:2379 --listen-metrics-urls=http://127.0.0.1:2381' \
        >"$1/etc/systemd/system/etcd.service.d/10-cluster.conf"
}

fill_legacy_worker_layer() {
    in_root "$1" bash -c 'apt-get install -y -q kube-proxy kubelet && apt-get clean && apt-cache gencaches'
}

# Prints the lowerdir option for a node: "fresh", "legacy-master" or "legacy-worker".
node_lowers() {
    local kind=$1 base key node legacy
    base=$(base_dir)/root
    key=$(sources_hash)
    node=$(build_layer node "$(base_hash)-$key" "$base" fill_node_layer)
    case "$kind" in
        fresh) echo "$node:$base" ;;
        legacy-master|legacy-worker)
            legacy=$(build_layer "$kind" "$(base_hash)-$key" "$node:$base" "fill_${kind/-/_}_layer")
            echo "$legacy:$node:$base" ;;
        *) die "unknown node kind $kind" ;;
    esac
}

# Removes what an older version of this script cached under DIR: entries without KEY in their name.
prune() {
    local dir=$1 key=$2 entry
    for entry in "$dir"/*; do
        [ -e "$entry" ] || continue
        case "$(basename "$entry")" in *"$key"*) ;; *) rm -rf "$entry" ;; esac
    done
}

# ---------------------------------------------------------------------------------------------
# registry and images

start_registry() {
    local pidfile="$W/run/registry.pid"
    if [ -f "$pidfile" ] && alive "$(cat "$pidfile")"; then return 0; fi
    mkdir -p "$W/registry/data"
    cat >"$W/registry/config.yml" <<EOF
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: $W/registry/data}
  delete: {enabled: true}
http:
  addr: $REGISTRY
EOF
    setsid docker-registry serve "$W/registry/config.yml" >"$W/registry/registry.log" 2>&1 </dev/null 9>&- &
    echo $! >"$pidfile"
    local i
    for i in $(seq 1 50); do
        if curl -sf "http://$REGISTRY/v2/" >/dev/null; then return 0; fi
        sleep 0.1
    done
    die "the registry did not start (log: $W/registry/registry.log)"
}

# Builds the OCI images once (keyed by the stand-in sources) and pushes every tag Mast may ask for.
push_images() {
    local key dir
    key=$(sources_hash)-$(base_hash)
    dir="$W/images/$key"
    if [ ! -f "$dir/.done" ]; then
        prune "$W/images" "$key"
        mkdir -p "$dir"
        python3 "$HERE/mkimage.py" --base "$(base_dir)/root" --standin "$HERE/standin" --out "$dir" \
            >"$dir/build.log" 2>&1 || { tail -30 "$dir/build.log" >&2; die "building the images failed"; }
        touch "$dir/.done"
    fi
    local stamp="$W/registry/pushed-$key-$(echo "$K8S_TAGS $PAUSE_TAGS" | sha256sum | cut -c1-8)"
    if [ -f "$stamp" ] && curl -sf "http://$REGISTRY/v2/kube-apiserver/tags/list" >/dev/null; then return 0; fi
    local c t
    for c in kube-apiserver kube-controller-manager kube-scheduler kube-proxy; do
        for t in $K8S_TAGS; do push "$dir/layout:$c" "$c:$t"; done
    done
    for t in $PAUSE_TAGS; do push "$dir/layout:pause" "pause:$t"; done
    push "$dir/layout:broken" "e2e-broken:v1"
    rm -f "$W"/registry/pushed-*
    touch "$stamp"
}

push() {
    skopeo copy -q --insecure-policy --dest-tls-verify=false "oci:$1" "docker://$REGISTRY/$2" >/dev/null
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
node_ip() { echo "$NET.$((10 + $1))"; }
node_index() { local n=${1#node}; echo $((10#$n)); }

ensure_bridge() {
    if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
        ip link add "$BRIDGE" type bridge
        ip addr add "$HOST_IP/24" dev "$BRIDGE"
    fi
    ip link set "$BRIDGE" up
}

setup_netns() {
    local i=$1 name ns veth
    name=$(node_name "$i")
    ns=mast-$name
    veth=mast-v$i
    ip netns add "$ns"
    ip link add "$veth" type veth peer name "${veth}p"
    ip link set "${veth}p" netns "$ns"
    ip link set "$veth" master "$BRIDGE" up
    ip -n "$ns" link set "${veth}p" name eth0
    ip -n "$ns" addr add "$(node_ip "$i")/24" dev eth0
    ip -n "$ns" link set lo up
    ip -n "$ns" link set eth0 up
}

save_sysctl() {
    local key=$1 value=$2 file="$W/run/sysctl.saved"
    if ! grep -q "^$key=" "$file" 2>/dev/null; then
        echo "$key=$(sysctl -n "$key")" >>"$file"
    fi
    sysctl -qw "$key=$value"
}

restore_sysctls() {
    local file="$W/run/sysctl.saved" line
    [ -f "$file" ] || return 0
    while IFS= read -r line; do sysctl -qw "$line" || true; done <"$file"
    rm -f "$file"
}

# ---------------------------------------------------------------------------------------------
# cgroups: every node in its own subtree of every hierarchy (else nspawn nodes share one)

cgroup_dirs() {
    # Prints "<mount point>/<current cgroup>/mast-e2e/NODE" for every hierarchy.
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
        echo "$mnt${path%/}/mast-e2e/$node"
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

# ---------------------------------------------------------------------------------------------
# nodes

node_dir() { echo "$W/nodes/$1"; }

prepare_node() {
    local i=$1 lowers=$2 name dir upper
    name=$(node_name "$i")
    dir=$(node_dir "$name")
    rm -rf "$dir"
    mkdir -p "$dir"/{upper,work,root,containerd}
    upper=$dir/upper
    mkdir -p "$upper/etc/ssh" "$upper/home/nodeadmin/.ssh"
    echo "$name" >"$upper/etc/hostname"
    printf '127.0.0.1\tlocalhost\n%s\t%s\n' "$(node_ip "$i")" "$name" >"$upper/etc/hosts"
    od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$upper/etc/machine-id"
    echo >>"$upper/etc/machine-id"
    ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$upper/etc/ssh/ssh_host_ed25519_key"
    cp "$W/keys/id_ed25519.pub" "$upper/home/nodeadmin/.ssh/authorized_keys"
    chmod 0700 "$upper/home/nodeadmin/.ssh"
    chmod 0600 "$upper/home/nodeadmin/.ssh/authorized_keys"
    chown -R 1000:1000 "$upper/home/nodeadmin"
    # Same owner and mode as in the base, else the overlay would show the upper's.
    chown --reference="$(echo "$lowers" | awk -F: '{print $NF}')/home/nodeadmin" "$upper/home/nodeadmin"
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
    local name=$1 i dir
    i=$(node_index "$name")
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
    ' supervise "$dir" "$name" "mast-$name" "${BASH_SOURCE[0]}" </dev/null >/dev/null 2>&1 9>&- &
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
    local name=$1
    shift
    ssh -i "$W/keys/id_ed25519" -o BatchMode=yes -o ConnectTimeout=3 -o StrictHostKeyChecking=yes \
        -o UserKnownHostsFile="$W/run/known_hosts" -o LogLevel=ERROR "nodeadmin@$(node_ip "$(node_index "$name")")" "$@"
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
    for dir in "$W"/nodes/node*; do
        [ -f "$dir/upper/etc/ssh/ssh_host_ed25519_key.pub" ] || continue
        name=$(basename "$dir")
        echo "$(node_ip "$(node_index "$name")") $(cut -d' ' -f1,2 "$dir/upper/etc/ssh/ssh_host_ed25519_key.pub")" \
            >>"$W/run/known_hosts"
    done
}

write_plan() {
    local out=$1 count=$2 masters=$3 i roles
    {
        echo "# Written by src/test/e2e/nodes.sh for $count test nodes."
        echo "cluster:"
        echo "  name: e2e"
        echo "  kubernetesVersion: ${MAST_E2E_K8S_VERSION:-1.34.3}"
        echo "  containerRuntime: containerd"
        echo "  podCidr: 10.244.0.0/16"
        echo "  serviceCidr: 10.96.0.0/12"
        echo "  dnsDomain: cluster.local"
        echo "  apiServerPort: 6443"
        echo "  extraFlags:"
        echo "    kube-apiserver:"
        echo "      audit-log-maxage: \"30\""
        echo "nodes:"
        for i in $(seq 1 "$count"); do
            if [ "$i" -le "$masters" ]; then roles="[etcd, master]"; else roles="[worker]"; fi
            echo "  - hostName: $(node_name "$i")"
            echo "    ip: $(node_ip "$i")"
            echo "    roles: $roles"
            echo "    ssh: {user: nodeadmin, port: 22, keyFile: $W/keys/id_ed25519}"
        done
    } >"$out"
}

cmd_up() {
    local count=${1:-}
    shift || true
    [[ "$count" =~ ^[0-9]+$ ]] && [ "$count" -ge 1 ] && [ "$count" -le 60 ] || die "usage: up N (1..60) [options]"
    local masters=1 legacy=0 plan_out= known_out=
    while [ $# -gt 0 ]; do
        case "$1" in
            --masters) masters=$2; shift 2 ;;
            --legacy) legacy=1; shift ;;
            --plan-out) plan_out=$2; shift 2 ;;
            --known-hosts-out) known_out=$2; shift 2 ;;
            *) die "unknown option $1" ;;
        esac
    done
    [ "$masters" -le "$count" ] || die "--masters $masters is more than $count nodes"
    mkdir -p "$W"
    exec 9>"$W/.lock"
    flock 9
    cmd_down_locked
    rm -rf "$W"/nodes/node*
    setup_host
    build_base
    local t0=$SECONDS fresh lm lw i
    fresh=$(node_lowers fresh)
    prune "$W/layers" "$(base_hash)-$(sources_hash)"
    if [ $legacy = 1 ]; then
        lm=$(node_lowers legacy-master)
        lw=$(node_lowers legacy-worker)
    fi
    ensure_bridge
    start_registry
    push_images
    save_sysctl fs.inotify.max_user_instances 8192
    save_sysctl fs.inotify.max_user_watches 1048576
    log "layers, registry and images ready in $((SECONDS - t0)) s"
    t0=$SECONDS
    for i in $(seq 1 "$count"); do
        if [ $legacy = 1 ]; then
            if [ "$i" -le "$masters" ]; then prepare_node "$i" "$lm"; else prepare_node "$i" "$lw"; fi
        else
            prepare_node "$i" "$fresh"
        fi
        setup_netns "$i"
        start_node "$(node_name "$i")"
    done
    write_known_hosts
    local failed=0
    for i in $(seq 1 "$count"); do
        wait_ready "$(node_name "$i")" || failed=1
    done
    [ $failed = 0 ] || die "some nodes did not boot"
    log "$count nodes up in $((SECONDS - t0)) s"
    if [ -n "$plan_out" ]; then write_plan "$plan_out" "$count" "$masters"; fi
    if [ -n "$known_out" ]; then cp "$W/run/known_hosts" "$known_out"; fi
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
    # Mounts the node's nested containers left behind (containerd's rootfs, shm).
    grep -o " $dir/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
}

processes_in() {
    local name=$1 dir
    [ -f "$W/run/cgroups.list" ] || return 0
    for dir in $(grep "/mast-e2e/$name\$" "$W/run/cgroups.list" | sort -u); do
        [ -d "$dir" ] && find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null
    done | sort -un
}

cmd_down_locked() {
    local dir name pid i
    for dir in "$W"/nodes/node*; do
        [ -d "$dir" ] || continue
        name=$(basename "$dir")
        stop_node "$name" &
    done
    wait
    for dir in "$W"/nodes/node*; do
        [ -d "$dir" ] || continue
        name=$(basename "$dir")
        mountpoint -q "$dir/root" && umount "$dir/root" 2>/dev/null || umount -l "$dir/root" 2>/dev/null || true
    done
    for ns in $(ip netns list 2>/dev/null | awk '/^mast-node/ {print $1}'); do ip netns del "$ns" 2>/dev/null || true; done
    ip -o link show 2>/dev/null | awk -F': ' '/ mast-v[0-9]+@/ {split($2, a, "@"); print a[1]}' |
        while read -r l; do ip link del "$l" 2>/dev/null || true; done
    ip link del "$BRIDGE" 2>/dev/null || true
    pid=$(cat "$W/run/registry.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for i in $(seq 1 20); do alive "$pid" || break; sleep 0.1; done
        alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$W/run/registry.pid"
    remove_cgroups
    restore_sysctls
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
    rm -rf "$W/nodes" "$W/run"
    log "removed the nodes; the cached base, layers and images stay in $W (rm -rf it to drop them)"
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
    for dir in "$W"/nodes/node*; do
        [ -d "$dir" ] || continue
        name=$(basename "$dir")
        pid=$(cat "$dir/nspawn.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && alive "$pid"; then
            state=$(ssh_node "$name" systemctl is-system-running 2>/dev/null || echo "no ssh")
        else
            state=down
        fi
        echo "$name $(node_ip "$(node_index "$name")") $state"
    done
    pid=$(cat "$W/run/registry.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && alive "$pid"; then echo "registry $REGISTRY up"; else echo "registry down"; fi
}

# Replaces COMPONENT's image on NODE by one whose program exits at once, under the same
# name, as a corrupted image would: the next static pod of it never becomes healthy.
cmd_break_image() {
    local name=$1 component=$2 tag
    tag=$(ssh_node "$name" "sudo ctr -n k8s.io images ls -q | grep '^registry.k8s.io/$component:' || true" | head -1)
    [ -n "$tag" ] || tag="registry.k8s.io/$component:v${MAST_E2E_K8S_VERSION:-1.34.3}"
    ssh_node "$name" "sudo ctr -n k8s.io images pull --hosts-dir /etc/containerd/certs.d registry.k8s.io/e2e-broken:v1 >/dev/null \
        && sudo ctr -n k8s.io images rm '$tag' >/dev/null 2>&1; sudo ctr -n k8s.io images tag registry.k8s.io/e2e-broken:v1 '$tag' >/dev/null"
    log "$name: $tag now exits at once"
}

main() {
    local cmd=${1:-}
    shift || true
    case "$cmd" in
        setup-host) setup_host ;;
        base) setup_host; build_base; node_lowers fresh >/dev/null ;;
        up) cmd_up "$@" ;;
        down) cmd_down ;;
        clean) cmd_clean ;;
        reboot) cmd_reboot "$@" ;;
        status) cmd_status ;;
        ssh) local n=$1; shift; ssh_node "$n" "$@" ;;
        break-image) cmd_break_image "$@" ;;
        *) sed -n '2,10p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
}

if [ "${1:-}" != --library ]; then
    main "$@"
fi
