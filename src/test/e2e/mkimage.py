#!/usr/bin/env python3
"""Builds the e2e component images as one OCI layout, standard library only.

- kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy: one shared layer with the
  base's python3 (binary, the shared libraries it loads, the standard library modules the
  stand-in imports) and the stand-in component program under each component's name;
- pause: a static C program that waits for SIGTERM (the pod sandbox);
- broken: the component layer plus one whose component programs exit at once with an error,
  for "an image that does not start".
Layers are uncompressed tars with fixed owners and times, so equal inputs give equal digests.

Usage: mkimage.py --base ROOTFS --standin DIR --out DIR   (writes DIR/layout, refs by name)
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
PROGRAM_DIR = "usr/lib/kube-standin"
STANDIN_FILES = ["common.py", "component.py", "apistore.py"]
FIND_MODULES = r"""
import modulefinder, sys, os
finder = modulefinder.ModuleFinder(path=[sys.argv[1]] + sys.path)
finder.run_script(os.path.join(sys.argv[1], "component.py"))
for name in ("apistore", "encodings.utf_8", "encodings.latin_1", "encodings.ascii", "encodings.idna"):
    finder.import_hook(name)
for name, module in sorted(finder.modules.items()):
    if module.__file__ and not module.__file__.startswith(sys.argv[1]):
        print(module.__file__)
"""
EXIT_AT_ONCE = """#!/usr/bin/python3
import os, sys
sys.stderr.write("E0101 00:00:00.000000       1 run.go:72] %s: this image is broken on purpose (e2e)\\n"
                 % os.path.basename(sys.argv[0]))
sys.exit(1)
"""


class Layer:
    """An uncompressed, reproducible tar layer."""

    def __init__(self):
        self.buffer = io.BytesIO()
        self.tar = tarfile.open(fileobj=self.buffer, mode="w", format=tarfile.PAX_FORMAT)
        self.dirs = set()

    def _info(self, path, kind, mode):
        info = tarfile.TarInfo(path)
        info.type, info.mode, info.mtime, info.uid, info.gid = kind, mode, 0, 0, 0
        info.uname = info.gname = "root"
        return info

    def directory(self, path):
        parts = path.strip("/").split("/")
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            if d and d not in self.dirs:
                self.dirs.add(d)
                self.tar.addfile(self._info(d, tarfile.DIRTYPE, 0o755))

    def file(self, path, data, mode=0o644):
        path = path.strip("/")
        self.directory(os.path.dirname(path))
        info = self._info(path, tarfile.REGTYPE, mode)
        info.size = len(data)
        self.tar.addfile(info, io.BytesIO(data))

    def symlink(self, path, target):
        path = path.strip("/")
        self.directory(os.path.dirname(path))
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

    def image(self, ref, layers, entrypoint):
        descriptors, diff_ids = [], []
        for data in layers:
            digest, size = self.blob(data)
            descriptors.append({"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": digest, "size": size})
            diff_ids.append(digest)
        config = {"architecture": "amd64", "os": "linux", "created": "2025-01-01T00:00:00Z",
                  "config": {"Entrypoint": entrypoint, "WorkingDir": "/",
                             "Env": ["PATH=/usr/local/bin:/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE=1"]},
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


def chroot_output(base, *command, stdin=None):
    return subprocess.run(["chroot", base] + list(command), input=stdin, capture_output=True, text=True,
                          check=True).stdout


def python_files(base, standin):
    """The base's python3, the modules the stand-in imports, and every shared library they load."""
    with tempfile.TemporaryDirectory(dir=os.path.join(base, "tmp")) as tmp:
        for name in STANDIN_FILES:
            with open(os.path.join(standin, name), "rb") as src, open(os.path.join(tmp, name), "wb") as dst:
                dst.write(src.read())
        inside = "/tmp/" + os.path.basename(tmp)
        modules = chroot_output(base, "python3", "-c", FIND_MODULES, inside).split()
    files = {os.path.realpath(os.path.join(base, "usr/bin/python3")).replace(base, "", 1)}
    stdlib = "/usr/lib/python3.11"
    files.add(stdlib + "/os.py")  # the landmark python looks for to find its prefix
    for path in modules:
        files.add(path)
    for entry in os.listdir(os.path.join(base, stdlib.lstrip("/"), "encodings")):
        if entry.endswith(".py"):
            files.add(stdlib + "/encodings/" + entry)
    libraries = set()
    for path in sorted(files):
        if path.endswith(".so") or path.startswith("/usr/bin/"):
            for line in chroot_output(base, "ldd", path).splitlines():
                parts = line.split()
                target = parts[2] if len(parts) >= 3 and parts[1] == "=>" else parts[0] if parts[0].startswith("/") else None
                if target and target.startswith("/"):
                    libraries.add(target)
    return sorted(files | libraries)


