"""Stand-in for kube-apiserver, kube-controller-manager, kube-scheduler and kube-proxy.

Invoked under the component's name (a symlink or wrapper), it reads the component's real
flags and serves its health endpoints on its real port: the API server HTTPS on
--secure-port with --tls-cert-file (and a small in-memory API), the controller manager and
scheduler HTTPS /healthz on 10257/10259, kube-proxy HTTP /healthz and /livez on 10256.
It prints its flags at start, as the real ones do with -v, so logs show what it was given.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import common  # noqa: E402

PORTS = {"kube-apiserver": 6443, "kube-controller-manager": 10257, "kube-scheduler": 10259}


def api_handler(api):
    class ApiHandler(common.Handler):
        def do_request(self):
            path = self.path.split("?", 1)[0]
            if self.command == "GET" and (path.rstrip("/") in self.health_paths
                                          or path.startswith(tuple(p + "/" for p in self.health_paths))):
                return self.reply(200, "ok")
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                return self.reply(400, json.dumps({"kind": "Status", "code": 400, "message": "invalid JSON"}),
                                  "application/json")
            try:
                code, result = api.handle(self.command, self.path, body, self.headers.get("Content-Type", ""))
            except Exception as e:  # a bug in the stand-in must show, not hang the client
                common.error("%s %s: %r" % (self.command, self.path, e))
                return self.reply(500, json.dumps({"kind": "Status", "code": 500, "message": repr(e)}),
                                  "application/json")
            if self.command != "GET" or code >= 400:
                common.info("%s %s %d" % (self.command, path, code))
            if isinstance(result, str):
                return self.reply(code, result)
            if hasattr(result, "__next__"):
                return self.stream(result)
            self.reply(code, json.dumps(result), "application/json")

        def stream(self, events):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for event in events:
                    if event is None:
                        continue
                    data = (json.dumps(event) + "\n").encode()
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                    self.wfile.flush()
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                self.close_connection = True

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_request

    return ApiHandler


def run_apiserver(flags):
    import apistore
    port = int(flags.get("secure-port", PORTS["kube-apiserver"]))
    host = flags.get("bind-address", "0.0.0.0")
    tls = common.tls_context(flags.get("tls-cert-file"), flags.get("tls-private-key-file"), flags.get("client-ca-file"))
    if flags.get("audit-log-path") and flags["audit-log-path"] != "-":
        try:
            os.makedirs(os.path.dirname(flags["audit-log-path"]), exist_ok=True)
            with open(flags["audit-log-path"], "a") as audit:
                audit.write('{"kind":"Event","stage":"ResponseComplete","verb":"start"}\n')
        except OSError as e:
            common.error("audit log: %s" % e)
    common.serve((host, port), api_handler(apistore.Api()), tls)


def run_secure_health(name, flags):
    port = int(flags.get("secure-port", PORTS[name]))
    host = flags.get("bind-address", "0.0.0.0")
    tls = common.tls_context(flags.get("tls-cert-file"), flags.get("tls-private-key-file"))
    common.serve((host, port), common.Handler, tls)


def run_proxy(flags):
    host, port = common.split_host_port(flags.get("healthz-bind-address", "0.0.0.0:10256"), 10256)
    common.serve((host, port), common.Handler)
    mhost, mport = common.split_host_port(flags.get("metrics-bind-address", "127.0.0.1:10249"), 10249)
    common.serve((mhost, mport), common.Handler)


def main(argv):
    name = os.path.basename(argv[0])
    args = argv[1:]
    if name.endswith(".py") and args:
        name, args = args[0], args[1:]
    flags, _ = common.parse_flags(args)
    common.info("Version: v1.34.3 (e2e stand-in of %s)" % name)
    common.log_flags(flags)
    if name == "kube-apiserver":
        run_apiserver(flags)
    elif name in ("kube-controller-manager", "kube-scheduler"):
        run_secure_health(name, flags)
    elif name == "kube-proxy":
        run_proxy(flags)
    else:
        common.error("unknown component %s" % name)
        return 2
    common.notify_ready()
    common.wait_for_termination(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
