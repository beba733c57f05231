"""What the add-on stand-ins share: the Kubernetes API as a pod reaches it (the `kubernetes`
Service's address, the pod's service account token and CA), and klog-style log lines."""
import json
import os
import ssl
import sys
import time
import urllib.request

ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount"


def log(message, level="I"):
    now = time.time()
    stamp = time.strftime("%m%d %H:%M:%S", time.gmtime(now)) + ".%06d" % int((now % 1) * 1e6)
    sys.stderr.write("%s%s %7d %s] %s\n" % (level, stamp, os.getpid(), os.path.basename(sys.argv[0]), message))
    sys.stderr.flush()


def get(path):
    """GET PATH of the API with the pod's credentials; the token is read each time, as it rotates."""
    with open(ACCOUNT + "/token") as f:
        token = f.read().strip()
    context = ssl.create_default_context(cafile=ACCOUNT + "/ca.crt")
    url = "https://%s:%s%s" % (os.environ["KUBERNETES_SERVICE_HOST"], os.environ["KUBERNETES_SERVICE_PORT"], path)
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10, context=context) as response:
        return json.load(response)
