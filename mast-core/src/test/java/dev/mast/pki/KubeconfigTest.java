package dev.mast.pki;

import static dev.mast.pki.PkiTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mast.files.NodeFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Kubeconfigs read back as plain YAML, the way kubectl and the components see them. */
class KubeconfigTest {
    @TempDir
    static Path dir;
    static ClusterPki pki;

    @BeforeAll
    static void createPki() {
        pki = new PkiStore().loadOrCreate(dir, plan());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yaml) {
        return (Map<String, Object>) new Yaml().load(yaml);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(Map<String, Object> config, String list, String key) {
        var entries = (List<Map<String, Object>>) config.get(list);
        assertEquals(1, entries.size(), list);
        return (Map<String, Object>) entries.get(0).get(key);
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
    }

    private static X509Certificate clientCertificate(String yaml) throws Exception {
        return certificate(decode(only(parse(yaml), "users", "user").get("client-certificate-data")));
    }

    private static String server(String yaml) {
        return (String) only(parse(yaml), "clusters", "cluster").get("server");
    }

    @Test
    void adminKubeconfigHasTheStandardShapeAndTalksToTheLoadBalancer() throws Exception {
        Map<String, Object> config = parse(pki.adminKubeconfig());
        assertEquals("v1", config.get("apiVersion"));
        assertEquals("Config", config.get("kind"));
        assertEquals("kubernetes-admin@prod", config.get("current-context"));
        assertEquals(Map.of("cluster", "prod", "user", "kubernetes-admin"), only(config, "contexts", "context"));
        assertEquals("https://k8s.example.com:443", server(pki.adminKubeconfig()));
        assertEquals(pki.caCertificatePem(), decode(only(config, "clusters", "cluster").get("certificate-authority-data")));
    }

    @Test
    void adminClientIsKubernetesAdminInTheClusterAdminsGroupAndHoldsItsKey() throws Exception {
        X509Certificate admin = clientCertificate(pki.adminKubeconfig());
        assertEquals("CN=kubernetes-admin,O=kubeadm:cluster-admins", admin.getSubjectX500Principal().getName());
        validate(admin, certificate(pki.caCertificatePem()));
        String key = decode(only(parse(pki.adminKubeconfig()), "users", "user").get("client-key-data"));
        assertTrue(signsFor(privateKey(key), admin.getPublicKey()));
    }

    @Test
    void superAdminIsInSystemMasters() throws Exception {
        assertEquals("CN=kubernetes-super-admin,O=system:masters",
                clientCertificate(pki.superAdminKubeconfig()).getSubjectX500Principal().getName());
    }

    @Test
    void controllerManagerAndSchedulerTalkToTheApiServerOnTheirOwnMaster() throws Exception {
        List<NodeFile> master2 = pki.nodeFiles(MASTER2);
        String controllerManager = file(master2, PkiPaths.CONTROLLER_MANAGER_CONF).text();
        String scheduler = file(master2, PkiPaths.SCHEDULER_CONF).text();
        assertEquals("https://10.0.0.12:6443", server(controllerManager));
        assertEquals("https://10.0.0.12:6443", server(scheduler));
        assertEquals("CN=system:kube-controller-manager", clientCertificate(controllerManager).getSubjectX500Principal().getName());
        assertEquals("CN=system:kube-scheduler", clientCertificate(scheduler).getSubjectX500Principal().getName());
        assertEquals("https://10.0.0.11:6443", server(file(pki.nodeFiles(MASTER1), PkiPaths.SCHEDULER_CONF).text()));
    }

    @Test
    void eachKubeletAuthenticatesAsItsOwnNode() throws Exception {
        String kubelet = file(pki.nodeFiles(WORKER1), PkiPaths.KUBELET_CONF).text();
        X509Certificate client = clientCertificate(kubelet);
        assertEquals("CN=system:node:worker1,O=system:nodes", client.getSubjectX500Principal().getName());
        assertEquals("https://k8s.example.com:443", server(kubelet));
        assertEquals("system:node:worker1@prod", parse(kubelet).get("current-context"));
        assertNotEquals(client.getSerialNumber(),
                clientCertificate(file(pki.nodeFiles(MASTER1), PkiPaths.KUBELET_CONF).text()).getSerialNumber());
    }

    @Test
    void kubeProxyIsSystemKubeProxyOnEveryNode() throws Exception {
        String onWorker = file(pki.nodeFiles(WORKER1), PkiPaths.KUBE_PROXY_CONF).text();
        assertEquals("CN=system:kube-proxy", clientCertificate(onWorker).getSubjectX500Principal().getName());
        assertEquals(onWorker, file(pki.nodeFiles(ETCD3), PkiPaths.KUBE_PROXY_CONF).text());
    }

    @Test
    void withoutALoadBalancerKubeconfigsPointAtTheFirstMaster(@TempDir Path other) {
        var plan = plan("", List.of(MASTER1, MASTER2, WORKER1));
        assertEquals("https://10.0.0.11:6443", server(new PkiStore().loadOrCreate(other, plan).adminKubeconfig()));
    }

    @Test
    void kubeconfigIsBlockStyleYamlWithUnixLineEnds() {
        String yaml = pki.adminKubeconfig();
        assertTrue(yaml.startsWith("apiVersion: v1\nclusters:\n- cluster:\n"), yaml.substring(0, 40));
        assertFalse(yaml.contains("\r"));
        assertFalse(yaml.contains("{cluster"), "no flow-style maps");
    }
}
