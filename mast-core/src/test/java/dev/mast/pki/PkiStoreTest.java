package dev.mast.pki;

import static dev.mast.pki.PkiTesting.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mast.plan.Node;
import dev.mast.plan.Role;
import dev.mast.files.NodeFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiStoreTest {
    private static final int IP = 7;

    /** A PKI made once for the whole class; tests that start from an existing PKI get a copy of it. */
    @TempDir
    static Path template;

    @TempDir
    Path dir;

    private final PkiStore store = new PkiStore();

    @BeforeAll
    static void createTemplate() {
        new PkiStore().loadOrCreate(template, plan());
    }

    private void copyTemplate() throws Exception {
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @Test
    void loadingTheSamePlanTwiceChangesNoByteAnywhere() throws Exception {
        ClusterPki first = store.loadOrCreate(dir, plan());
        Map<String, String> before = snapshot(dir);
        ClusterPki second = store.loadOrCreate(dir, plan());

        assertEquals(before, snapshot(dir));
        assertEquals(List.of(), second.changes());
        assertFalse(first.changes().isEmpty());
        for (Node node : plan().nodes()) {
            assertEquals(first.nodeFiles(node), second.nodeFiles(node), node.hostName());
        }
        assertEquals(first.adminKubeconfig(), second.adminKubeconfig());
    }

    @Test
    void writesKeysOwnerOnlyAndCertificatesWorldReadable() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path pki = dir.resolve("clusters/prod/pki");
        store.loadOrCreate(pki, plan());
        try (Stream<Path> files = Files.walk(pki)) {
            for (Path file : files.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                String name = file.getFileName().toString();
                if (Files.isDirectory(file)) {
                    assertEquals("rwx------", mode, file.toString());
                } else if (name.endsWith(".key")) {
                    assertEquals("rw-------", mode, file.toString());
                } else {
                    assertEquals("rw-r--r--", mode, file.toString());
                }
            }
        }
        assertTrue(Files.exists(pki.resolve("sa.key")) && Files.exists(pki.resolve("etcd/ca.key")));
    }

    @Test
    void addingAMasterReissuesTheApiServerCertificateWithItsNamesAndKeepsTheCa() throws Exception {
        copyTemplate();
        Map<String, String> before = snapshot(dir);
        Node master3 = node("master3", "192.168.10.14", "10.0.0.14", Role.MASTER);

        ClusterPki grown = store.loadOrCreate(dir, plan("k8s.example.com:443", List.of(MASTER1, MASTER2, ETCD3, WORKER1, master3)));
        Map<String, String> after = snapshot(dir);

        assertEquals(before.get("ca.crt"), after.get("ca.crt"));
        assertEquals(before.get("ca.key"), after.get("ca.key"));
        assertEquals(before.get("apiserver-kubelet-client.crt"), after.get("apiserver-kubelet-client.crt"));
        assertNotEquals(before.get("apiserver.crt"), after.get("apiserver.crt"));
        assertNotEquals(before.get("apiserver.key"), after.get("apiserver.key"));
        var apiserver = certificate(dir.resolve("apiserver.crt"));
        assertTrue(altNames(apiserver, IP).containsAll(List.of("192.168.10.14", "10.0.0.14", "10.0.0.11")));
        validate(apiserver, certificate(dir.resolve("ca.crt")));

        PkiChange reissued = grown.changes().stream().filter(c -> c.name().equals("apiserver")).findFirst().orElseThrow();
        assertEquals(PkiChange.Kind.REISSUED, reissued.kind());
        assertTrue(reissued.reason().contains("master3"), reissued.reason());
        assertTrue(grown.changes().stream().anyMatch(c -> c.name().equals("nodes/master3/kubelet")
                && c.kind() == PkiChange.Kind.CREATED));
    }

    @Test
    void aCorruptFileIsNamedAndNothingIsWritten() throws Exception {
        copyTemplate();
        // admin.crt comes before the etcd peer certificate in the list: it must not be recreated either
        Files.delete(dir.resolve("kubeconfig/admin.crt"));
        Path corrupt = dir.resolve("nodes/etcd3/etcd-peer.crt");
        Files.writeString(corrupt, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        Map<String, String> before = snapshot(dir);

        var error = assertThrows(PkiException.class, () -> store.loadOrCreate(dir, plan()));

        assertEquals(corrupt.toAbsolutePath(), error.file().orElseThrow());
        assertTrue(error.getMessage().contains("etcd-peer.crt"), error.getMessage());
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aFileThatIsNotPemAtAllIsNamed() throws Exception {
        copyTemplate();
        Files.writeString(dir.resolve("front-proxy-client.key"), "hello");

        var error = assertThrows(PkiException.class, () -> store.loadOrCreate(dir, plan()));

        assertEquals(dir.resolve("front-proxy-client.key").toAbsolutePath(), error.file().orElseThrow());
    }

    @Test
    void aCorruptKeyIsNamedWithoutQuotingIt() throws Exception {
        copyTemplate();
        Path key = dir.resolve("etcd/ca.key");
        String pem = Files.readString(key);
        String truncated = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(key, truncated);

        var error = assertThrows(PkiException.class, () -> store.loadOrCreate(dir, plan()));

        assertTrue(error.getMessage().contains("etcd/ca.key"), error.getMessage());
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.contains("PRIVATE KEY"), message);
            for (String line : truncated.split("\n")) {
                assertFalse(line.length() > 8 && message.contains(line), message);
            }
        }
    }

    @Test
    void aCaWhoseKeyIsLostIsAnErrorNotASilentNewCa() throws Exception {
        copyTemplate();
        Files.delete(dir.resolve("front-proxy-ca.key"));
        Map<String, String> before = snapshot(dir);

        var error = assertThrows(PkiException.class, () -> store.loadOrCreate(dir, plan()));

        assertEquals(dir.resolve("front-proxy-ca.key").toAbsolutePath(), error.file().orElseThrow());
        assertTrue(error.getMessage().contains("missing"), error.getMessage());
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aCaCertificateThatIsNotACaIsRefused() throws Exception {
        copyTemplate();
        Files.copy(dir.resolve("apiserver.crt"), dir.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("apiserver.key"), dir.resolve("ca.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        var error = assertThrows(PkiException.class, () -> store.loadOrCreate(dir, plan()));
        assertTrue(error.getMessage().contains("ca.crt") && error.getMessage().contains("not a CA"), error.getMessage());
    }

    @Test
    void aLeafWithoutItsKeyIsReissuedFromTheStoredCa() throws Exception {
        copyTemplate();
        String ca = Files.readString(dir.resolve("etcd/ca.crt"));
        Files.delete(dir.resolve("nodes/etcd3/etcd-peer.key"));

        ClusterPki pki = store.loadOrCreate(dir, plan());

        assertEquals(ca, Files.readString(dir.resolve("etcd/ca.crt")));
        var peer = certificate(dir.resolve("nodes/etcd3/etcd-peer.crt"));
        validate(peer, certificate(ca));
        assertTrue(signsFor(privateKey(Files.readString(dir.resolve("nodes/etcd3/etcd-peer.key"))), peer.getPublicKey()));
        assertEquals(List.of("nodes/etcd3/etcd-peer"), pki.changes().stream().map(PkiChange::name).toList());
    }

    @Test
    void aNewCaMeansEveryCertificateItSignsIsReissued() throws Exception {
        copyTemplate();
        String frontProxyClient = Files.readString(dir.resolve("front-proxy-client.crt"));
        String apiserver = Files.readString(dir.resolve("apiserver.crt"));
        Files.delete(dir.resolve("etcd/ca.crt"));
        Files.delete(dir.resolve("etcd/ca.key"));

        ClusterPki pki = store.loadOrCreate(dir, plan());

        var etcdCa = certificate(dir.resolve("etcd/ca.crt"));
        for (String leaf : List.of("apiserver-etcd-client.crt", "etcd/healthcheck-client.crt", "nodes/master2/etcd-server.crt")) {
            validate(certificate(dir.resolve(leaf)), etcdCa);
        }
        assertEquals(frontProxyClient, Files.readString(dir.resolve("front-proxy-client.crt")));
        assertEquals(apiserver, Files.readString(dir.resolve("apiserver.crt")));
        assertTrue(pki.changes().stream().filter(c -> c.kind() == PkiChange.Kind.REISSUED)
                .allMatch(c -> c.reason().contains("not signed by the current etcd/ca")), pki.changes().toString());
    }

    @Test
    void aLeafNearItsEndIsRenewedWhileOneWithTimeLeftIsKept() throws Exception {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        new PkiStore(Clock.fixed(start, ZoneOffset.UTC), new SecureRandom()).loadOrCreate(dir, plan());
        Map<String, String> created = snapshot(dir);

        var later = new PkiStore(Clock.fixed(start.plus(Duration.ofDays(200)), ZoneOffset.UTC), new SecureRandom());
        assertEquals(List.of(), later.loadOrCreate(dir, plan()).changes());
        assertEquals(created, snapshot(dir));

        var nearEnd = new PkiStore(Clock.fixed(start.plus(Duration.ofDays(350)), ZoneOffset.UTC), new SecureRandom());
        ClusterPki renewed = nearEnd.loadOrCreate(dir, plan());
        assertEquals(created.get("ca.crt"), snapshot(dir).get("ca.crt"));
        assertNotEquals(created.get("apiserver.crt"), snapshot(dir).get("apiserver.crt"));
        assertTrue(renewed.changes().stream().allMatch(c -> c.reason().startsWith("expires on")), renewed.changes().toString());
        assertEquals(start.plus(Duration.ofDays(350 + 365)), certificate(dir.resolve("apiserver.crt")).getNotAfter().toInstant());
    }

    @Test
    void aLostServiceAccountPublicKeyIsRebuiltFromThePrivateKey() throws Exception {
        copyTemplate();
        String pub = Files.readString(dir.resolve("sa.pub"));
        Files.delete(dir.resolve("sa.pub"));

        store.loadOrCreate(dir, plan());

        assertEquals(pub, Files.readString(dir.resolve("sa.pub")));
    }

    @Test
    void anUnsafeHostNameStopsBeforeAnythingIsWritten() {
        Node evil = node("a/../../b", "10.0.0.9", "10.0.0.9", Role.WORKER);
        assertThrows(IllegalArgumentException.class, () -> store.loadOrCreate(dir.resolve("pki"), plan("", List.of(MASTER1, evil))));
        assertFalse(Files.exists(dir.resolve("pki")));
    }

    @Test
    void keysOnNodesAreTheStoredKeys() throws Exception {
        ClusterPki pki = store.loadOrCreate(dir, plan());
        List<NodeFile> files = pki.nodeFiles(MASTER2);
        assertEquals(Files.readString(dir.resolve("apiserver.key")), file(files, PkiPaths.APISERVER_KEY).text());
        assertEquals(Files.readString(dir.resolve("nodes/master2/etcd-server.crt")), file(files, PkiPaths.ETCD_SERVER_CERT).text());
        assertEquals(Files.readString(dir.resolve("sa.key")), file(files, PkiPaths.SA_KEY).text());
    }
}
