package dev.mast.pki;

import static dev.mast.pki.PkiTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mast.files.NodeFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real mutual-TLS handshakes on loopback with the JDK's TLS stack: the server presents a
 * node's serving certificate, the client checks it against only the right CA and the name it
 * dialled, and the server demands a client certificate from the same CA.
 */
class TlsHandshakeTest {
    @TempDir
    static Path dir;
    static ClusterPki pki;
    static ExecutorService server;

    @BeforeAll
    static void createPki() {
        pki = new PkiStore().loadOrCreate(dir, plan());
        server = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stopServer() {
        server.shutdownNow();
    }

    private static KeyStore identity(List<NodeFile> files, String certificatePath, String keyPath, String caPath) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("me", privateKey(file(files, keyPath).text()), new char[0],
                new Certificate[] {certificate(files, certificatePath), certificate(files, caPath)});
        return store;
    }

    private static SSLContext context(KeyStore identity, String caPem) throws Exception {
        var trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", certificate(caPem));
        var keys = KeyManagerFactory.getInstance("PKIX");
        keys.init(identity, new char[0]);
        var trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trusted);
        var context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** Handshakes once; returns the client's subject as the server saw it. */
    private static String handshake(SSLContext serverContext, SSLContext clientContext, String dialledName) throws Exception {
        try (var listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            Future<String> accepted = server.submit(() -> {
                try (var connection = (SSLSocket) listener.accept()) {
                    connection.startHandshake();
                    return connection.getSession().getPeerPrincipal().getName();
                }
            });
            try (var plain = new Socket()) {
                plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
                try (var client = (SSLSocket) clientContext.getSocketFactory()
                        .createSocket(plain, dialledName, listener.getLocalPort(), false)) {
                    var parameters = client.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    client.setSSLParameters(parameters);
                    client.startHandshake();
                }
            } catch (SSLException e) {
                accepted.cancel(true);
                throw e;
            }
            return accepted.get(30, TimeUnit.SECONDS);
        }
    }

    private static SSLContext apiServer() throws Exception {
        List<NodeFile> master = pki.nodeFiles(MASTER1);
        return context(identity(master, PkiPaths.APISERVER_CERT, PkiPaths.APISERVER_KEY, PkiPaths.CA_CERT), pki.caCertificatePem());
    }

    /** A client of the cluster CA, with the pair the API server uses towards kubelets. */
    private static SSLContext client(String trustedCaPem) throws Exception {
        List<NodeFile> master = pki.nodeFiles(MASTER1);
        return context(identity(master, PkiPaths.APISERVER_KUBELET_CLIENT_CERT, PkiPaths.APISERVER_KUBELET_CLIENT_KEY,
                PkiPaths.CA_CERT), trustedCaPem);
    }

    @Test
    void aClientReachesTheApiServerByItsServiceNameLoadBalancerAndAddresses() throws Exception {
        for (String name : List.of("kubernetes.default.svc.corp.local", "k8s.example.com", "master2", "10.100.0.1")) {
            assertEquals("CN=kube-apiserver-kubelet-client,O=kubeadm:cluster-admins",
                    handshake(apiServer(), client(pki.caCertificatePem()), name), name);
        }
    }

    @Test
    void aClientRefusesTheApiServerUnderANameItsCertificateDoesNotCarry() {
        assertThrows(SSLException.class, () -> handshake(apiServer(), client(pki.caCertificatePem()), "evil.example.com"));
    }

    @Test
    void aClientThatTrustsOnlyTheEtcdCaRefusesTheApiServer() {
        String etcdCa = pki.credential(ClusterCertificates.ETCD_CA).certificatePem();
        assertThrows(SSLException.class, () -> handshake(apiServer(), client(etcdCa), "kubernetes"));
    }

    @Test
    void etcdServesItsMembersNameAndAcceptsTheApiServersEtcdClient() throws Exception {
        List<NodeFile> etcd = pki.nodeFiles(ETCD3);
        List<NodeFile> master = pki.nodeFiles(MASTER1);
        String etcdCa = file(etcd, PkiPaths.ETCD_CA_CERT).text();
        var etcdServer = context(identity(etcd, PkiPaths.ETCD_SERVER_CERT, PkiPaths.ETCD_SERVER_KEY, PkiPaths.ETCD_CA_CERT), etcdCa);
        var apiServerClient = context(identity(master, PkiPaths.APISERVER_ETCD_CLIENT_CERT, PkiPaths.APISERVER_ETCD_CLIENT_KEY,
                PkiPaths.ETCD_CA_CERT), etcdCa);
        assertEquals("CN=kube-apiserver-etcd-client", handshake(etcdServer, apiServerClient, "10.0.0.13"));
        // peers authenticate each other with their peer certificates in both directions
        var peer = context(identity(etcd, PkiPaths.ETCD_PEER_CERT, PkiPaths.ETCD_PEER_KEY, PkiPaths.ETCD_CA_CERT), etcdCa);
        var otherPeer = context(identity(master, PkiPaths.ETCD_PEER_CERT, PkiPaths.ETCD_PEER_KEY, PkiPaths.ETCD_CA_CERT), etcdCa);
        assertEquals("CN=master1", handshake(peer, otherPeer, "etcd3"));
    }
}
