#!/usr/bin/env python3
"""Builds the test bed's images as one OCI layout, standard library only.

- kube-apiserver, kube-controller-manager, kube-scheduler: the real program at
  /usr/local/bin/<name>, as in the upstream images (they are static Go programs);
- kube-proxy: the real program, with Debian's iptables (nf_tables, as the nodes' own) and conntrack;
- etcd: Debian's etcd and etcdctl in /usr/local/bin, as in the upstream image (pushed under the tags
  kubeadm pins: the only etcd that can be had here);
- pause: pause.c built static, the pod sandbox;
- broken: busybox under the components' names, so each exits at once ("applet not found"), for
  "an image that does not start";
- coredns, flannel, flannel-cni-plugin: the add-ons' stand-ins (standin/), with the Python they need,
  since their sources cannot be built here.
Layers are uncompressed tars with fixed owners and times, so equal inputs give equal digests. Every
file comes from ROOT, a Debian root that has the needed packages unpacked, with the shared libraries
ldd names for it.

Usage: mkimage.py --root ROOT --programs DIR --standin DIR --pause pause.c --out DIR  (writes DIR/layout)
"""
import argparse
import hashlib
import io
import json
import os
import subprocess
import tarfile
import tempfile

COMPONENTS = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy"]
PATH = "PATH=/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin"
MULTIARCH = "/usr/lib/x86_64-linux-gnu"
FIND_MODULES = r"""
import modulefinder, os, sys
finder = modulefinder.ModuleFinder(path=[os.path.dirname(sys.argv[1])] + sys.path)
for script in sys.argv[1:]:
    finder.run_script(script)
for name in ("encodings.utf_8", "encodings.latin_1", "encodings.ascii", "encodings.idna"):
    finder.import_hook(name)
for name, module in sorted(finder.modules.items()):
    if module.__file__ and not module.__file__.startswith("/tmp/"):
        print(module.__file__)
"""


class Layer:
    """An uncompressed, reproducible tar layer."""

    def __init__(self):
        self.buffer = io.BytesIO()
        self.tar = tarfile.open(fileobj=self.buffer, mode="w", format=tarfile.PAX_FORMAT)
        self.paths = set()

    def _info(self, path, kind, mode):
        info = tarfile.TarInfo(path)
        info.type, info.mode, info.mtime, info.uid, info.gid = kind, mode, 0, 0, 0
        info.uname = info.gname = "root"
        return info

    def directory(self, path):
        parts = path.strip("/").split("/")
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            if d and d not in self.paths:
                self.paths.add(d)
                self.tar.addfile(self._info(d, tarfile.DIRTYPE, 0o755))

    def file(self, path, data, mode=0o644):
        path = path.strip("/")
        if path in self.paths:
            return
        self.directory(os.path.dirname(path))
        self.paths.add(path)
        info = self._info(path, tarfile.REGTYPE, mode)
        info.size = len(data)
        self.tar.addfile(info, io.BytesIO(data))

    def symlink(self, path, target):
        path = path.strip("/")
        if path in self.paths:
            return
        self.directory(os.path.dirname(path))
        self.paths.add(path)
        info = self._info(path, tarfile.SYMTYPE, 0o777)
        info.linkname = target
        self.tar.addfile(info)

    def close(self):
        self.tar.close()
        return self.buffer.getvalue()


class Layout:
    def __init__(self, path):
        self.path = path
        os.makedirs(os.path.join(path, "blobs", "sha256"), exist_ok=True)
        self.index = []

    def blob(self, data):
        digest = hashlib.sha256(data).hexdigest()
        with open(os.path.join(self.path, "blobs", "sha256", digest), "wb") as f:
            f.write(data)
        return "sha256:" + digest, len(data)

    def image(self, ref, layers, entrypoint, env=()):
        descriptors, diff_ids = [], []
        for data in layers:
            digest, size = self.blob(data)
            descriptors.append({"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": digest, "size": size})
            diff_ids.append(digest)
        config = {"architecture": "amd64", "os": "linux", "created": "2025-01-01T00:00:00Z",
                  "config": {"Entrypoint": entrypoint, "WorkingDir": "/", "Env": [PATH] + list(env)},
                  "rootfs": {"type": "layers", "diff_ids": diff_ids}}
        config_digest, config_size = self.blob(json.dumps(config, sort_keys=True).encode())
        manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest,
                               "size": config_size}, "layers": descriptors}
        digest, size = self.blob(json.dumps(manifest, sort_keys=True).encode())
        self.index.append({"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": digest, "size": size,
                           "annotations": {"org.opencontainers.image.ref.name": ref}})

    def close(self):
        with open(os.path.join(self.path, "index.json"), "w") as f:
            json.dump({"schemaVersion": 2, "manifests": self.index}, f, sort_keys=True)
        with open(os.path.join(self.path, "oci-layout"), "w") as f:
            json.dump({"imageLayoutVersion": "1.0.0"}, f)


