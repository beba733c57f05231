package dev.mast.pki;

import static dev.mast.pki.PkiTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
import dev.mast.files.NodeFile;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificates themselves, checked with the JDK's own X.509 and PKIX code. */
class ClusterCertificatesTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DNS = 2;
    private static final int IP = 7;
    // keyUsage bits as X509Certificate#getKeyUsage() orders them
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;

    @TempDir
    static Path dir;
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static ClusterPki pki;
    static List<NodeFile> master1;
    static List<NodeFile> etcd3;

    @BeforeAll
    static void createPki() {
        pki = new PkiStore(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom()).loadOrCreate(dir, plan());
        master1 = pki.nodeFiles(MASTER1);
        etcd3 = pki.nodeFiles(ETCD3);
    }

    private static X509Certificate ca() throws Exception {
        return certificate(master1, PkiPaths.CA_CERT);
    }

    private static X509Certificate etcdCa() throws Exception {
        return certificate(etcd3, PkiPaths.ETCD_CA_CERT);
    }

    @Test
    void apiServerCertificateValidatesAgainstTheClusterCa() throws Exception {
        validate(certificate(master1, PkiPaths.APISERVER_CERT), ca());
    }

    @Test
    void etcdServerAndPeerCertificatesValidateAgainstTheEtcdCa() throws Exception {
        validate(certificate(etcd3, PkiPaths.ETCD_SERVER_CERT), etcdCa());
        validate(certificate(etcd3, PkiPaths.ETCD_PEER_CERT), etcdCa());
        validate(certificate(etcd3, PkiPaths.ETCD_HEALTHCHECK_CLIENT_CERT), etcdCa());
        validate(certificate(master1, PkiPaths.APISERVER_ETCD_CLIENT_CERT), etcdCa());
    }

    @Test
    void frontProxyClientValidatesAgainstTheFrontProxyCa() throws Exception {
        validate(certificate(master1, PkiPaths.FRONT_PROXY_CLIENT_CERT), certificate(master1, PkiPaths.FRONT_PROXY_CA_CERT));
    }

    @Test
    void aLeafDoesNotValidateAgainstAnotherCa() throws Exception {
        assertThrows(CertPathValidatorException.class, () -> validate(certificate(master1, PkiPaths.APISERVER_CERT), etcdCa()));
        assertThrows(CertPathValidatorException.class, () -> validate(certificate(etcd3, PkiPaths.ETCD_SERVER_CERT), ca()));
        assertThrows(CertPathValidatorException.class,
                () -> validate(certificate(master1, PkiPaths.FRONT_PROXY_CLIENT_CERT), ca()));
    }

    @Test
    void apiServerCertificateNamesEveryWayToReachIt() throws Exception {
        X509Certificate apiserver = certificate(master1, PkiPaths.APISERVER_CERT);
        assertEquals(Set.of("kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.corp.local",
                "localhost", "master1", "master2", "k8s.example.com"), Set.copyOf(altNames(apiserver, DNS)));
        assertEquals(Set.of("10.100.0.1", "127.0.0.1", "192.168.10.11", "10.0.0.11", "192.168.10.12", "10.0.0.12"),
                Set.copyOf(altNames(apiserver, IP)));
        assertEquals("CN=kube-apiserver", apiserver.getSubjectX500Principal().getName());
        assertEquals(List.of(SERVER_AUTH), apiserver.getExtendedKeyUsage());
    }

    @Test
    void thePlansExtraNamesAreInTheApiServerCertificate(@TempDir Path other) throws Exception {
        var plan = plan("10.0.0.100:6443", List.of(MASTER1, WORKER1))
                .withApiServerCert(new dev.mast.plan.ApiServerCert(List.of("kube", "*.kube.corp.local", "10.0.0.101")));
        X509Certificate apiserver = certificate(new PkiStore().loadOrCreate(other, plan).nodeFiles(MASTER1), PkiPaths.APISERVER_CERT);
        assertTrue(altNames(apiserver, DNS).containsAll(List.of("kube", "*.kube.corp.local")), altNames(apiserver, DNS).toString());
        assertTrue(altNames(apiserver, IP).contains("10.0.0.101"), altNames(apiserver, IP).toString());
    }

    @Test
    void anIpControlPlaneEndpointBecomesAnIpSan(@TempDir Path other) throws Exception {
        var plan = plan("10.0.0.100:6443", List.of(MASTER1, WORKER1));
        X509Certificate apiserver = certificate(new PkiStore().loadOrCreate(other, plan).nodeFiles(MASTER1), PkiPaths.APISERVER_CERT);
        assertTrue(altNames(apiserver, IP).contains("10.0.0.100"), altNames(apiserver, IP).toString());
        assertFalse(altNames(apiserver, DNS).contains("10.0.0.100"));
    }

    @Test
    void etcdMemberCertificatesNameTheMemberAndLoopback() throws Exception {
        for (String path : List.of(PkiPaths.ETCD_SERVER_CERT, PkiPaths.ETCD_PEER_CERT)) {
            X509Certificate certificate = certificate(etcd3, path);
            assertEquals(Set.of("etcd3", "localhost"), Set.copyOf(altNames(certificate, DNS)), path);
            assertEquals(Set.of("192.168.10.13", "10.0.0.13", "127.0.0.1"), Set.copyOf(altNames(certificate, IP)), path);
            assertEquals(Set.of(SERVER_AUTH, CLIENT_AUTH), Set.copyOf(certificate.getExtendedKeyUsage()), path);
            assertEquals("CN=etcd3", certificate.getSubjectX500Principal().getName(), path);
        }
    }

    @Test
    void eachEtcdMemberGetsItsOwnServerCertificate() throws Exception {
        X509Certificate onMaster1 = certificate(master1, PkiPaths.ETCD_SERVER_CERT);
        assertEquals(Set.of("master1", "localhost"), Set.copyOf(altNames(onMaster1, DNS)));
        assertNotEquals(onMaster1.getSerialNumber(), certificate(etcd3, PkiPaths.ETCD_SERVER_CERT).getSerialNumber());
    }

    @Test
    void clientCertificatesCarryKubeadmsSubjectsAndOnlyClientAuth() throws Exception {
        var expected = List.of(
                List.of(PkiPaths.APISERVER_KUBELET_CLIENT_CERT, "CN=kube-apiserver-kubelet-client,O=kubeadm:cluster-admins"),
                List.of(PkiPaths.FRONT_PROXY_CLIENT_CERT, "CN=front-proxy-client"),
                List.of(PkiPaths.APISERVER_ETCD_CLIENT_CERT, "CN=kube-apiserver-etcd-client"),
                List.of(PkiPaths.ETCD_HEALTHCHECK_CLIENT_CERT, "CN=kube-etcd-healthcheck-client"));
        for (List<String> row : expected) {
            X509Certificate certificate = certificate(master1, row.get(0));
            assertEquals(row.get(1), certificate.getSubjectX500Principal().getName(), row.get(0));
            assertEquals(List.of(CLIENT_AUTH), certificate.getExtendedKeyUsage(), row.get(0));
            assertNull(certificate.getSubjectAlternativeNames(), row.get(0));
        }
    }

    @Test
    void casAreCriticalCaCertificatesThatSignCertificates() throws Exception {
        for (X509Certificate ca : List.of(ca(), etcdCa(), certificate(master1, PkiPaths.FRONT_PROXY_CA_CERT))) {
            assertTrue(ca.getBasicConstraints() >= 0, ca.getSubjectX500Principal().getName());
            assertTrue(ca.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
            boolean[] usage = ca.getKeyUsage();
            assertTrue(usage[KEY_CERT_SIGN] && usage[DIGITAL_SIGNATURE]);
            assertNotNull(ca.getExtensionValue("2.5.29.14"), "subject key identifier");
            ca.verify(ca.getPublicKey());
        }
        assertEquals("CN=kubernetes", ca().getSubjectX500Principal().getName());
        assertEquals("CN=etcd-ca", etcdCa().getSubjectX500Principal().getName());
    }

    @Test
    void leavesAreNotCasAndCannotSignCertificates() throws Exception {
        for (NodeFile file : master1) {
            if (!file.path().endsWith(".crt") || file.path().contains("ca.crt")) {
                continue;
            }
            X509Certificate leaf = certificate(file.text());
            assertEquals(-1, leaf.getBasicConstraints(), file.path());
            assertTrue(leaf.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")), file.path());
            boolean[] usage = leaf.getKeyUsage();
            assertTrue(usage[DIGITAL_SIGNATURE], file.path());
            assertFalse(usage[KEY_CERT_SIGN], file.path());
            assertFalse(usage[KEY_ENCIPHERMENT], file.path() + ": keyEncipherment has no meaning for an ECDSA key");
            assertEquals("EC", leaf.getPublicKey().getAlgorithm(), file.path());
            assertNotNull(leaf.getExtensionValue("2.5.29.35"), file.path() + ": authority key identifier");
            assertEquals(1, leaf.getSerialNumber().signum(), file.path());
        }
    }

    @Test
    void validityStartsFiveMinutesBackAndLastsTenYearsForCasAndOneYearForLeaves() throws Exception {
        X509Certificate ca = ca();
        X509Certificate apiserver = certificate(master1, PkiPaths.APISERVER_CERT);
        assertEquals(NOW.minus(Duration.ofMinutes(5)), ca.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(3650)), ca.getNotAfter().toInstant());
        assertEquals(NOW.minus(Duration.ofMinutes(5)), apiserver.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(365)), apiserver.getNotAfter().toInstant());

        apiserver.checkValidity(Date.from(NOW.minus(Duration.ofMinutes(4))));
        assertThrows(CertificateNotYetValidException.class, () -> apiserver.checkValidity(Date.from(NOW.minus(Duration.ofMinutes(6)))));
        assertThrows(CertificateExpiredException.class, () -> apiserver.checkValidity(Date.from(NOW.plus(Duration.ofDays(366)))));
        ca.checkValidity(Date.from(NOW.plus(Duration.ofDays(3649))));
    }

    @Test
    void everyPrivateKeyBelongsToTheCertificateNextToItAndToNoOther() throws Exception {
        for (List<NodeFile> files : List.of(master1, etcd3)) {
            for (NodeFile key : files) {
                if (!key.path().endsWith(".key") || key.path().endsWith("sa.key")) {
                    continue;
                }
                var privateKey = privateKey(key.text());
                X509Certificate own = certificate(files, key.path().replaceAll("\\.key$", ".crt"));
                assertTrue(signsFor(privateKey, own.getPublicKey()), key.path());
                X509Certificate other = certificate(files, key.path().equals(PkiPaths.CA_KEY) ? PkiPaths.APISERVER_CERT : PkiPaths.CA_CERT);
                assertFalse(signsFor(privateKey, other.getPublicKey()), key.path());
            }
        }
    }

    @Test
    void serviceAccountKeyIsRsa2048AndItsPublicHalf() throws Exception {
        var key = (java.security.interfaces.RSAPrivateCrtKey) privateKey(file(master1, PkiPaths.SA_KEY).text());
        assertEquals(2048, key.getModulus().bitLength());
        String pub = file(master1, PkiPaths.SA_PUB).text();
        assertTrue(pub.startsWith("-----BEGIN PUBLIC KEY-----\n"), pub);
        var spec = new java.security.spec.X509EncodedKeySpec(java.util.Base64.getMimeDecoder().decode(
                pub.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")));
        assertTrue(signsFor(key, java.security.KeyFactory.getInstance("RSA").generatePublic(spec)));
    }

    @Test
    void adminGroupIsSystemMastersBeforeKubernetes129AndClusterAdminsSince() {
        assertEquals("system:masters", ClusterCertificates.adminGroup(KubernetesVersion.parse("1.28").orElseThrow()));
        assertEquals("kubeadm:cluster-admins", ClusterCertificates.adminGroup(KubernetesVersion.parse("1.29").orElseThrow()));
        assertEquals("kubeadm:cluster-admins", ClusterCertificates.adminGroup(KubernetesVersion.DEFAULT));
    }

    @Test
    void aHostNameThatCouldEscapeThePkiFolderIsRefused() {
        Node evil = node("../../etc", "10.0.0.9", "10.0.0.9", dev.mast.plan.Role.WORKER);
        var error = assertThrows(IllegalArgumentException.class,
                () -> ClusterCertificates.forPlan(plan("", List.of(MASTER1, evil))));
        assertTrue(error.getMessage().contains("../../etc"), error.getMessage());
    }
}
