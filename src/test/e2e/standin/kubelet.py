"""Stand-in kubelet: does with static pods what the kubelet does, through containerd's ctr.

- reads --config (staticPodPath, healthz address and port) and --kubeconfig, --hostname-override;
- watches staticPodPath: each manifest's pod gets a sandbox (the pause image) and its
  containers, run with `ctr -n k8s.io run --net-host`, named and labelled as the kubelet
  names them (io.kubernetes.pod.name=<pod>-<node>, io.kubernetes.container.name=<container>,
  io.kubernetes.pod.namespace), output logged under /var/log/pods for `crictl logs`;
- restarts a pod whose manifest changed, stops one whose manifest went away, restarts an exited
  container with back-off (restartPolicy Always), adopts its running containers after a restart;
- runs readiness probes (httpGet) and posts each pod as a mirror pod, with its status, to the
  API server of --kubeconfig, and its Node object;
- serves /healthz on 127.0.0.1:10248 and listens on 10250.
Liveness probes are not acted on.
"""
import base64
import hashlib
import json
import os
import re
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

NS = "k8s.io"
STATE = "/var/lib/kubelet/standin"
HOSTS_DIR = "/etc/containerd/certs.d"


def ctr(*args, check=True, timeout=120):
    result = subprocess.run(["ctr", "-n", NS] + list(args), capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError("ctr %s: %s" % (" ".join(args[:2]), (result.stderr or result.stdout).strip()[-300:]))
    return result.stdout


def tasks():
    """{container id: status} of every task (RUNNING, STOPPED, ...)."""
    out = {}
    for line in ctr("tasks", "ls").splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 3:
            out[fields[0]] = fields[2]
    return out


def containers():
    """{container id: labels} of every container in the namespace."""
    out = {}
    for cid in ctr("containers", "ls", "-q").split():
        try:
            out[cid] = json.loads(ctr("containers", "info", cid)).get("Labels") or {}
        except (RuntimeError, ValueError):
            pass
    return out


def has_image(ref):
    return ref in ctr("images", "ls", "-q").split()


def pull(ref):
    if not has_image(ref):
        common.info('Pulling image "%s"' % ref)
        ctr("images", "pull", "--hosts-dir", HOSTS_DIR, ref, timeout=300)
        common.info('Successfully pulled image "%s"' % ref)


def kill(cid, grace=10):
    state = tasks().get(cid)
    if state == "RUNNING":
        ctr("tasks", "kill", "-s", "SIGTERM", cid, check=False)
        deadline = time.time() + grace
        while time.time() < deadline and tasks().get(cid) == "RUNNING":
            time.sleep(0.2)
        if tasks().get(cid) == "RUNNING":
            ctr("tasks", "kill", "-s", "SIGKILL", cid, check=False)
            time.sleep(0.3)
    ctr("tasks", "rm", "-f", cid, check=False)
    ctr("containers", "rm", cid, check=False)


def container_id(kubelet_name):
    return hashlib.sha256(kubelet_name.encode()).hexdigest()


class Pod:
    def __init__(self, path, text, node):
        self.path = path
        self.text = text
        self.doc = yaml.safe_load(text)
        self.hash = hashlib.sha256(text.encode()).hexdigest()
        meta = self.doc.get("metadata") or {}
        self.namespace = meta.get("namespace") or "default"
        self.name = "%s-%s" % (meta["name"], node)
        digest = hashlib.sha256((node + "\0" + text).encode()).hexdigest()
        self.uid = "%s-%s-%s-%s-%s" % (digest[:8], digest[8:12], digest[12:16], digest[16:20], digest[20:32])
        self.spec = self.doc.get("spec") or {}
        self.containers = self.spec.get("containers") or []
        self.attempt = {c["name"]: 0 for c in self.containers}
        self.next_start = {c["name"]: 0.0 for c in self.containers}
        self.backoff = {c["name"]: 10.0 for c in self.containers}
        self.restarts = {c["name"]: 0 for c in self.containers}
        self.ready = {c["name"]: False for c in self.containers}
        self.started_at = {}
        self.last_probe = {}
        self.start_time = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

    def labels(self, container):
        return {"io.kubernetes.pod.name": self.name, "io.kubernetes.pod.namespace": self.namespace,
                "io.kubernetes.pod.uid": self.uid, "io.kubernetes.container.name": container,
                "mast.e2e/manifest-hash": self.hash}

    # containerd caps ids at 76 characters: like the CRI, use a digest of the kubelet's name.
    def sandbox_id(self):
        return container_id("k8s_POD_%s_%s_%s_0" % (self.name, self.namespace, self.uid))

    def container_id(self, name, attempt=None):
        return container_id("k8s_%s_%s_%s_%s_%d" % (name, self.name, self.namespace, self.uid,
                                                   self.attempt[name] if attempt is None else attempt))

    def log_path(self, name):
        return "/var/log/pods/%s_%s_%s/%s/%d.log" % (self.namespace, self.name, self.uid, name, self.attempt[name])


class Kubelet:
    def __init__(self, flags):
        self.flags = flags
        config = {}
        if flags.get("config") and os.path.exists(flags["config"]):
            with open(flags["config"]) as f:
                config = yaml.safe_load(f) or {}
        self.static_pod_path = flags.get("pod-manifest-path") or config.get("staticPodPath")
        self.healthz = (config.get("healthzBindAddress") or "127.0.0.1", int(config.get("healthzPort") or 10248))
        self.node = (flags.get("hostname-override") or os.uname().nodename).lower()
        self.node_ip = flags.get("node-ip") or self.first_ip()
        self.kubeconfig = flags.get("kubeconfig")
        self.api = None
        self.pods = {}  # manifest path -> Pod
        self.posted = {}  # mirror pod name -> last status JSON posted
        self.last_api_check = 0.0
        self.node_registered = False
        self.sandbox_image = self.configured_sandbox_image()

    @staticmethod
    def first_ip():
        try:
            out = subprocess.run(["ip", "-4", "-o", "addr", "show", "scope", "global"], capture_output=True,
                                 text=True).stdout
            match = re.search(r"inet (\d+\.\d+\.\d+\.\d+)/", out)
            return match.group(1) if match else "127.0.0.1"
        except OSError:
            return "127.0.0.1"

    @staticmethod
    def configured_sandbox_image():
        try:
            with open("/etc/containerd/config.toml") as f:
                match = re.search(r'sandbox_image\s*=\s*"([^"]+)"', f.read())
                if match:
                    return match.group(1)
        except OSError:
            pass
        return "registry.k8s.io/pause:3.10.1"

    # -- manifests --------------------------------------------------------------------------

    def read_manifests(self):
        found = {}
        if not self.static_pod_path or not os.path.isdir(self.static_pod_path):
            return found
        for entry in sorted(os.listdir(self.static_pod_path)):
            path = os.path.join(self.static_pod_path, entry)
            if entry.startswith(".") or not entry.endswith((".yaml", ".yml", ".json")) or not os.path.isfile(path):
                continue
            try:
                with open(path) as f:
                    found[path] = f.read()
            except OSError:
                continue
        return found

    # -- pods -------------------------------------------------------------------------------

    def start_container(self, pod, c):
        name = c["name"]
        cid = pod.container_id(name)
        pull(c["image"])
        ctr("tasks", "rm", "-f", cid, check=False)
        ctr("containers", "rm", cid, check=False)
        log_path = pod.log_path(name)
        os.makedirs(os.path.dirname(log_path), exist_ok=True)
        args = ["run", "-d", "--net-host", "--log-uri", "file://" + log_path]
        if (c.get("securityContext") or {}).get("privileged"):
            args.append("--privileged")
        for key, value in pod.labels(name).items():
            args += ["--label", "%s=%s" % (key, value)]
        args += ["--label", "io.kubernetes.container.restartCount=%d" % pod.restarts[name],
                 "--label", "io.kubernetes.container.attempt=%d" % pod.attempt[name],
                 "--label", "io.kubernetes.container.logpath=" + log_path]
        volumes = {v["name"]: v for v in pod.spec.get("volumes") or []}
        for mount in c.get("volumeMounts") or []:
            host = (volumes.get(mount["name"]) or {}).get("hostPath")
            if not host:
                continue
            src, kind = host["path"], host.get("type", "")
            if kind == "DirectoryOrCreate":
                os.makedirs(src, exist_ok=True)
            elif kind == "FileOrCreate" and not os.path.exists(src):
                os.makedirs(os.path.dirname(src), exist_ok=True)
                open(src, "a").close()
            if not os.path.exists(src):
                common.error("pod %s: hostPath %s does not exist" % (pod.name, src))
                continue
            options = "rbind:" + ("ro" if mount.get("readOnly") else "rw")
            args += ["--mount", "type=bind,src=%s,dst=%s,options=%s" % (src, mount["mountPath"], options)]
        for env in c.get("env") or []:
            if "value" in env:
                args += ["--env", "%s=%s" % (env["name"], env["value"])]
        args += [c["image"], cid] + list(c.get("command") or []) + list(c.get("args") or [])
        ctr(*args)
        pod.started_at[name] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        pod.ready[name] = False
        pod.last_probe[name] = 0.0
        link = "/var/log/containers/%s_%s_%s-%s.log" % (pod.name, pod.namespace, name, cid)
        os.makedirs("/var/log/containers", exist_ok=True)
        if not os.path.islink(link):
            os.symlink(log_path, link)
        common.info('Started container %s of pod %s/%s (attempt %d)' % (name, pod.namespace, pod.name,
                                                                         pod.attempt[name]))

    def start_pod(self, pod):
        common.info("Starting static pod %s/%s from %s" % (pod.namespace, pod.name, pod.path))
        sandbox = pod.sandbox_id()
        if tasks().get(sandbox) != "RUNNING":
            pull(self.sandbox_image)
            kill(sandbox, grace=0)
            ctr("run", "-d", "--net-host", "--label", "io.kubernetes.pod.name=" + pod.name,
                "--label", "io.kubernetes.pod.namespace=" + pod.namespace,
                "--label", "io.kubernetes.pod.uid=" + pod.uid, "--label", "mast.e2e/kind=sandbox",
                "--label", "mast.e2e/manifest-hash=" + pod.hash, self.sandbox_image, sandbox)
        for c in pod.containers:
            try:
                self.start_container(pod, c)
            except Exception as e:
                common.error("pod %s: container %s: %s" % (pod.name, c["name"], e))
                pod.next_start[c["name"]] = time.time() + 5

    def stop_pod(self, pod, reason):
        common.info("Killing static pod %s/%s: %s" % (pod.namespace, pod.name, reason))
        for cid, labels in containers().items():
            if labels.get("io.kubernetes.pod.uid") == pod.uid and labels.get("mast.e2e/kind") != "sandbox":
                kill(cid)
        for cid, labels in containers().items():
            if labels.get("io.kubernetes.pod.uid") == pod.uid:
                kill(cid, grace=1)

    def adopt(self, manifests):
        """After a restart: keep the running containers of unchanged manifests, remove the rest."""
        known = {}
        for path, text in manifests.items():
            try:
                pod = Pod(path, text, self.node)
            except Exception as e:
                common.error("manifest %s: %s" % (path, e))
                continue
            known[pod.uid] = pod
        running = tasks()
        for cid, labels in containers().items():
            uid = labels.get("io.kubernetes.pod.uid")
            if not uid:
                continue
            pod = known.get(uid)
            if pod is None:
                common.info("Removing container %s of a pod that has no manifest any more" % cid)
                kill(cid)
                continue
            name = labels.get("io.kubernetes.container.name")
            if name in pod.attempt:
                attempt = int(labels.get("io.kubernetes.container.attempt", "0"))
                pod.attempt[name] = max(pod.attempt[name], attempt)
                pod.restarts[name] = int(labels.get("io.kubernetes.container.restartCount", "0"))
                if running.get(cid) == "RUNNING":
                    pod.started_at[name] = pod.start_time
        for pod in known.values():
            self.pods[pod.path] = pod
            if tasks().get(pod.sandbox_id()) != "RUNNING":
                self.start_pod_adopted(pod)

    def start_pod_adopted(self, pod):
        # The sandbox died (a reboot): the containers go with it; start them again.
        for c in pod.containers:
            if c["name"] in pod.started_at or pod.attempt[c["name"]] > 0:
                pod.attempt[c["name"]] += 1
                pod.restarts[c["name"]] += 1
        pod.started_at.clear()
        self.start_pod(pod)

    def sync(self):
        manifests = self.read_manifests()
        for path in list(self.pods):
            pod = self.pods[path]
            if path not in manifests:
                self.stop_pod(pod, "its manifest was removed")
                del self.pods[path]
                self.delete_mirror(pod)
            elif manifests[path] != pod.text:
                self.stop_pod(pod, "its manifest changed")
                del self.pods[path]
        for path, text in manifests.items():
            if path not in self.pods:
                try:
                    pod = Pod(path, text, self.node)
                except Exception as e:
                    common.error("manifest %s: %s" % (path, e))
                    continue
                self.pods[path] = pod
                self.start_pod(pod)
        running = tasks()
        now = time.time()
        for pod in self.pods.values():
            for c in pod.containers:
                name = c["name"]
                cid = pod.container_id(name)
                state = running.get(cid)
                if state == "RUNNING":
                    self.probe(pod, c)
                    continue
                pod.ready[name] = False
                if pod.started_at.pop(name, None) is not None:
                    common.error('Container %s of pod %s exited (%s); back-off %ds restarting failed container'
                                 % (name, pod.name, state or "gone", pod.backoff[name]))
                    pod.next_start[name] = now + pod.backoff[name]
                    pod.backoff[name] = min(pod.backoff[name] * 2, 300)
                if now >= pod.next_start[name]:
                    old = pod.container_id(name)
                    pod.attempt[name] += 1
                    pod.restarts[name] += 1
                    try:
                        self.start_container(pod, c)
                    except Exception as e:
                        common.error("pod %s: container %s: %s" % (pod.name, name, e))
                        pod.next_start[name] = now + pod.backoff[name]
                    prune = pod.container_id(name, pod.attempt[name] - 2)
                    if pod.attempt[name] >= 2 and prune != old:
                        kill(prune, grace=0)

    def probe(self, pod, c):
        name = c["name"]
        spec = (c.get("readinessProbe") or {}).get("httpGet")
        if spec is None:
            pod.ready[name] = True
            return
        period = max(1, int((c.get("readinessProbe") or {}).get("periodSeconds", 10)))
        if time.time() - pod.last_probe.get(name, 0.0) < min(period, 2):
            return
        pod.last_probe[name] = time.time()
        scheme = (spec.get("scheme") or "HTTP").lower()
        url = "%s://%s:%s%s" % (scheme, spec.get("host") or self.node_ip, spec.get("port"), spec.get("path", "/"))
        context = ssl._create_unverified_context()
        try:
            with urllib.request.urlopen(url, timeout=2, context=context) as response:
                ok = 200 <= response.status < 400
        except (urllib.error.URLError, OSError, ValueError):
            ok = False
        if ok != pod.ready[name]:
            common.info("Probe: container %s of pod %s is %s" % (name, pod.name, "ready" if ok else "not ready"))
        pod.ready[name] = ok
        if ok:
            pod.backoff[name] = 10.0

    # -- API --------------------------------------------------------------------------------

    def connect(self):
        if self.api is not None or not self.kubeconfig or not os.path.exists(self.kubeconfig):
            return self.api
        with open(self.kubeconfig) as f:
            config = yaml.safe_load(f)
        cluster = config["clusters"][0]["cluster"]
        user = config["users"][0]["user"]
        os.makedirs(STATE, mode=0o700, exist_ok=True)
        files = {}
        for key, name in (("certificate-authority-data", "ca.crt"), ("client-certificate-data", "client.crt"),
                          ("client-key-data", "client.key")):
            source = cluster if key.startswith("certificate-authority") else user
            if key in source:
                files[name] = os.path.join(STATE, name)
                with open(files[name], "wb") as f:
                    f.write(base64.b64decode(source[key]))
        context = ssl.create_default_context(cafile=files.get("ca.crt"))
        if "client.crt" in files:
            context.load_cert_chain(files["client.crt"], files["client.key"])
        self.api = (cluster["server"].rstrip("/"), context)
        common.info("API server %s" % self.api[0])
        return self.api

    def request(self, method, path, body=None):
        server, context = self.api
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(server + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=3, context=context) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, None

    def register_node(self):
        body = {"apiVersion": "v1", "kind": "Node",
                "metadata": {"name": self.node, "labels": {"kubernetes.io/hostname": self.node,
                                                           "kubernetes.io/os": "linux"}},
                "status": {"conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady"}],
                           "addresses": [{"type": "InternalIP", "address": self.node_ip},
                                         {"type": "Hostname", "address": self.node}],
                           "nodeInfo": {"kubeletVersion": "v1.34.3", "containerRuntimeVersion": "containerd://1.6.20"}}}
        code, _ = self.request("POST", "/api/v1/nodes", body)
        if code in (200, 201, 409):
            self.node_registered = True
            common.info("Successfully registered node %s" % self.node)

    def mirror(self, pod):
        statuses, all_ready, all_running = [], True, True
        for c in pod.containers:
            name = c["name"]
            running = name in pod.started_at
            all_running = all_running and running
            all_ready = all_ready and running and pod.ready[name]
            state = {"running": {"startedAt": pod.started_at[name]}} if running else \
                {"waiting": {"reason": "CrashLoopBackOff" if pod.restarts[name] else "ContainerCreating"}}
            statuses.append({"name": name, "image": c["image"], "imageID": c["image"], "ready": running and pod.ready[name],
                             "started": running, "restartCount": pod.restarts[name], "state": state,
                             "containerID": "containerd://" + pod.container_id(name)})
        cond = lambda kind, ok: {"type": kind, "status": "True" if ok else "False"}  # noqa: E731
        status = {"phase": "Running" if all_running else "Pending", "hostIP": self.node_ip, "podIP": self.node_ip,
                  "startTime": pod.start_time, "qosClass": "Burstable", "containerStatuses": statuses,
                  "conditions": [cond("Initialized", True), cond("Ready", all_ready),
                                 cond("ContainersReady", all_ready), cond("PodScheduled", True)]}
        meta = dict(pod.doc.get("metadata") or {})
        annotations = dict(meta.get("annotations") or {})
        annotations.update({"kubernetes.io/config.mirror": pod.hash[:32], "kubernetes.io/config.hash": pod.hash[:32],
                            "kubernetes.io/config.source": "file"})
        meta.update({"name": pod.name, "namespace": pod.namespace, "annotations": annotations})
        spec = dict(pod.spec, nodeName=self.node)
        return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec, "status": status}

    def sync_mirrors(self):
        if self.connect() is None:
            return
        try:
            if not self.node_registered:
                self.register_node()
            recheck = time.time() - self.last_api_check > 10
            if recheck:
                self.last_api_check = time.time()
            for pod in self.pods.values():
                body = self.mirror(pod)
                key = json.dumps([pod.hash, body["status"]], sort_keys=True)
                if self.posted.get(pod.name) == key and not recheck:
                    continue
                path = "/api/v1/namespaces/%s/pods/%s" % (pod.namespace, pod.name)
                code, current = self.request("GET", path)
                if code == 404:
                    code, _ = self.request("POST", "/api/v1/namespaces/%s/pods" % pod.namespace, body)
                elif code == 200:
                    if (current.get("metadata", {}).get("annotations") or {}).get("kubernetes.io/config.mirror") != \
                            body["metadata"]["annotations"]["kubernetes.io/config.mirror"]:
                        self.request("DELETE", path)
                        code, _ = self.request("POST", "/api/v1/namespaces/%s/pods" % pod.namespace, body)
                    else:
                        current["status"] = body["status"]
                        code, _ = self.request("PUT", path + "/status", current)
                if code in (200, 201):
                    if self.posted.get(pod.name) is None:
                        common.info("Posted mirror pod %s/%s" % (pod.namespace, pod.name))
                    self.posted[pod.name] = key
                else:
                    self.posted.pop(pod.name, None)
        except (urllib.error.URLError, OSError, ValueError) as e:
            if self.posted or self.node_registered:
                common.error("API server: %s" % e)
            self.posted.clear()
            self.node_registered = False

    def delete_mirror(self, pod):
        self.posted.pop(pod.name, None)
        if self.connect() is None:
            return
        try:
            self.request("DELETE", "/api/v1/namespaces/%s/pods/%s" % (pod.namespace, pod.name))
        except (urllib.error.URLError, OSError, ValueError):
            pass

    def run(self):
        common.serve(self.healthz, common.Handler)
        common.serve(("0.0.0.0", 10250), common.Handler, common.tls_context())
        common.info("Kubelet stand-in for node %s (%s); static pods from %s" % (self.node, self.node_ip,
                                                                               self.static_pod_path or "nowhere"))
        adopted = False
        while True:
            try:
                if not adopted:
                    self.adopt(self.read_manifests())
                    adopted = True
                self.sync()
                self.sync_mirrors()
            except Exception as e:  # containerd not up yet, a bad manifest: try again
                common.error("sync: %s" % e)
            time.sleep(1)


def main(argv):
    flags, _ = common.parse_flags(argv[1:])
    common.log_flags(flags)
    Kubelet(flags).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
