"""Stand-in crictl (Debian has no cri-tools) over containerd's ctr, for what Mast and a user
run on a node: pull, inspecti, images, ps, pods, inspect, logs, stop, rm, version.
Output follows crictl's: tables by default, -o json in the CRI's shapes, -q for ids.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

NS = "k8s.io"
HOSTS_DIR = "/etc/containerd/certs.d"


def ctr(*args, check=True):
    result = subprocess.run(["ctr", "-n", NS] + list(args), capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.stderr.write((result.stderr or result.stdout).strip() + "\n")
        sys.exit(1)
    return result.stdout


def normalize(ref):
    """registry.k8s.io/pause:3.10 stays; busybox becomes docker.io/library/busybox:latest."""
    if "@" in ref:
        return ref
    first = ref.split("/")[0]
    if "/" not in ref or ("." not in first and ":" not in first and first != "localhost"):
        ref = "docker.io/" + ("library/" if "/" not in ref else "") + ref
    if ":" not in ref.split("/")[-1]:
        ref += ":latest"
    return ref


def images():
    """[(ref, digest, size)] from `ctr images ls`."""
    out = []
    for line in ctr("images", "ls").splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 5 and not fields[0].startswith("sha256:"):
            out.append((fields[0], fields[2], " ".join(fields[3:5])))
    return out


def image_id(ref):
    for name, digest, size in images():
        if name == ref:
            return name, digest, size
    return None


def tasks():
    out = {}
    for line in ctr("tasks", "ls").splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 3:
            out[fields[0]] = fields[2]
    return out


def all_containers():
    """Every container ctr knows, with its labels, image and creation time."""
    running = tasks()
    out = []
    for cid in ctr("containers", "ls", "-q").split():
        result = subprocess.run(["ctr", "-n", NS, "containers", "info", cid], capture_output=True, text=True)
        if result.returncode != 0:
            continue
        info = json.loads(result.stdout)
        labels = info.get("Labels") or {}
        if "io.kubernetes.pod.name" not in labels:
            continue
        created = info.get("CreatedAt", "")
        out.append({"id": cid, "labels": labels, "image": info.get("Image", ""), "createdAt": created,
                    "sandbox": labels.get("mast.e2e/kind") == "sandbox", "task": running.get(cid)})
    out.sort(key=lambda c: c["createdAt"], reverse=True)
    return out


def created_ns(text):
    match = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?", text or "")
    if not match:
        return "0"
    seconds = time.mktime(time.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S")) - time.timezone
    fraction = float(match.group(2) or 0)
    return str(int((seconds + fraction) * 1e9))


def age(text):
    seconds = time.time() - int(created_ns(text)) / 1e9
    for unit, size in (("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds >= size:
            return "%d %s ago" % (seconds // size, unit)
    return "%d seconds ago" % max(seconds, 0)


def state_of(c):
    return "CONTAINER_RUNNING" if c["task"] == "RUNNING" else \
        "CONTAINER_CREATED" if c["task"] == "CREATED" else "CONTAINER_EXITED"


def pod_id(c, containers):
    uid = c["labels"].get("io.kubernetes.pod.uid")
    for other in containers:
        if other["sandbox"] and other["labels"].get("io.kubernetes.pod.uid") == uid:
            return other["id"]
    return ""


def cri_container(c, containers):
    labels = c["labels"]
    return {"id": c["id"], "podSandboxId": pod_id(c, containers),
            "metadata": {"name": labels.get("io.kubernetes.container.name", ""), "attempt": int(labels.get("io.kubernetes.container.attempt", "0"))},
            "image": {"image": c["image"]}, "imageRef": c["image"], "state": state_of(c),
            "createdAt": created_ns(c["createdAt"]), "labels": labels, "annotations": {}}


def select(containers, args):
    chosen = []
    for c in containers:
        if c["sandbox"]:
            continue
        labels = c["labels"]
        if not args.all and c["task"] != "RUNNING" and not args.id and not args.state:
            continue
        if args.state and state_of(c) != "CONTAINER_" + args.state.upper():
            continue
        if args.name and not re.search(args.name, labels.get("io.kubernetes.container.name", "")):
            continue
        if args.pod and pod_id(c, containers) != args.pod and not pod_id(c, containers).startswith(args.pod):
            continue
        if args.id and not c["id"].startswith(args.id):
            continue
        if any(labels.get(k) != v for k, v in (x.split("=", 1) for x in args.label)):
            continue
        chosen.append(c)
    if args.latest:
        chosen = chosen[:1]
    elif args.last:
        chosen = chosen[:args.last]
    return chosen


def find(containers, cid):
    matches = [c for c in containers if c["id"] == cid] or [c for c in containers if c["id"].startswith(cid)]
    if not matches:
        sys.stderr.write('E0000 00:00:00.000000 remote_runtime.go:0] "ContainerStatus from runtime service failed" '
                         'err="rpc error: code = NotFound desc = an error occurred when try to find container %s: '
                         'not found"\n' % cid)
        sys.exit(1)
    return matches[0]


def cmd_pull(args):
    ref = normalize(args.image)
    ctr("images", "pull", "--hosts-dir", HOSTS_DIR, ref)
    found = image_id(ref)
    print("Image is up to date for %s" % (found[1] if found else ref))


def cmd_inspecti(args):
    results = []
    for ref in args.image:
        found = image_id(normalize(ref))
        if not found:
            sys.stderr.write('E0000 remote_image.go:0] "ImageStatus from image service failed" image="%s"\n'
                             'FATA[0000] no such image "%s" present\n' % (ref, ref))
            sys.exit(1)
        results.append({"status": {"id": found[1], "repoTags": [found[0]], "repoDigests": [], "size": found[2]},
                        "info": {}})
    print(json.dumps(results[0] if len(results) == 1 else results, indent=2))


def cmd_images(args):
    rows = images()
    if args.image:
        rows = [r for r in rows if r[0] == normalize(args.image)]
    if args.quiet:
        for _, digest, _ in rows:
            print(digest)
        return
    if args.output == "json":
        print(json.dumps({"images": [{"id": d, "repoTags": [n], "size": s} for n, d, s in rows]}, indent=2))
        return
    print("%-55s %-15s %-15s %s" % ("IMAGE", "TAG", "IMAGE ID", "SIZE"))
    for name, digest, size in rows:
        repo, _, tag = name.rpartition(":")
        print("%-55s %-15s %-15s %s" % (repo, tag, digest.split(":")[-1][:13], size))


def cmd_ps(args):
    containers = all_containers()
    chosen = select(containers, args)
    if args.quiet:
        for c in chosen:
            print(c["id"])
        return
    if args.output == "json":
        print(json.dumps({"containers": [cri_container(c, containers) for c in chosen]}, indent=2))
        return
    print("%-15s %-40s %-15s %-18s %-25s %-8s %-15s %s" % ("CONTAINER", "IMAGE", "CREATED", "STATE", "NAME",
                                                            "ATTEMPT", "POD ID", "POD"))
    for c in chosen:
        cri = cri_container(c, containers)
        print("%-15s %-40s %-15s %-18s %-25s %-8d %-15s %s" % (
            c["id"][:13], c["image"], age(c["createdAt"]), cri["state"].replace("CONTAINER_", "").capitalize(),
            cri["metadata"]["name"], cri["metadata"]["attempt"], cri["podSandboxId"][:13],
            c["labels"].get("io.kubernetes.pod.name", "")))


def cmd_pods(args):
    pods = [c for c in all_containers() if c["sandbox"]]
    if args.name:
        pods = [p for p in pods if re.search(args.name, p["labels"].get("io.kubernetes.pod.name", ""))]
    if args.quiet:
        for p in pods:
            print(p["id"])
        return
    print("%-15s %-15s %-10s %-40s %s" % ("POD ID", "CREATED", "STATE", "NAME", "NAMESPACE"))
    for p in pods:
        print("%-15s %-15s %-10s %-40s %s" % (p["id"][:13], age(p["createdAt"]),
                                              "Ready" if p["task"] == "RUNNING" else "NotReady",
                                              p["labels"].get("io.kubernetes.pod.name", ""),
                                              p["labels"].get("io.kubernetes.pod.namespace", "")))


def cmd_inspect(args):
    containers = all_containers()
    c = find(containers, args.id)
    cri = cri_container(c, containers)
    cri["logPath"] = c["labels"].get("io.kubernetes.container.logpath", "")
    print(json.dumps({"status": cri, "info": {}}, indent=2))


def cmd_logs(args):
    c = find(all_containers(), args.id)
    path = c["labels"].get("io.kubernetes.container.logpath", "")
    if not os.path.exists(path):
        sys.stderr.write("failed to open log file %s\n" % path)
        sys.exit(1)
    with open(path, "rb") as f:
        lines = f.read().splitlines(keepends=True)
        if args.tail is not None and args.tail >= 0:
            lines = lines[-args.tail:] if args.tail else []
        sys.stdout.buffer.write(b"".join(lines))
        sys.stdout.flush()
        while args.follow:
            chunk = f.read()
            if chunk:
                sys.stdout.buffer.write(chunk)
                sys.stdout.flush()
            elif tasks().get(c["id"]) != "RUNNING":
                break
            else:
                time.sleep(0.3)


def cmd_stop(args):
    for cid in args.ids:
        c = find(all_containers(), cid)
        ctr("tasks", "kill", "-s", "SIGTERM", c["id"], check=False)
        print(c["id"])


def cmd_rm(args):
    for cid in args.ids:
        c = find(all_containers(), cid)
        ctr("tasks", "rm", "-f", c["id"], check=False)
        ctr("containers", "rm", c["id"], check=False)
        print(c["id"])


def cmd_version(args):
    match = re.search(r"Server:.*?Version:\s*(\S+)", ctr("version"), re.S)
    print("Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  %s\nRuntimeApiVersion:  v1"
          % (match.group(1) if match else "unknown"))


def parser():
    p = argparse.ArgumentParser(prog="crictl")
    p.add_argument("-r", "--runtime-endpoint")
    p.add_argument("-i", "--image-endpoint")
    p.add_argument("-t", "--timeout")
    p.add_argument("-D", "--debug", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("pull")
    s.add_argument("image")
    s.add_argument("--creds")
    s.set_defaults(run=cmd_pull)
    s = sub.add_parser("inspecti")
    s.add_argument("image", nargs="+")
    s.add_argument("-o", "--output", default="json")
    s.set_defaults(run=cmd_inspecti)
    for name in ("images", "image", "img"):
        s = sub.add_parser(name)
        s.add_argument("image", nargs="?")
        s.add_argument("-q", "--quiet", action="store_true")
        s.add_argument("-o", "--output", default="table")
        s.set_defaults(run=cmd_images)
    s = sub.add_parser("ps")
    s.add_argument("-a", "--all", action="store_true")
    s.add_argument("-q", "--quiet", action="store_true")
    s.add_argument("--name")
    s.add_argument("-p", "--pod")
    s.add_argument("--id")
    s.add_argument("-s", "--state")
    s.add_argument("--label", action="append", default=[])
    s.add_argument("-l", "--latest", action="store_true")
    s.add_argument("-n", "--last", type=int)
    s.add_argument("-o", "--output", default="table")
    s.set_defaults(run=cmd_ps)
    s = sub.add_parser("pods")
    s.add_argument("--name")
    s.add_argument("-q", "--quiet", action="store_true")
    s.set_defaults(run=cmd_pods)
    s = sub.add_parser("inspect")
    s.add_argument("id")
    s.add_argument("-o", "--output", default="json")
    s.set_defaults(run=cmd_inspect)
    s = sub.add_parser("logs")
    s.add_argument("id")
    s.add_argument("--tail", type=int)
    s.add_argument("-f", "--follow", action="store_true")
    s.add_argument("-t", "--timestamps", action="store_true")
    s.add_argument("-p", "--previous", action="store_true")
    s.add_argument("--since")
    s.set_defaults(run=cmd_logs)
    s = sub.add_parser("stop")
    s.add_argument("ids", nargs="+")
    s.set_defaults(run=cmd_stop)
    s = sub.add_parser("rm")
    s.add_argument("ids", nargs="+")
    s.set_defaults(run=cmd_rm)
    s = sub.add_parser("version")
    s.set_defaults(run=cmd_version)
    return p


def main(argv):
    args = parser().parse_args(argv[1:])
    args.run(args)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except BrokenPipeError:
        sys.exit(0)
