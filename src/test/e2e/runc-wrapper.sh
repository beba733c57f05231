#!/bin/sh
# runc as the test bed's nodes run it (installed in front of Debian's, which dpkg moves to runc.real).
#
# This machine's kernel refuses a negative OOM score (writing one to /proc/PID/oom_score_adj fails
# even as root), and runc then fails every container asked for one: the kubelet asks -997 for its
# critical static pods, containerd -998 for every pod sandbox. The wrapper makes a negative score 0
# in the bundle's config.json and hands over to runc. The bed's alone, never part of what Mast installs.
#
# A shell script, not a program in a language that takes tens of milliseconds to start: containerd
# runs it for every runc call (create, start, state, kill, delete of each sandbox and container),
# several of them between a static pod's manifest appearing and its container running.
# config.json is JSON: a key is a quoted name followed by a colon, which a string's content cannot
# hold unescaped, so the pattern below matches the process's "oomScoreAdj" member alone (the OCI
# spec has no other), compact as containerd writes it or spaced.
REAL=/usr/sbin/runc.real
create=0 bundle=. take_bundle=0
for arg in "$@"; do
    if [ "$take_bundle" = 1 ]; then
        bundle=$arg take_bundle=0
        continue
    fi
    case "$arg" in
        create | run) create=1 ;;
        --bundle | -b) take_bundle=1 ;;
        --bundle=*) bundle=${arg#--bundle=} ;;
    esac
done
if [ "$create" = 1 ]; then
    config=$bundle/config.json
    score='"oomScoreAdj"[[:space:]]*:[[:space:]]*-[0-9]'
    if [ -f "$config" ] && grep -q "$score" "$config" 2>/dev/null; then
        sed -i 's/\("oomScoreAdj"[[:space:]]*:[[:space:]]*\)-[0-9][0-9]*/\10/' "$config" 2>/dev/null || true
    fi
fi
exec "$REAL" "$@"
