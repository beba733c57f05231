package dev.mast.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/** Static pod manifests for tests, and putting files on nodes the way Mast does (upload, then move into place). */
final class Manifests {
    private Manifests() {
    }

    static String scheduler(String extraFlag, boolean mountKubeconfig) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: kube-scheduler
                  namespace: kube-system
                  labels:
                    component: kube-scheduler
                    tier: control-plane
                spec:
                  hostNetwork: true
                  priorityClassName: system-node-critical
                  containers:
                  - name: kube-scheduler
                    image: registry.k8s.io/kube-scheduler:v1.34.3
                    command:
                    - kube-scheduler
                    - --kubeconfig=/etc/kubernetes/scheduler.conf
                    - --bind-address=127.0.0.1
                    - --secure-port=10259
                    - %s
                """.formatted(extraFlag) + (mountKubeconfig ? """
                    volumeMounts:
                    - name: kubeconfig
                      mountPath: /etc/kubernetes/scheduler.conf
                      readOnly: true
                  volumes:
                  - name: kubeconfig
                    hostPath:
                      path: /etc/kubernetes/scheduler.conf
                      type: FileOrCreate
                """ : "");
    }

    static String apiserver(String etcd, String certDir) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: kube-apiserver
                  namespace: kube-system
                spec:
                  hostNetwork: true
                  containers:
                  - name: kube-apiserver
                    image: registry.k8s.io/kube-apiserver:v1.34.3
                    command:
                    - kube-apiserver
                    - --etcd-servers=%s
                    - --secure-port=6443
                    - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
                    - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key
                    volumeMounts:
                    - name: k8s-certs
                      mountPath: /etc/kubernetes/pki
                      readOnly: true
                  volumes:
                  - name: k8s-certs
                    hostPath:
                      path: %s
                      type: DirectoryOrCreate
                """.formatted(etcd, certDir);
    }

    /** Uploads the text by SFTP to /tmp, then installs it at {@code path} with {@code mode}. */
    static void put(SimFixture sim, String node, String path, String text, String mode) throws Exception {
        Path local = Files.createTempFile("mast-sim-upload", ".tmp");
        try {
            Files.writeString(local, text);
            String staging = "/tmp/.upload-" + Long.toHexString(System.nanoTime());
            sim.ssh(node).upload(local, staging);
            sim.run(node, "install -D -m " + mode + " " + staging + " " + path + " && rm -f " + staging);
        } finally {
            Files.deleteIfExists(local);
        }
    }
}
