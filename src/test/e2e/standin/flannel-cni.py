#!/usr/bin/python3
"""Stand-in for flannel's CNI plugin, whose sources cannot be built here. The flannel DaemonSet's
init container copies it to /opt/cni/bin/flannel; containerd runs it on the node (with the node's
python3) for Mast's 10-flannel.conflist. As flannel's plugin, it turns /run/flannel/subnet.env
into a bridge network (cni0) with host-local addresses from the node's pod subnet and hands the
call to the bridge plugin, Debian's, found on CNI_PATH.
"""
import ipaddress
import json
import os
import sys

SUBNET_ENV = "/run/flannel/subnet.env"


def fail(code, message):
    print(json.dumps({"cniVersion": "0.3.1", "code": code, "msg": message}))
    sys.exit(1)


def main():
    conf = json.load(sys.stdin)
    if os.environ.get("CNI_COMMAND") == "VERSION":
        print(json.dumps({"cniVersion": conf.get("cniVersion", "0.3.1"),
                          "supportedVersions": ["0.3.0", "0.3.1", "0.4.0", "1.0.0"]}))
        return
    try:
        with open(SUBNET_ENV) as f:
            env = dict(line.strip().split("=", 1) for line in f if "=" in line)
    except OSError as e:
        fail(11, "failed to load flannel 'subnet.env' file: %s. Check the flannel pod on this node." % e)
    delegate = dict(conf.get("delegate") or {})
    delegate.update(name=conf["name"], cniVersion=conf.get("cniVersion", "0.3.1"))
    delegate.setdefault("type", "bridge")
    delegate.setdefault("bridge", "cni0")
    delegate.setdefault("isGateway", True)
    delegate["ipMasq"] = env.get("FLANNEL_IPMASQ") != "true"
    delegate["mtu"] = int(env.get("FLANNEL_MTU", "1500"))
    delegate["ipam"] = {"type": "host-local",
                        "ranges": [[{"subnet": str(ipaddress.ip_interface(env["FLANNEL_SUBNET"]).network)}]],
                        "routes": [{"dst": env["FLANNEL_NETWORK"]}]}
    for directory in os.environ.get("CNI_PATH", "/opt/cni/bin").split(":"):
        plugin = os.path.join(directory, delegate["type"])
        if os.access(plugin, os.X_OK):
            read, write = os.pipe()
            os.write(write, json.dumps(delegate).encode())
            os.close(write)
            os.dup2(read, 0)
            os.execv(plugin, [plugin])
    fail(7, "failed to find plugin %s in path %s" % (delegate["type"], os.environ.get("CNI_PATH")))


main()
