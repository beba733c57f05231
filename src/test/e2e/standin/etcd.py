"""Stand-in etcd: listens where the real one would (client and peer URLs, TLS with the given
certificates, client certificates required when --client-cert-auth) and answers /health on the
metrics URL and the client URLs. It stores nothing; it tells systemd it is ready (Type=notify).
"""
import json
import os
import sys
from urllib.parse import urlsplit

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import common  # noqa: E402


class EtcdHandler(common.Handler):
    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/health" or path == "/readyz" or path == "/livez":
            self.reply(200, json.dumps({"health": "true", "reason": ""}), "application/json")
        elif path == "/version":
            self.reply(200, json.dumps({"etcdserver": "3.6.5", "etcdcluster": "3.6.0"}), "application/json")
        elif path == "/metrics":
            self.reply(200, "etcd_server_has_leader 1\n")
        else:
            self.reply(404, "404 page not found\n")


def listen(urls, tls):
    for url in filter(None, urls.split(",")):
        parts = urlsplit(url.strip())
        port = parts.port or (2379 if parts.scheme == "https" else 2381)
        common.serve((parts.hostname, port), EtcdHandler, tls if parts.scheme == "https" else None)


def main(argv):
    flags, _ = common.parse_flags(argv[1:])
    common.info("etcd stand-in starting (version 3.6.5)")
    common.log_flags(flags)
    data_dir = flags.get("data-dir") or os.environ.get("ETCD_DATA_DIR") or "default.etcd"
    os.makedirs(os.path.join(data_dir, "member", "wal"), exist_ok=True)
    client_tls = common.tls_context(flags.get("cert-file"), flags.get("key-file"), flags.get("trusted-ca-file"),
                                    flags.get("client-cert-auth") == "true")
    peer_tls = common.tls_context(flags.get("peer-cert-file"), flags.get("peer-key-file"),
                                  flags.get("peer-trusted-ca-file"), flags.get("peer-client-cert-auth") == "true")
    listen(flags.get("listen-client-urls", "http://127.0.0.1:2379"), client_tls)
    listen(flags.get("listen-peer-urls", "http://127.0.0.1:2380"), peer_tls)
    if flags.get("listen-metrics-urls"):
        listen(flags["listen-metrics-urls"], None)
    common.info("ready to serve client requests (member %s)" % flags.get("name", "default"))
    common.notify_ready()
    common.wait_for_termination("etcd")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