def add_from_base(layer, base, path):
    """Adds PATH of the base, following symlinks so the file itself and every link to it are in."""
    def canonical(p):
        directory = os.path.realpath(os.path.join(base, os.path.dirname(p).lstrip("/")))
        return "/" + os.path.relpath(os.path.join(directory, os.path.basename(p)), base)
    path = canonical(path)
    full = os.path.join(base, path.lstrip("/"))
    while os.path.islink(full):
        target = os.readlink(full)
        layer.symlink(path, target)
        path = canonical(os.path.normpath(os.path.join(os.path.dirname(path), target)))
        full = os.path.join(base, path.lstrip("/"))
    with open(full, "rb") as f:
        layer.file(path, f.read(), os.stat(full).st_mode & 0o777)


def selfsigned(out):
    key, crt = os.path.join(out, "selfsigned.key"), os.path.join(out, "selfsigned.crt")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-days", "3650", "-subj", "/CN=kube-standin", "-addext",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key, "-out", crt],
                   check=True, capture_output=True)
    with open(crt, "rb") as c, open(key, "rb") as k:
        return c.read(), k.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--standin", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    base = os.path.realpath(args.base)
    layout = Layout(os.path.join(args.out, "layout"))

    component = Layer()
    files = python_files(base, args.standin)
    seen = set()
    for path in files:
        if path not in seen:
            seen.add(path)
            add_from_base(component, base, path)
    component.symlink("usr/bin/python3", "python3.11")
    for name in ("lib", "lib64", "bin", "sbin"):
        if os.path.islink(os.path.join(base, name)):
            component.symlink(name, os.readlink(os.path.join(base, name)))
    for name in STANDIN_FILES:
        with open(os.path.join(args.standin, name), "rb") as f:
            data = f.read()
        if name == "component.py":
            data = b"#!/usr/bin/python3\n" + data
        component.file(PROGRAM_DIR + "/" + name, data, 0o755 if name == "component.py" else 0o644)
    crt, key = selfsigned(args.out)
    component.file(PROGRAM_DIR + "/selfsigned.crt", crt)
    component.file(PROGRAM_DIR + "/selfsigned.key", key, 0o600)
    for name in COMPONENTS:
        component.symlink("usr/local/bin/" + name, "/" + PROGRAM_DIR + "/component.py")
    component.file("etc/passwd", b"root:x:0:0:root:/root:/bin/false\nnobody:x:65534:65534:nobody:/:/bin/false\n")
    component.file("etc/group", b"root:x:0:\nnogroup:x:65534:\n")
    component.directory("tmp")
    component.directory("var/log/kubernetes")
    component_data = component.close()
    for name in COMPONENTS:
        layout.image(name, [component_data], ["/usr/local/bin/" + name])

    broken = Layer()
    broken.file(PROGRAM_DIR + "/broken.py", EXIT_AT_ONCE.encode(), 0o755)
    for name in COMPONENTS:
        broken.symlink("usr/local/bin/" + name, "/" + PROGRAM_DIR + "/broken.py")
    layout.image("broken", [component_data, broken.close()], ["/usr/local/bin/kube-apiserver"])

    pause_bin = os.path.join(args.out, "pause")
    subprocess.run(["gcc", "-static", "-Os", "-s", "-o", pause_bin, os.path.join(args.standin, "pause.c")], check=True)
    pause = Layer()
    with open(pause_bin, "rb") as f:
        pause.file("pause", f.read(), 0o755)
    layout.image("pause", [pause.close()], ["/pause"])
    layout.close()
    print("component layer: %d files, %.1f MB" % (len(seen), len(component_data) / 1e6))


if __name__ == "__main__":
    main()
