package dev.mast.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a simulated cluster from before Mast was set up: where its files, units and binaries are. */
public enum LegacyLayout {
    /**
     * Packages named after each component (units in {@code /lib/systemd/system}, the API server's
     * flags in {@code /etc/kubernetes/apiserver} and a drop-in), kubeadm's paths under
     * {@code /etc/kubernetes/pki}, etcd over TLS.
     */
    KUBEADM("kubeadm"),
    /**
     * Kubernetes the Hard Way (its v1.32 edition): binaries in {@code /usr/local/bin} from no package,
     * units in {@code /etc/systemd/system}, certificates, kubeconfigs and an encryption config in
     * {@code /var/lib/kubernetes}, etcd over plain HTTP on loopback, and controllers with no kubelet
     * and no container runtime.
     */
    HARD_WAY("hard-way"),
    /**
     * Kismatic up to v1.2: the packages {@code kismatic-kubernetes-master}, {@code -node} and
     * {@code -networking}, units whose values are {@code Environment=} lines used as {@code ${VAR}},
     * {@code .pem} files under {@code /etc/kubernetes/pki} named from kubeconfigs by path, and the CA
     * key kept on the installer's machine, not on the nodes.
     */
    KISMATIC("kismatic");

    private final String key;

    LegacyLayout(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<LegacyLayout> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.key.equals(wanted)).findFirst();
    }
}
