package dev.mast.sim;

import dev.mast.plan.Role;
import dev.mast.sim.machine.ApiServerCredentials;
import dev.mast.sim.machine.ClusterRecords;
import dev.mast.sim.machine.ClusterView;
import dev.mast.sim.machine.ComponentKind;
import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.Process;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * The cluster's view shared by its machines: nodes by address, and the Kubernetes API (a
 * fabric8 mock server in CRUD mode, standing in for etcd and the API servers), which counts as
 * up while an API server runs on some master.
 */
final class ClusterApi implements ClusterView, AutoCloseable {
    private final Map<String, SimulatedNode> byAddress = new ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentSkipListMap<String, SimulatedNode> byName = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Masters by host name: the API server's lookup walks only these (200 nodes tick several times a second). */
    private final java.util.concurrent.ConcurrentSkipListMap<String, SimulatedNode> masters = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private volatile String identityKey = "";
    private volatile SSLContext identity;
    private final dev.mast.sim.internet.Internet internet = new dev.mast.sim.internet.Internet();
    private volatile ClusterRecords records = ClusterRecords.NONE;

    ClusterApi() throws IOException {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
    }

    void add(SimulatedNode node) {
        byAddress.put(node.address(), node);
        byName.put(node.hostName(), node);
        if (node.spec().has(Role.MASTER)) {
            masters.put(node.hostName(), node);
        }
    }

    int backendPort() {
        return server.getPort();
    }

    /** The client for tests: it reaches the API whether or not an API server runs. */
    KubernetesClient client() {
        return client;
    }

    Optional<SimulatedNode> node(String hostName) {
        return Optional.ofNullable(byName.get(hostName));
    }

    /** Every node, by host name. */
    java.util.Collection<SimulatedNode> nodes() {
        return byName.values();
    }

    @Override
    public Optional<Machine> machineAt(String address) {
        return Optional.ofNullable(byAddress.get(address)).map(SimulatedNode::machine);
    }

    @Override
    public dev.mast.sim.internet.Internet internet() {
        return internet;
    }

    @Override
    public Optional<KubernetesClient> api() {
        return runningApiServer().isPresent() ? Optional.of(client) : Optional.empty();
    }

    /** The first master (by host name) whose API server runs. */
    Optional<Map.Entry<SimulatedNode, Process>> runningApiServer() {
        for (SimulatedNode node : masters.values()) {
            Optional<Process> process = node.machine().processes().firstRunning(ComponentKind.KUBE_APISERVER).filter(Process::hostNetwork);
            if (process.isPresent()) {
                return Optional.of(Map.entry(node, process.get()));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Peer> servingApiServer() {
        return runningApiServer().map(running -> new Peer(running.getKey().machine(), running.getValue()));
    }

    @Override
    public ClusterRecords records() {
        return records;
    }

    /** What the cluster held before anyone touched it (a legacy cluster's tokens and encrypted data). */
    void setRecords(ClusterRecords value) {
        records = value;
    }

    /** The API server that answers the endpoint now, as a client meets it: its TLS identity and what it accepts. */
    Optional<ApiProxy.Server> endpointServer() {
        return tlsIdentity().flatMap(context -> servingApiServer()
                .map(peer -> new ApiProxy.Server(context, ApiServerCredentials.of(peer))));
    }

    /** The TLS identity of a running API server: its --tls-cert-file and --tls-private-key-file, as that master has them. */
    Optional<SSLContext> tlsIdentity() {
        Optional<Map.Entry<SimulatedNode, Process>> running = runningApiServer();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        Machine machine = running.get().getKey().machine();
        Process process = running.get().getValue();
        String cert = process.paths().nodePath(process.flags().get("tls-cert-file", "/etc/kubernetes/pki/apiserver.crt")).orElse("");
        String key = process.paths().nodePath(process.flags().get("tls-private-key-file", "/etc/kubernetes/pki/apiserver.key")).orElse("");
        try {
            String certPem = machine.fs().readString(cert);
            String keyPem = machine.fs().readString(key);
            String cacheKey = machine.identity().hostName() + certPem.hashCode() + "/" + keyPem.hashCode();
            if (!cacheKey.equals(identityKey)) {
                identity = TlsIdentity.context(certPem, keyPem);
                identityKey = cacheKey;
            }
            return Optional.of(identity);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the API server on " + machine.identity().hostName() + " has no usable certificate at "
                    + cert + " and " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
