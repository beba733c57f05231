package dev.mast.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An API server brought up on a simulated node as an install would (the kubelet, the image, a
 * certificate from a CA made here, the manifest), and clients that trust only that CA.
 */
final class TestApiServer implements AutoCloseable {
    private final String caPem;
    private final String serverPem;
    private final String serverKeyPem;
    private final List<KubernetesClient> clients = new ArrayList<>();

    TestApiServer() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair caKeys = rsa.generateKeyPair();
        KeyPair serverKeys = rsa.generateKeyPair();
        caPem = pem(certificate("CN=test-ca", caKeys, "CN=test-ca", caKeys, true));
        serverPem = pem(certificate("CN=kube-apiserver", serverKeys, "CN=test-ca", caKeys, false));
        serverKeyPem = pem(serverKeys.getPrivate());
    }

    /** Starts the API server's static pod on the node and waits until its mirror pod runs. */
    void startOn(SimFixture sim, String node) throws Exception {
        // The kubelet reads static pods only when its configuration says where, as kubeadm's drop-in tells it.
        sim.run(node, "mkdir -p /etc/systemd/system/kubelet.service.d && printf '[Service]\\nExecStart=\\n"
                + "ExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml\\n' > /etc/systemd/system/kubelet.service.d/10-kubeadm.conf");
        sim.run(node, PackagesTest.KUBERNETES_APT_SOURCE + " >/dev/null && apt-get install -y etcd-server kubelet cri-tools >/dev/null");
        Manifests.put(sim, node, "/var/lib/kubelet/config.yaml",
                "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nstaticPodPath: /etc/kubernetes/manifests\n", "0644");
        Manifests.put(sim, node, "/etc/kubernetes/pki/apiserver.crt", serverPem, "0644");
        Manifests.put(sim, node, "/etc/kubernetes/pki/apiserver.key", serverKeyPem, "0600");
        sim.run(node, "crictl pull registry.k8s.io/kube-apiserver:v1.34.3 && systemctl restart kubelet");
        Manifests.put(sim, node, "/etc/kubernetes/manifests/kube-apiserver.yaml",
                Manifests.apiserver("http://127.0.0.1:2379", "/etc/kubernetes/pki"), "0600");
        KubernetesClient client = client(sim);
        SimFixture.await("the API server's mirror pod is Running", java.time.Duration.ofSeconds(30), () -> {
            try {
                Pod pod = client.pods().inNamespace("kube-system").withName("kube-apiserver-" + node).get();
                return pod != null && "Running".equals(pod.getStatus().getPhase());
            } catch (KubernetesClientException e) {
                return false;
            }
        });
    }

    /** A client of the cluster's endpoint that trusts only this server's CA; closed with this. */
    KubernetesClient client(SimFixture sim) {
        String kubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: "
                + Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8)) + "\n    server: https://"
                + sim.cluster.controlPlaneEndpoint() + "\n  name: sim\ncontexts:\n- context:\n    cluster: sim\n    user: admin\n"
                + "  name: admin@sim\ncurrent-context: admin@sim\nusers:\n- name: admin\n  user:\n    token: not-checked\n";
        Config config = new ConfigBuilder(Config.fromKubeconfig(kubeconfig)).withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(3000).withRequestTimeout(5000).build();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(KubernetesClient::close);
    }

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
}
