#!/usr/bin/python3
"""Stand-in for flanneld --kube-subnet-mgr, whose sources cannot be built here, in the image Mast's
flannel DaemonSet names. As flannel does, it reads its node's pod subnet (spec.podCIDR, which the
controller manager hands out) through the API with the pod's service account and writes it to
/run/flannel/subnet.env for the CNI plugin (flannel-cni.py). Instead of VXLAN it routes every other
node's pod subnet through that node's address (flannel's host-gw backend), which the test nodes,
all on one bridge, allow. Masquerading is left to the bridge plugin (FLANNEL_IPMASQ=false).
"""
import ipaddress
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, "/usr/lib/standin")
import api  # noqa: E402

SUBNET_ENV = "/run/flannel/subnet.env"
NET_CONF = "/etc/kube-flannel/net-conf.json"


def retrying(what, call):
    delay = 1
    while True:
        try:
            return call()
        except Exception as e:  # noqa: BLE001 - the API may not be reachable yet: wait, as flannel does
            api.log("%s: %s; retrying in %d s" % (what, e, delay), "E")
            time.sleep(delay)
            delay = min(delay * 2, 10)


def internal_ip(node):
    for address in node.get("status", {}).get("addresses", []):
        if address["type"] == "InternalIP":
            return address["address"]
    return None


def write_subnet_env(network, subnet):
    gateway = next(ipaddress.ip_network(subnet).hosts())
    text = "FLANNEL_NETWORK=%s\nFLANNEL_SUBNET=%s/%d\nFLANNEL_MTU=1500\nFLANNEL_IPMASQ=false\n" % (
        network, gateway, ipaddress.ip_network(subnet).prefixlen)
    os.makedirs(os.path.dirname(SUBNET_ENV), exist_ok=True)
    with open(SUBNET_ENV + ".tmp", "w") as f:
        f.write(text)
    os.rename(SUBNET_ENV + ".tmp", SUBNET_ENV)


def route_others(me):
    for node in api.get("/api/v1/nodes")["items"]:
        name, cidr, via = node["metadata"]["name"], node.get("spec", {}).get("podCIDR"), internal_ip(node)
        if name != me and cidr and via:
            subprocess.run(["ip", "route", "replace", cidr, "via", via], check=True, capture_output=True)


def main():
    with open(NET_CONF) as f:
        network = json.load(f)["Network"]
    pod_path = "/api/v1/namespaces/%s/pods/%s" % (os.environ["POD_NAMESPACE"], os.environ["POD_NAME"])
    me = retrying("reading my pod", lambda: api.get(pod_path))["spec"]["nodeName"]
    while True:
        subnet = retrying("reading node " + me, lambda: api.get("/api/v1/nodes/" + me)).get("spec", {}).get("podCIDR")
        if subnet:
            break
        api.log("node %s has no pod subnet yet" % me)
        time.sleep(2)
    write_subnet_env(network, subnet)
    api.log("node %s: pod subnet %s of %s, written to %s" % (me, subnet, network, SUBNET_ENV))
    while True:
        retrying("routing the other nodes' pod subnets", lambda: route_others(me))
        time.sleep(10)


main()
