package dev.mast.pki;

import static dev.mast.pki.PkiTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mast.files.NodeFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which PKI files each kind of node receives, at which path and with which mode. */
class NodeFilesTest {
    @TempDir
    static Path dir;
    static ClusterPki pki;

    @BeforeAll
    static void createPki() {
        pki = new PkiStore().loadOrCreate(dir, plan());
    }

    private static Set<String> paths(List<NodeFile> files) {
        return files.stream().map(NodeFile::path).collect(Collectors.toSet());
    }

    private static final Set<String> EVERY_NODE = Set.of(PkiPaths.CA_CERT, PkiPaths.KUBELET_CONF, PkiPaths.KUBE_PROXY_CONF);

    private static final Set<String> MASTER = Set.of(
            "/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key",
            "/etc/kubernetes/pki/apiserver.crt", "/etc/kubernetes/pki/apiserver.key",
            "/etc/kubernetes/pki/apiserver-kubelet-client.crt", "/etc/kubernetes/pki/apiserver-kubelet-client.key",
            "/etc/kubernetes/pki/front-proxy-ca.crt", "/etc/kubernetes/pki/front-proxy-ca.key",
            "/etc/kubernetes/pki/front-proxy-client.crt", "/etc/kubernetes/pki/front-proxy-client.key",
            "/etc/kubernetes/pki/sa.key", "/etc/kubernetes/pki/sa.pub",
            "/etc/kubernetes/pki/apiserver-etcd-client.crt", "/etc/kubernetes/pki/apiserver-etcd-client.key",
            "/etc/kubernetes/pki/etcd/ca.crt",
            "/etc/kubernetes/admin.conf", "/etc/kubernetes/controller-manager.conf", "/etc/kubernetes/scheduler.conf");

    private static final Set<String> ETCD = Set.of(
            "/etc/kubernetes/pki/etcd/ca.crt",
            "/etc/kubernetes/pki/etcd/server.crt", "/etc/kubernetes/pki/etcd/server.key",
            "/etc/kubernetes/pki/etcd/peer.crt", "/etc/kubernetes/pki/etcd/peer.key",
            "/etc/kubernetes/pki/etcd/healthcheck-client.crt", "/etc/kubernetes/pki/etcd/healthcheck-client.key");

    private static Set<String> union(List<Set<String>> sets) {
        var all = new java.util.HashSet<String>();
        sets.forEach(all::addAll);
        return all;
    }

    @Test
    void aWorkerGetsOnlyTheCaAndItsKubeconfigs() {
        assertEquals(EVERY_NODE, paths(pki.nodeFiles(WORKER1)));
    }

    @Test
    void anEtcdMemberGetsTheEtcdCaCertificateButNotItsKey() {
        assertEquals(union(List.of(EVERY_NODE, ETCD)), paths(pki.nodeFiles(ETCD3)));
    }

    @Test
    void theSecondMasterGetsTheControlPlaneFilesWithoutSuperAdmin() {
        assertEquals(union(List.of(EVERY_NODE, MASTER, ETCD)), paths(pki.nodeFiles(MASTER2)));
    }

    @Test
    void theFirstMasterAlsoGetsSuperAdminAsKubeadmsInitNodeDoes() {
        assertEquals(union(List.of(EVERY_NODE, MASTER, ETCD, Set.of(PkiPaths.SUPER_ADMIN_CONF))), paths(pki.nodeFiles(MASTER1)));
    }

    @Test
    void keysAndKubeconfigsAreSecretAndOwnerOnlyWhileCertificatesArePublic() {
        for (NodeFile file : pki.nodeFiles(MASTER1)) {
            boolean secret = file.path().endsWith(".key") || file.path().endsWith(".conf");
            assertEquals(secret, file.secret(), file.path());
            assertEquals(secret ? 0600 : 0644, file.mode(), file.path());
            assertEquals(secret, file.text().contains("PRIVATE KEY") || file.text().contains("client-key-data"), file.path());
        }
    }

    @Test
    void filesAreSortedByPath() {
        List<String> paths = pki.nodeFiles(MASTER1).stream().map(NodeFile::path).toList();
        var sorted = new ArrayList<>(paths);
        sorted.sort(null);
        assertEquals(sorted, paths);
    }

    @Test
    void aNodeOutsideThePlanIsRefused() {
        var stranger = node("stranger", "10.9.9.9", "10.9.9.9", dev.mast.plan.Role.WORKER);
        var error = assertThrows(IllegalArgumentException.class, () -> pki.nodeFiles(stranger));
        assertTrue(error.getMessage().contains("stranger"), error.getMessage());
    }
}
