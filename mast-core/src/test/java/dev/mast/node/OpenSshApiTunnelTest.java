package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.mast.cluster.ApiRoute;
import dev.mast.cluster.KubeApi;
import dev.mast.cluster.Kubeconfigs;
import dev.mast.cluster.LazyCluster;
import dev.mast.files.NodeFile;
import dev.mast.pki.ClusterPki;
import dev.mast.pki.PkiPaths;
import dev.mast.pki.PkiStore;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes API of a master behind a bastion, asked as a run asks it: an HTTPS server with
 * the API server's certificate Mast issues, reached through a local port forward whose every
 * connection is a direct-tcpip channel of the bastion (OpenSSH's sshd on loopback, its log
 * showing each channel), the server's certificate verified against the cluster's CA.
 */
class OpenSshApiTunnelTest {
    @TempDir
    static Path base;
    static OpenSshServer bastion;
    static OpenSshServer master;
    static Path key;

    @TempDir
    Path dir;
    HttpsServer api;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void startServers() throws Exception {
        Assumptions.assumeTrue(OpenSshServer.available(), "OpenSSH sshd is not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "sshd tests run as root");
        // DEBUG1 makes sshd log each direct-tcpip channel it opens.
        bastion = OpenSshServer.start(Files.createDirectories(base.resolve("bastion")), List.of("LogLevel DEBUG1"));
        master = OpenSshServer.start(Files.createDirectories(base.resolve("master")));
        key = TestKeys.generate(base, "operator_ed25519", "ed25519");
        bastion.authorize("root", key);
        master.authorize("root", key);
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (OpenSshServer server : new OpenSshServer[] {bastion, master}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void startApi() throws Exception {
        api = HttpsServer.create(new InetSocketAddress(0), 0);
        api.createContext("/version", exchange -> {
            requests.incrementAndGet();
            byte[] body = """
                    {"major":"1","minor":"28","gitVersion":"v1.28.4"}""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterEach
    void stopApi() {
        api.stop(0);
    }

    /** The cluster's PKI, its first master's certificate served by the test's API server. */
    private ClusterPki served(Plan plan) throws Exception {
        ClusterPki pki = new PkiStore().loadOrCreate(dir.resolve("pki"), plan);
        serveAs(pki, plan.masters().get(0));
        return pki;
    }

    /** The API server's TLS: the certificate Mast issues for the plan's first master, for whatever name or address it is asked by. */
    private void serveAs(ClusterPki pki, Node node) throws Exception {
        List<NodeFile> files = pki.nodeFiles(node);
        var factory = CertificateFactory.getInstance("X.509");
        Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(text(files, PkiPaths.APISERVER_CERT)
                .getBytes(StandardCharsets.US_ASCII)));
        Certificate ca = factory.generateCertificate(new ByteArrayInputStream(pki.caCertificatePem().getBytes(StandardCharsets.US_ASCII)));
        PrivateKey privateKey;
        try (PEMParser parser = new PEMParser(new StringReader(text(files, PkiPaths.APISERVER_KEY)))) {
            privateKey = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("apiserver", privateKey, new char[0], new Certificate[] {certificate, ca});
        KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
        keys.init(identity, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        api.setHttpsConfigurator(new HttpsConfigurator(tls));
        api.start();
    }

    private static String text(List<NodeFile> files, String path) {
        return files.stream().filter(file -> file.path().equals(path)).findFirst().orElseThrow().text();
    }

    /** A plan of one master at 127.0.0.1 (its SSH on the master sshd's port), the API on the test's HTTPS server. */
    private Plan plan(String controlPlaneEndpoint) {
        Node node = new Node("master1", "127.0.0.1", "127.0.0.1", Set.of(Role.MASTER, Role.ETCD),
                new SshSettings("", master.port, ""));
        return new Plan("tunnel", "1.28.4", ContainerRuntime.CONTAINERD, "10.244.0.0/16", "10.96.0.0/12", "cluster.local",
                api.getAddress().getPort(), controlPlaneEndpoint, List.of(node), Map.of());
    }

    private NodeConnector connector(String proxyJumpLines) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.write(knownHosts, List.of("[127.0.0.1]:" + bastion.port + " " + TestKeys.publicLine(bastion.hostKey),
                "[127.0.0.1]:" + master.port + " " + TestKeys.publicLine(master.hostKey)));
        Path config = Files.writeString(dir.resolve("config"), """
                Host bastion
                  HostName 127.0.0.1
                  Port %d
                %s
                Host *
                  User root
                  IdentityFile %s
                  UserKnownHostsFile %s
                """.formatted(bastion.port, proxyJumpLines, key, knownHosts));
        SshConfig read = SshConfig.read(config, dir.resolve("no-system-config"), dir);
        return new NodeConnector(new RecordingPrompt(), SshEnvironment.isolated(null).withConfig(read), SshOptions.DEFAULT);
    }

    @Test
    void theApiOfAMasterBehindABastionIsAskedThroughAForwardOverTheBastion() throws Exception {
        Plan plan = plan("");
        ClusterPki pki = served(plan);
        List<String> channelsBefore = channels(bastion.log());
        try (NodeConnector connector = connector("Host master1\n  ProxyJump bastion");
             LazyCluster cluster = new LazyCluster(pki::superAdminKubeconfig, ApiRoute.throughJumps(plan, connector))) {
            var client = cluster.client();
            URI server = URI.create(client.getMasterUrl().toString());
            assertEquals("127.0.0.1", server.getHost());
            assertNotEquals(api.getAddress().getPort(), server.getPort(), "the client must ask the forward, not the server");
            assertEquals("v1.28.4", client.getKubernetesVersion().getGitVersion());
            assertEquals("v1.28.4", client.getKubernetesVersion().getGitVersion());
        }
        assertTrue(requests.get() >= 2, "requests: " + requests);
        assertTrue(channelsSince(channelsBefore).contains("127.0.0.1 port " + api.getAddress().getPort()), bastion.log());
    }

    @Test
    void theScreensAndMastPodsOfAPlanAskTheApiThroughTheForwardAndCloseItWithTheirClient() throws Exception {
        Plan plan = plan("");
        ClusterPki pki = served(plan);
        Path kubeconfig = Files.writeString(dir.resolve("admin.conf"), pki.superAdminKubeconfig());
        Kubeconfigs configs = Kubeconfigs.load(kubeconfig);
        int forwardPort;
        try (NodeConnector connector = connector("Host master1\n  ProxyJump bastion");
             KubeApi kube = KubeApi.connect(configs, configs.choose(null), ApiRoute.throughJumps(plan, connector))) {
            assertEquals("v1.28.4", kube.client().getKubernetesVersion().getGitVersion());
            forwardPort = kube.client().getMasterUrl().getPort();
            assertEquals("https://127.0.0.1:" + api.getAddress().getPort() + " (through 127.0.0.1:" + forwardPort + ")",
                    kube.server());
        }
        try (Socket socket = new Socket()) {
            assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", forwardPort), 2000),
                    "the forward still listens after its client closed");
        }
    }

    @Test
    void aLoadBalancedEndpointIsReachedFromTheBastionByItsOwnNameWithTheCertificateStillChecked() throws Exception {
        Plan plan = plan("localhost:" + api.getAddress().getPort());
        ClusterPki pki = served(plan);
        List<String> channelsBefore = channels(bastion.log());
        try (NodeConnector connector = connector("Host localhost\n  ProxyJump bastion");
             LazyCluster cluster = new LazyCluster(pki::superAdminKubeconfig, ApiRoute.throughJumps(plan, connector))) {
            assertEquals("v1.28.4", cluster.client().getKubernetesVersion().getGitVersion());
        }
        assertTrue(channelsSince(channelsBefore).contains("localhost port " + api.getAddress().getPort()), bastion.log());
    }

    @Test
    void aServerWhoseCertificateTheClusterCaDidNotSignIsRefusedThroughTheForward() throws Exception {
        Plan plan = plan("");
        ClusterPki pki = new PkiStore().loadOrCreate(dir.resolve("pki"), plan);
        ClusterPki other = new PkiStore().loadOrCreate(dir.resolve("other-pki"), plan);
        serveAs(other, plan.masters().get(0));
        try (NodeConnector connector = connector("Host master1\n  ProxyJump bastion");
             LazyCluster cluster = new LazyCluster(pki::superAdminKubeconfig, ApiRoute.throughJumps(plan, connector))) {
            var client = cluster.client();
            KubernetesClientException error = assertThrows(KubernetesClientException.class, client::getKubernetesVersion);
            Throwable cause = error;
            while (cause != null && !(cause instanceof SSLException)) {
                cause = cause.getCause();
            }
            assertTrue(cause != null, "not refused by TLS: " + error);
        }
        assertEquals(0, requests.get());
    }

    @Test
    void aMasterReachedDirectlyIsAskedDirectlyAsBefore() throws Exception {
        Plan plan = plan("");
        ClusterPki pki = served(plan);
        List<String> channelsBefore = channels(bastion.log());
        try (NodeConnector connector = connector("Host master9\n  ProxyJump bastion")) {
            ApiRoute route = ApiRoute.throughJumps(plan, connector);
            assertEquals(Optional.empty(), route.forward(URI.create(plan.apiServerUrl())));
            try (LazyCluster cluster = new LazyCluster(pki::superAdminKubeconfig, route)) {
                assertEquals(plan.apiServerUrl() + "/", cluster.client().getMasterUrl().toString());
                assertEquals("v1.28.4", cluster.client().getKubernetesVersion().getGitVersion());
            }
        }
        assertEquals(channelsBefore, channels(bastion.log()));
    }

    @Test
    void aBastionThatCannotBeReachedIsSaidWhenTheApiIsFirstNeeded() throws Exception {
        Plan plan = plan("");
        ClusterPki pki = served(plan);
        try (NodeConnector connector = connector("Host master1\n  ProxyJump root@127.0.0.1:1");
             LazyCluster cluster = new LazyCluster(pki::superAdminKubeconfig, ApiRoute.throughJumps(plan, connector))) {
            KubernetesClientException error = assertThrows(KubernetesClientException.class, cluster::client);
            assertTrue(error.getMessage().contains("is reached through a jump host"), error.getMessage());
            assertTrue(error.getMessage().contains("127.0.0.1:1"), error.getMessage());
        }
    }

    private static List<String> channelsSince(List<String> before) throws Exception {
        List<String> now = channels(bastion.log());
        return now.subList(before.size(), now.size());
    }

    /** The destinations of the direct-tcpip channels sshd opened, in order, e.g. {@code 127.0.0.1 port 2222}. */
    private static List<String> channels(String log) {
        Matcher matcher = Pattern.compile("server_request_direct_tcpip: .*target (\\S+ port \\d+)").matcher(log);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
