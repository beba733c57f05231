"""An in-memory Kubernetes API for the stand-in kube-apiserver: create, get, list, watch,
replace, merge-patch and delete of any resource, as the fabric8 client and kubectl use them.

It keeps what Mast's install applies (RBAC, flannel, CoreDNS objects) and the mirror pods the
stand-in kubelets post, so Mast's "applied" and "Running and Ready" checks talk to an HTTP API
of the real shape. No admission, no validation beyond names, no persistence.

Controllers are emulated as little as those checks need (see Controllers): each DaemonSet gets a
pod on every registered Node, each Deployment its replicas spread over them, all Running and Ready.
"""
import hashlib
import json
import threading
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import common

KINDS = {
    "pods": "Pod", "nodes": "Node", "namespaces": "Namespace", "services": "Service",
    "configmaps": "ConfigMap", "secrets": "Secret", "serviceaccounts": "ServiceAccount",
    "endpoints": "Endpoints", "events": "Event", "daemonsets": "DaemonSet", "deployments": "Deployment",
    "replicasets": "ReplicaSet", "clusterroles": "ClusterRole", "clusterrolebindings": "ClusterRoleBinding",
    "roles": "Role", "rolebindings": "RoleBinding", "leases": "Lease", "podsecuritypolicies": "PodSecurityPolicy",
    "customresourcedefinitions": "CustomResourceDefinition", "priorityclasses": "PriorityClass",
}


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def status(code, reason, message, name=None, kind=None):
    body = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure" if code >= 400 else "Success",
            "message": message, "reason": reason, "code": code}
    if name is not None:
        body["details"] = {"name": name, "kind": kind}
    return code, body


def merge_patch(target, patch):
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def json_patch(target, operations):
    doc = json.loads(json.dumps(target))
    for op in operations:
        parts = [p.replace("~1", "/").replace("~0", "~") for p in op["path"].split("/")[1:]]
        parent = doc
        for p in parts[:-1]:
            parent = parent[int(p)] if isinstance(parent, list) else parent.setdefault(p, {})
        last = parts[-1] if parts else None
        if op["op"] in ("add", "replace"):
            if isinstance(parent, list):
                if last == "-":
                    parent.append(op["value"])
                elif op["op"] == "add":
                    parent.insert(int(last), op["value"])
                else:
                    parent[int(last)] = op["value"]
            else:
                parent[last] = op["value"]
        elif op["op"] == "remove":
            if isinstance(parent, list):
                parent.pop(int(last))
            else:
                parent.pop(last, None)
        elif op["op"] == "test":
            pass
    return doc


class Store:
    def __init__(self):
        self.lock = threading.Condition()
        self.objects = {}  # (group, resource, namespace, name) -> object
        self.version = 1
        self.events = []  # (resourceVersion, type, key, object)
        for name in ("default", "kube-system", "kube-public", "kube-node-lease"):
            self.put(("", "namespaces", "", name), {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name},
                                                    "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}},
                     "ADDED")

    def put(self, key, obj, kind):
        with self.lock:
            self.version += 1
            meta = obj.setdefault("metadata", {})
            meta["resourceVersion"] = str(self.version)
            self.objects[key] = obj
            self.events.append((self.version, kind, key, obj))
            del self.events[:-20000]
            self.lock.notify_all()
            return obj

    def delete(self, key):
        with self.lock:
            obj = self.objects.pop(key)
            self.version += 1
            obj = dict(obj, metadata=dict(obj["metadata"], resourceVersion=str(self.version)))
            self.events.append((self.version, "DELETED", key, obj))
            del self.events[:-20000]
            self.lock.notify_all()
            return obj


def parse_path(path):
    """/api/v1/[namespaces/NS/]RES[/NAME[/SUB]] or /apis/G/V/... -> (group, version, ns, res, name, sub)."""
    parts = [p for p in path.split("/") if p]
    if parts[:1] == ["api"] and len(parts) >= 3:
        group, version, rest = "", parts[1], parts[2:]
    elif parts[:1] == ["apis"] and len(parts) >= 4:
        group, version, rest = parts[1], parts[2], parts[3:]
    else:
        return None
    namespace = ""
    if rest[0] == "namespaces" and len(rest) >= 3:
        namespace, rest = rest[1], rest[2:]
    resource = rest[0]
    name = rest[1] if len(rest) > 1 else None
    sub = rest[2] if len(rest) > 2 else None
    return group, version, namespace, resource, name, sub


