#!/bin/sh
# Runs at every boot of a test node, before containerd, etcd and the kubelet: what this machine
# (a VM without systemd on the host, nodes in systemd-nspawn) needs so the real programs run in a
# node. The bed's alone: none of it is part of what Mast writes on a node.
set -u

# nspawn mounts the v1 cgroup controllers read-only; containerd, runc and the kubelet make cgroups.
# A plain remount,rw fails with "mount point is busy"; a bind remount does not.
for m in /sys/fs/cgroup/*; do
    mount -o remount,bind,rw "$m" "$m" 2>/dev/null || true
done

# nspawn's /sys is a read-only tmpfs with a chosen few folders; kube-proxy run as a service (an old
# cluster's) reads the conntrack table's size from /sys/module/nf_conntrack and stops without it.
if [ ! -e /sys/module ]; then
    mkdir -p /run/mast-e2e/sysfs
    mount -t sysfs sysfs /run/mast-e2e/sysfs
    mount -o remount,rw /sys
    mkdir -p /sys/module
    mount --bind /run/mast-e2e/sysfs/module /sys/module
    mount -o remount,bind,ro /sys/module
    mount -o remount,ro /sys
fi

# The kubelet's OOM watcher opens /dev/kmsg, which a container lacks, and stops if it cannot. Not the
# console, as kind links it: the kubelet, a session leader as every service, opens it without O_NOCTTY
# and so takes the console for its controlling terminal when it opens it before console-getty does;
# agetty's vhangup() then kills it with SIGHUP, which systemd counts as a clean exit, so
# Restart=on-failure does not start it again (a legacy fixture's kubelet, started at boot, was gone
# 0.6 s later: ExecMainCode=killed, ExecMainStatus=1). /dev/null is no terminal: the watcher reads
# its end and stops watching, with one error line; a node's kernel messages are the machine's anyway.
[ -e /dev/kmsg ] || ln -s /dev/null /dev/kmsg

# The kubelet sets kernel settings it insists on when they differ (vm.overcommit_memory=1,
# kernel.panic=10, kernel.panic_on_oops=1) and stops when it cannot: /proc/sys is read-only in a
# node, and they are the machine's. The node sees the values the kubelet wants; the machine keeps its own.
mkdir -p /run/mast-e2e/sysctl
for setting in vm/overcommit_memory=1 kernel/panic=10 kernel/panic_on_oops=1; do
    key=${setting%%=*}
    value=${setting#*=}
    [ "$(cat "/proc/sys/$key")" = "$value" ] && continue
    file=/run/mast-e2e/sysctl/$(echo "$key" | tr / .)
    echo "$value" >"$file"
    mount --bind "$file" "/proc/sys/$key"
done
exit 0