class Root:
    """The Debian root files are taken from; paths are absolute as inside it."""

    def __init__(self, path):
        self.path = os.path.realpath(path)

    def full(self, path):
        return os.path.join(self.path, path.lstrip("/"))

    def run(self, *command):
        return subprocess.run(["chroot", self.path] + list(command), capture_output=True, text=True, check=True).stdout

    def libraries(self, path):
        """The shared libraries ldd says PATH loads (nothing for a static program)."""
        result = subprocess.run(["chroot", self.path, "ldd", path], capture_output=True, text=True)
        if "not a dynamic executable" in result.stdout + result.stderr:
            return []
        if result.returncode != 0 or "not found" in result.stdout:
            raise RuntimeError("ldd %s: %s%s" % (path, result.stdout, result.stderr))
        found = []
        for line in result.stdout.splitlines():
            parts = line.split()
            target = parts[2] if len(parts) >= 3 and parts[1] == "=>" else parts[0] if parts and parts[0].startswith("/") else None
            if target and target.startswith("/"):
                found.append(target)
        return found

    def canonical(self, path):
        """PATH with its folders' symlinks resolved (not its last component): /lib/x -> /usr/lib/x."""
        directory = os.path.realpath(self.full(os.path.dirname(path)))
        return "/" + os.path.relpath(os.path.join(directory, os.path.basename(path)), self.path)

    def add(self, layer, path, with_libraries=True):
        """Adds PATH, every symlink on the way to the file, and the libraries the file loads."""
        path = self.canonical(path)
        full = self.full(path)
        while os.path.islink(full):
            target = os.readlink(full)
            layer.symlink(path, target)
            path = self.canonical(os.path.normpath(os.path.join(os.path.dirname(path), target)))
            full = self.full(path)
        with open(full, "rb") as f:
            layer.file(path, f.read(), os.stat(full).st_mode & 0o777)
        if with_libraries and (path.endswith(".so") or ".so." in path or os.access(full, os.X_OK)):
            for library in self.libraries(path):
                self.add(layer, library, with_libraries=False)

    def base_links(self, layer):
        """Debian's merged /usr: /bin, /lib, /lib64 and /sbin are links into /usr."""
        for name in ("lib", "lib64", "bin", "sbin"):
            if os.path.islink(self.full(name)):
                layer.symlink(name, os.readlink(self.full(name)))


def common_files(layer):
    layer.file("etc/passwd", b"root:x:0:0:root:/root:/bin/false\nnobody:x:65534:65534:nobody:/:/bin/false\n")
    layer.file("etc/group", b"root:x:0:\nnogroup:x:65534:\n")
    layer.file("etc/nsswitch.conf", b"hosts: files dns\nprotocols: files\nservices: files\n")
    layer.directory("tmp")
    layer.directory("var/log/kubernetes")


def program_image(layout, programs, name):
    layer = Layer()
    common_files(layer)
    with open(os.path.join(programs, name), "rb") as f:
        layer.file("usr/local/bin/" + name, f.read(), 0o755)
    return layer


def kube_proxy(layout, root, programs):
    """kube-proxy programs iptables; it finds iptables-restore and friends on its PATH."""
    layer = program_image(layout, programs, "kube-proxy")
    root.base_links(layer)
    for tool in ("xtables-nft-multi", "conntrack"):
        root.add(layer, "/usr/sbin/" + tool)
    for name in ("iptables", "iptables-save", "iptables-restore", "ip6tables", "ip6tables-save", "ip6tables-restore"):
        layer.symlink("usr/sbin/" + name, "xtables-nft-multi")
    extensions = MULTIARCH + "/xtables"
    for entry in sorted(os.listdir(root.full(extensions))):
        root.add(layer, extensions + "/" + entry)
    for etc in ("/etc/protocols", "/etc/services", "/etc/ethertypes"):
        if os.path.exists(root.full(etc)):
            root.add(layer, etc, with_libraries=False)
    layout.image("kube-proxy", [layer.close()], ["/usr/local/bin/kube-proxy"])