class Controllers:
    """The DaemonSet and Deployment controllers, scheduler and kubelets of a real cluster, reduced to
    what a final check sees: the pods they would make, on the Nodes the kubelets registered, Running
    and Ready. Pods of workloads that are gone are deleted again."""

    INTERVAL = 0.5

    def __init__(self, store):
        self.store = store
        self.made = set()  # keys of the pods made here

    def start(self):
        threading.Thread(target=self.loop, name="controllers", daemon=True).start()

    def loop(self):
        while True:
            time.sleep(self.INTERVAL)
            try:
                self.reconcile()
            except Exception as e:  # a bad object must not end the emulation
                common.error("controllers: %s" % e)

    @staticmethod
    def suffix(seed, length):
        digest = hashlib.sha256(seed.encode()).digest()
        alphabet = "bcdfghjklmnpqrstvwxz2456789"
        return "".join(alphabet[b % len(alphabet)] for b in digest[:length])

    def reconcile(self):
        with self.store.lock:
            objects = dict(self.store.objects)
        nodes = sorted(name for (g, r, ns, name) in objects if g == "" and r == "nodes")
        desired = {}
        for (g, r, ns, name), obj in sorted(objects.items()):
            template = (obj.get("spec") or {}).get("template") or {}
            if g == "apps" and r == "daemonsets":
                for node in nodes:
                    self.want(desired, obj, template, "%s-%s" % (name, self.suffix(node, 5)), node)
            elif g == "apps" and r == "deployments" and nodes:
                replica_set = "%s-%s" % (name, self.suffix(json.dumps(template, sort_keys=True), 10))
                for i in range(int(obj["spec"].get("replicas", 1))):
                    self.want(desired, obj, template, "%s-%s" % (replica_set, self.suffix(replica_set + str(i), 5)),
                              nodes[i % len(nodes)])
        for key, pod in desired.items():
            if key not in objects:
                pod["metadata"].update(uid=str(uuid.uuid4()), creationTimestamp=now())
                self.store.put(key, pod, "ADDED")
                self.made.add(key)
                common.info("controllers: created Pod %s/%s on %s" % (key[2], key[3], pod["spec"]["nodeName"]))
        for key in sorted(self.made - set(desired)):
            with self.store.lock:
                present = key in self.store.objects
            if present:
                self.store.delete(key)
            self.made.discard(key)

    @staticmethod
    def want(desired, owner, template, name, node):
        namespace = owner["metadata"].get("namespace", "default")
        spec = dict(template.get("spec") or {}, nodeName=node)
        started = now()
        containers = [{"name": c["name"], "image": c.get("image", ""), "ready": True, "started": True, "restartCount": 0,
                       "state": {"running": {"startedAt": started}}} for c in spec.get("containers", [])]
        desired[("", "pods", namespace, name)] = {
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "namespace": namespace,
                         "labels": dict((template.get("metadata") or {}).get("labels") or {}),
                         "ownerReferences": [{"apiVersion": owner.get("apiVersion", "apps/v1"), "kind": owner.get("kind"),
                                              "name": owner["metadata"]["name"], "uid": owner["metadata"].get("uid"),
                                              "controller": True}]},
            "spec": spec,
            "status": {"phase": "Running", "startTime": started, "containerStatuses": containers,
                       "conditions": [{"type": t, "status": "True", "lastTransitionTime": started}
                                      for t in ("PodScheduled", "Initialized", "ContainersReady", "Ready")]}}


