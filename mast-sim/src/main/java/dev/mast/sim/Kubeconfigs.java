package dev.mast.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Kubeconfig files with embedded certificates, as kubeadm writes them. */
final class Kubeconfigs {
    private Kubeconfigs() {
    }

    static String render(String cluster, String server, String caPem, String user, SimPki.Issued client) {
        return "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- cluster:\n"
                + "    certificate-authority-data: " + base64(caPem) + "\n"
                + "    server: " + server + "\n"
                + "  name: " + cluster + "\n"
                + "contexts:\n"
                + "- context:\n"
                + "    cluster: " + cluster + "\n"
                + "    user: " + user + "\n"
                + "  name: " + user + "@" + cluster + "\n"
                + "current-context: " + user + "@" + cluster + "\n"
                + "preferences: {}\n"
                + "users:\n"
                + "- name: " + user + "\n"
                + "  user:\n"
                + "    client-certificate-data: " + base64(client.certificatePem()) + "\n"
                + "    client-key-data: " + base64(client.keyPem()) + "\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
