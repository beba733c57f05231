"""What the e2e stand-ins share: klog-style logging, flag parsing, TLS servers, sd_notify.

Standard library only: this file runs on the test nodes' python3 and inside the component
images, which carry a trimmed copy of the same python3.
"""
import http.server
import os
import socket
import socketserver
import ssl
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def log(level, message):
    """A klog line: I0102 15:04:05.000000  PID file.py:0] message."""
    now = time.time()
    stamp = time.strftime("%m%d %H:%M:%S", time.localtime(now)) + ".%06d" % int((now % 1) * 1e6)
    sys.stderr.write("%s%s %7d standin.py:1] %s\n" % (level, stamp, os.getpid(), message))
    sys.stderr.flush()


def info(message):
    log("I", message)


def error(message):
    log("E", message)


def parse_flags(argv):
    """--name=value, --name value and bare --name (true), in order; other words are positional."""
    flags, rest, i = {}, [], 0
    while i < len(argv):
        word = argv[i]
        if word.startswith("--"):
            name = word[2:]
            if "=" in name:
                name, value = name.split("=", 1)
            elif i + 1 < len(argv) and not argv[i + 1].startswith("-"):
                i += 1
                value = argv[i]
            else:
                value = "true"
            flags[name] = value
        else:
            rest.append(word)
        i += 1
    return flags, rest


def log_flags(flags):
    for name in sorted(flags):
        info('FLAG: --%s="%s"' % (name, flags[name]))


def split_host_port(address, default_port):
    if address.startswith("["):
        host, _, port = address[1:].partition("]:")
        return host, int(port or default_port)
    if ":" in address:
        host, port = address.rsplit(":", 1)
        return host, int(port)
    return address, default_port


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address, handler, tls=None):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.tls = tls
        super().__init__(address, handler)

    def get_request(self):
        sock, addr = super().get_request()
        if self.tls is not None:
            sock.settimeout(10)
            try:
                sock = self.tls.wrap_socket(sock, server_side=True)
            except (ssl.SSLError, OSError):
                sock.close()
                raise
            sock.settimeout(None)
        return sock, addr

    def handle_error(self, request, client_address):
        pass


def tls_context(cert_file=None, key_file=None, client_ca=None, require_client=False):
    """A server context from the given files, or the stand-ins' self-signed pair when absent."""
    if not cert_file or not os.path.exists(cert_file):
        if cert_file:
            info("%s does not exist: serving with a self-signed certificate" % cert_file)
        cert_file, key_file = os.path.join(HERE, "selfsigned.crt"), os.path.join(HERE, "selfsigned.key")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    if client_ca and os.path.exists(client_ca):
        context.load_verify_locations(client_ca)
        context.verify_mode = ssl.CERT_REQUIRED if require_client else ssl.CERT_OPTIONAL
    return context


def serve(address, handler, tls=None):
    """Starts a server on (host, port) in a daemon thread; retries while the port is still taken."""
    host = address[0] or "0.0.0.0"
    for attempt in range(60):
        try:
            server = Server((host, address[1]), handler, tls)
            break
        except OSError as e:
            if attempt == 0:
                error("listen %s:%d: %s; retrying" % (host, address[1], e))
            time.sleep(0.5)
    else:
        error("listen %s:%d: giving up" % (host, address[1]))
        sys.exit(1)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    info("Serving %s on %s:%d" % ("securely" if tls else "insecurely", host, address[1]))
    return server


class Handler(http.server.BaseHTTPRequestHandler):
    """Answers health paths with "ok"; subclasses add routes in `routes` (path -> callable)."""
    protocol_version = "HTTP/1.1"
    health_paths = ("/healthz", "/livez", "/readyz")

    def log_message(self, fmt, *args):
        pass

    def reply(self, code, body, content_type="text/plain; charset=utf-8"):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path.rstrip("/") in self.health_paths or path.startswith(tuple(p + "/" for p in self.health_paths)):
            self.reply(200, "ok")
        else:
            self.reply(404, "404 page not found\n")


def notify_ready():
    """sd_notify(READY=1) for Type=notify units."""
    path = os.environ.get("NOTIFY_SOCKET")
    if not path:
        return
    if path.startswith("@"):
        path = "\0" + path[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.connect(path)
        sock.sendall(b"READY=1")


def wait_for_termination(name):
    """Blocks until SIGTERM or SIGINT, then logs and exits 0 like the real components."""
    import signal
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(3600):
        pass
    info("%s: received termination signal, shutting down" % name)
    sys.exit(0)