class Api:
    def __init__(self):
        self.store = Store()
        Controllers(self.store).start()

    def handle(self, method, raw_path, body, content_type):
        """Returns (code, json-able body) or (code, generator) for watches."""
        url = urlsplit(raw_path)
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        path = url.path.rstrip("/")
        if path == "/version":
            return 200, {"major": "1", "minor": "34", "gitVersion": "v1.34.3-e2e-standin", "platform": "linux/amd64"}
        if path == "/api":
            return 200, {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": []}
        if path == "/apis":
            return 200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": []}
        parsed = parse_path(path)
        if parsed is None:
            return status(404, "NotFound", "the server could not find the requested resource")
        group, version, namespace, resource, name, sub = parsed
        if name is None:
            if method == "GET":
                if query.get("watch") in ("1", "true"):
                    return 200, self.watch(group, namespace, resource, query)
                return 200, self.list(group, version, namespace, resource, query)
            if method == "POST":
                return self.create(group, version, namespace, resource, body)
            return status(405, "MethodNotAllowed", "%s is not supported on a collection" % method)
        key = (group, resource, namespace, name)
        with self.store.lock:
            current = self.store.objects.get(key)
        kind = KINDS.get(resource, resource)
        if sub is not None and sub not in ("status", "scale"):
            if sub == "log" and resource == "pods":
                return 200, "log: the stand-in API server has no kubelet connection; use --via-node\n"
            return status(404, "NotFound", "subresource %s is not served" % sub)
        if method == "GET":
            if current is None:
                return status(404, "NotFound", '%s "%s" not found' % (resource, name), name, resource)
            return 200, current
        if current is None and method != "PUT":
            return status(404, "NotFound", '%s "%s" not found' % (resource, name), name, resource)
        if method == "DELETE":
            obj = self.store.delete(key)
            common.info("deleted %s %s/%s" % (kind, namespace, name))
            return 200, obj
        if method == "PUT":
            if current is None:
                return self.create(group, version, namespace, resource, body)
            wanted = body.get("metadata", {}).get("resourceVersion")
            if wanted and wanted != current["metadata"]["resourceVersion"]:
                return status(409, "Conflict", 'Operation cannot be fulfilled on %s "%s": the object has been '
                              'modified; please apply your changes to the latest version and try again'
                              % (resource, name), name, resource)
            if sub == "status":
                obj = dict(current, status=body.get("status", {}))
            else:
                obj = dict(body)
                obj["metadata"] = dict(body.get("metadata", {}), uid=current["metadata"]["uid"],
                                       creationTimestamp=current["metadata"]["creationTimestamp"])
                if "status" in current and "status" not in body:
                    obj["status"] = current["status"]
            return 200, self.store.put(key, obj, "MODIFIED")
        if method == "PATCH":
            if "json-patch" in content_type:
                obj = json_patch(current, body)
            else:
                obj = merge_patch(current, body)
            obj["metadata"]["uid"] = current["metadata"]["uid"]
            return 200, self.store.put(key, obj, "MODIFIED")
        return status(405, "MethodNotAllowed", "%s is not supported" % method)

    def create(self, group, version, namespace, resource, body):
        if not isinstance(body, dict):
            return status(400, "BadRequest", "the body is not an object")
        meta = body.setdefault("metadata", {})
        name = meta.get("name")
        if not name and meta.get("generateName"):
            name = meta["generateName"] + uuid.uuid4().hex[:5]
            meta["name"] = name
        if not name:
            return status(422, "Invalid", "metadata.name: Required value")
        key = (group, resource, namespace, name)
        with self.store.lock:
            if key in self.store.objects:
                return status(409, "AlreadyExists", '%s "%s" already exists' % (resource, name), name, resource)
            if namespace:
                meta["namespace"] = namespace
            meta["uid"] = str(uuid.uuid4())
            meta["creationTimestamp"] = now()
            body.setdefault("apiVersion", (group + "/" if group else "") + version)
            body.setdefault("kind", KINDS.get(resource, resource))
            obj = self.store.put(key, body, "ADDED")
        common.info("created %s %s%s" % (body["kind"], namespace + "/" if namespace else "", name))
        return 201, obj

    def matching(self, group, namespace, resource, query):
        selector = query.get("labelSelector", "")
        wanted = dict(part.split("=", 1) for part in selector.split(",") if "=" in part and "!" not in part)
        field = query.get("fieldSelector", "")
        fields = dict(part.split("=", 1) for part in field.split(",") if "=" in part)
        items = []
        for (g, r, ns, name), obj in sorted(self.store.objects.items()):
            if g != group or r != resource or (namespace and ns != namespace):
                continue
            labels = obj.get("metadata", {}).get("labels", {}) or {}
            if any(labels.get(k.strip()) != v.strip().lstrip("=") for k, v in wanted.items()):
                continue
            if "metadata.name" in fields and name != fields["metadata.name"]:
                continue
            if "spec.nodeName" in fields and obj.get("spec", {}).get("nodeName") != fields["spec.nodeName"]:
                continue
            items.append(obj)
        return items

    def list(self, group, version, namespace, resource, query):
        with self.store.lock:
            items = self.matching(group, namespace, resource, query)
            rv = str(self.store.version)
        return {"kind": KINDS.get(resource, resource) + "List", "apiVersion": (group + "/" if group else "") + version,
                "metadata": {"resourceVersion": rv}, "items": items}

    def watch(self, group, namespace, resource, query):
        since = int(query.get("resourceVersion") or 0)
        timeout = min(int(query.get("timeoutSeconds") or 300), 600)
        deadline = time.time() + timeout

        def events():
            seen = since
            if since == 0:
                with self.store.lock:
                    initial = self.matching(group, namespace, resource, query)
                    seen = self.store.version
                for obj in initial:
                    yield {"type": "ADDED", "object": obj}
            while time.time() < deadline:
                batch = []
                with self.store.lock:
                    if self.store.events and seen < self.store.events[0][0] - 1:
                        # Events since `seen` are no longer kept: like a real API server, say 410 Gone so
                        # the client lists again, instead of silently skipping what it missed.
                        gone = True
                    else:
                        gone = False
                        fresh = [e for e in self.store.events if e[0] > seen]
                    if not gone and not fresh:
                        self.store.lock.wait(min(5.0, max(0.1, deadline - time.time())))
                        fresh = [e for e in self.store.events if e[0] > seen]
                    for rv, kind, (g, r, ns, name), obj in ([] if gone else fresh):
                        seen = rv
                        if g == group and r == resource and (not namespace or ns == namespace):
                            batch.append({"type": kind, "object": obj})
                if gone:
                    yield {"type": "ERROR", "object": {"kind": "Status", "apiVersion": "v1", "metadata": {},
                                                       "status": "Failure", "reason": "Expired", "code": 410,
                                                       "message": "too old resource version: %d" % seen}}
                    return
                for event in batch:
                    yield event
                if not batch:
                    yield None  # lets the caller notice a closed connection
        return events()