def etcd(layout, root):
    """Debian's etcd and etcdctl where the upstream image has them: the only etcd that can be had here."""
    layer = Layer()
    common_files(layer)
    root.base_links(layer)
    for program in ("etcd", "etcdctl"):
        with open(root.full("/usr/bin/" + program), "rb") as f:
            layer.file("usr/local/bin/" + program, f.read(), 0o755)
        for library in root.libraries("/usr/bin/" + program):
            root.add(layer, library, with_libraries=False)
    layout.image("etcd", [layer.close()], ["/usr/local/bin/etcd"])


def python_layer(root, scripts):
    """The root's python3 with the standard library modules SCRIPTS import, and their libraries."""
    layer = Layer()
    root.base_links(layer)
    common_files(layer)
    with tempfile.TemporaryDirectory(dir=root.full("/tmp")) as tmp:
        inside = []
        for script in scripts:
            target = os.path.join(tmp, os.path.basename(script))
            with open(script, "rb") as src, open(target, "wb") as dst:
                dst.write(src.read())
            inside.append("/tmp/" + os.path.basename(tmp) + "/" + os.path.basename(script))
        modules = root.run("python3", "-c", FIND_MODULES, *inside).split()
    root.add(layer, "/usr/bin/python3")
    stdlib = "/usr/lib/python3.11"
    root.add(layer, stdlib + "/os.py")  # the landmark python looks for to find its prefix
    for module in modules:
        root.add(layer, module)
    for entry in sorted(os.listdir(root.full(stdlib + "/encodings"))):
        if entry.endswith(".py"):
            root.add(layer, stdlib + "/encodings/" + entry)
    return layer


def script(layer, path, source, mode=0o755):
    with open(source, "rb") as f:
        layer.file(path, f.read(), mode)


def main():
    parser = argparse.ArgumentParser()
    for option in ("--root", "--programs", "--standin", "--pause", "--out"):
        parser.add_argument(option, required=True)
    args = parser.parse_args()
    root = Root(args.root)
    layout = Layout(os.path.join(args.out, "layout"))
    python_env = ["PYTHONDONTWRITEBYTECODE=1"]

    for name in ("kube-apiserver", "kube-controller-manager", "kube-scheduler"):
        layout.image(name, [program_image(layout, args.programs, name).close()], ["/usr/local/bin/" + name])
    kube_proxy(layout, root, args.programs)
    etcd(layout, root)

    pause_bin = os.path.join(args.out, "pause")
    subprocess.run(["gcc", "-static", "-Os", "-s", "-o", pause_bin, args.pause], check=True)
    pause = Layer()
    script(pause, "pause", pause_bin)
    layout.image("pause", [pause.close()], ["/pause"])

    broken = Layer()
    common_files(broken)
    root.base_links(broken)
    root.add(broken, "/bin/busybox")
    for name in COMPONENTS:
        broken.symlink("usr/local/bin/" + name, "/bin/busybox")
    layout.image("broken", [broken.close()], ["/usr/local/bin/kube-apiserver"])

    standin = lambda name: os.path.join(args.standin, name)  # noqa: E731
    coredns = python_layer(root, [standin("coredns.py"), standin("api.py")])
    script(coredns, "coredns", standin("coredns.py"))
    script(coredns, "usr/lib/standin/api.py", standin("api.py"), 0o644)
    layout.image("coredns", [coredns.close()], ["/coredns"], python_env)

    flannel = python_layer(root, [standin("flanneld.py"), standin("api.py")])
    script(flannel, "opt/bin/flanneld", standin("flanneld.py"))
    script(flannel, "usr/lib/standin/api.py", standin("api.py"), 0o644)
    root.add(flannel, "/usr/bin/ip")
    root.add(flannel, "/bin/busybox")
    flannel.symlink("usr/local/bin/cp", "/bin/busybox")
    layout.image("flannel", [flannel.close()], ["/opt/bin/flanneld"], python_env)

    plugin = Layer()
    common_files(plugin)
    root.base_links(plugin)
    script(plugin, "flannel", standin("flannel-cni.py"))
    root.add(plugin, "/bin/busybox")
    plugin.symlink("usr/local/bin/cp", "/bin/busybox")
    layout.image("flannel-cni-plugin", [plugin.close()], ["/flannel"])
    layout.close()
    print("images: " + ", ".join(entry["annotations"]["org.opencontainers.image.ref.name"] for entry in layout.index))


if __name__ == "__main__":
    main()
