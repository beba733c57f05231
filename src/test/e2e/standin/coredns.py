#!/usr/bin/python3
"""Stand-in for CoreDNS, whose sources cannot be built here, in the image Mast's CoreDNS Deployment
names. It does what the cluster checks of CoreDNS: it serves /health on :8080 and /ready on :8181,
the ports of Mast's probes, and like CoreDNS's kubernetes plugin it is ready only once it has listed
the cluster's Services and Endpoints through the `kubernetes` Service with the pod's token. A Ready
pod therefore shows that the pod network, kube-proxy's Service routing and service account tokens
work. It answers no DNS queries.
"""
import http.server
import sys
import threading
import time

sys.path.insert(0, "/usr/lib/standin")
import api  # noqa: E402

ready = threading.Event()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        ok = self.path == "/health" or (self.path == "/ready" and ready.is_set())
        body = b"OK" if ok else b"not ready: the Kubernetes API has not been listed yet"
        self.send_response(200 if ok else 503)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


def serve(port):
    server = http.server.ThreadingHTTPServer(("0.0.0.0", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()


def main():
    api.log("CoreDNS stand-in, args %s" % " ".join(sys.argv[1:]))
    serve(8080)
    serve(8181)
    delay = 1
    while True:
        try:
            services = api.get("/api/v1/services?limit=500")["items"]
            api.get("/api/v1/endpoints?limit=500")
            if not ready.is_set():
                api.log("plugin/kubernetes: listed %d services through the API: ready" % len(services))
                ready.set()
            delay = 30
        except Exception as e:  # noqa: BLE001 - any failure means "not ready yet", as CoreDNS waits
            api.log("plugin/kubernetes: cannot list services: %s" % e, "E")
            delay = min(delay * 2, 10)
        time.sleep(delay)


main()
