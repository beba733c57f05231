package dev.mast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API endpoint (the plan's controlPlaneEndpoint) on a fresh node brought up like an install:
 * refused while no API server runs, then TLS with the API server's own certificate (an RSA key
 * in PKCS#1, from a CA made here) for a client that trusts only that CA.
 */
class ApiEndpointTest {
    @TempDir
    Path tmp;

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, KeyPair issuerKeys, boolean ca) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.now().minus(1, ChronoUnit.HOURS)), Date.from(Instant.now().plus(1, ChronoUnit.DAYS)),
                new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "kubernetes")}));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(issuerKeys.getPrivate())));
    }

    private static KubernetesClient client(SimFixture sim, String caPem) {
        String kubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: "
                + Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8)) + "\n    server: https://"
                + sim.cluster.controlPlaneEndpoint() + "\n  name: sim\ncontexts:\n- context:\n    cluster: sim\n    user: admin\n"
                + "  name: admin@sim\ncurrent-context: admin@sim\nusers:\n- name: admin\n  user:\n    token: not-checked\n";
        Config config = new ConfigBuilder(Config.fromKubeconfig(kubeconfig)).withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(3000).withRequestTimeout(5000).build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Test
    void theEndpointServesTheApiWithTheApiServersCertificateOnlyWhileOneRuns() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair caKeys = rsa.generateKeyPair();
        KeyPair serverKeys = rsa.generateKeyPair();
        String caPem = pem(certificate("CN=test-ca", caKeys, "CN=test-ca", caKeys, true));
        String serverPem = pem(certificate("CN=kube-apiserver", serverKeys, "CN=test-ca", caKeys, false));
        String serverKeyPem = pem(serverKeys.getPrivate());

        try (SimFixture sim = SimFixture.start(tmp, b -> b.nodes(1).provisioning(Provisioning.FRESH_WITH_RUNTIME));
             KubernetesClient client = client(sim, caPem)) {
            assertThrows(KubernetesClientException.class, () -> client.pods().inNamespace("kube-system").list());
            try (Socket socket = new Socket("127.0.0.1", sim.cluster.apiPort()); InputStream in = socket.getInputStream()) {
                assertEquals(-1, in.read(), "the endpoint closes connections while no API server runs");
            }

            sim.run("apt-get install -y etcd-server kubelet >/dev/null");
            Manifests.put(sim, "node001", "/var/lib/kubelet/config.yaml",
                    "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nstaticPodPath: /etc/kubernetes/manifests\n", "0644");
            Manifests.put(sim, "node001", "/etc/kubernetes/pki/apiserver.crt", serverPem, "0644");
            Manifests.put(sim, "node001", "/etc/kubernetes/pki/apiserver.key", serverKeyPem, "0600");
            sim.run("crictl pull registry.k8s.io/kube-apiserver:v1.34.3 && systemctl restart kubelet");
            Manifests.put(sim, "node001", "/etc/kubernetes/manifests/kube-apiserver.yaml",
                    Manifests.apiserver("http://127.0.0.1:2379", "/etc/kubernetes/pki"), "0600");

            SimFixture.await("the API server's mirror pod is Running", java.time.Duration.ofSeconds(30), () -> {
                try {
                    Pod pod = client.pods().inNamespace("kube-system").withName("kube-apiserver-node001").get();
                    return pod != null && "Running".equals(pod.getStatus().getPhase());
                } catch (KubernetesClientException e) {
                    return false;
                }
            });
            assertEquals("node001", client.nodes().withName("node001").get().getMetadata().getName());

            sim.run("rm /etc/kubernetes/manifests/kube-apiserver.yaml");
            SimFixture.await("the endpoint refuses again", () -> !sim.cluster.apiServing());
            assertThrows(KubernetesClientException.class, () -> client.pods().inNamespace("kube-system").list());
        }
    }
}
