package dev.mast.sim;

import dev.mast.plan.Role;
import dev.mast.sim.machine.BinaryVersion;
import dev.mast.sim.machine.ClusterRecords;
import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.PackageDef;
import dev.mast.sim.machine.ServiceAccountTokens;
import dev.mast.sim.machine.VirtualFs;
import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster as it ran before Mast, in one of the {@link LegacyLayout}s: its certificates, and per
 * node the binaries, unit files (with the flags such clusters have, a few of them custom) and
 * configuration of a control plane run by systemd, and what the cluster holds (a service-account
 * token, a key for data encrypted at rest) that must outlive any change. The services are
 * installed stopped; {@link #etcdServices} and {@link #services} say what to start, in order.
 */
abstract class LegacyCluster {
    final String name;
    final String server;
    final List<NodeSpec> nodes;

    /**
     * @param server the cluster's API endpoint as clients outside it reach it, e.g. {@code https://127.0.0.1:6443}
     */
    LegacyCluster(String name, String server, List<NodeSpec> nodes) {
        this.name = name;
        this.server = server;
        this.nodes = List.copyOf(nodes);
    }

    static LegacyCluster create(LegacyLayout layout, String name, String server, List<NodeSpec> nodes) {
        return switch (layout) {
            case KUBEADM -> new KubeadmLegacy(name, server, nodes);
            case HARD_WAY -> new HardWayLegacy(name, server, nodes);
            case KISMATIC -> new KismaticLegacy(name, server, nodes);
        };
    }

    abstract String podCidr();

    abstract String serviceCidr();

    /** Unit files that come with the catalog's packages on this node, by package name. */
    Map<String, String> packageUnits(NodeSpec node) {
        return Map.of();
    }

    /** Packages of the layout's own the node's package manager offers, besides the simulator's usual ones. */
    List<PackageDef> packages() {
        return List.of();
    }

    /** Whether the node has a container runtime (the Hard Way's controllers have none). */
    boolean hasRuntime(NodeSpec node) {
        return true;
    }

    /** Writes certificates, configuration, binaries and units, all services stopped. */
    abstract void install(Machine machine, NodeSpec node) throws IOException;

    /** The etcd service of an etcd member, started on every member before anything else. */
    abstract List<String> etcdServices(NodeSpec node);

    /** The services to start once etcd runs everywhere (the container runtime's are started before them). */
    abstract List<String> services(NodeSpec node);

    /** The old cluster's admin kubeconfig, pointing at {@link #server} (it holds a private key). */
    abstract String adminKubeconfig();

    /** What the cluster holds that the control plane must keep reading. */
    abstract ClusterRecords records();

    /**
     * The CA certificate and key that the cluster's installer kept off the nodes, as its own files
     * (Kismatic's {@code generated/keys}); empty when the CA key is on the masters.
     */
    Optional<Map<String, String>> installerFiles() {
        return Optional.empty();
    }

    List<NodeSpec> etcdMembers() {
        return nodes.stream().filter(n -> n.has(Role.ETCD)).toList();
    }

    /** A token the cluster issued before Mast: what a pod or a script of the old cluster holds. */
    static ClusterRecords.Token token(KeyPair serviceAccountKey, String issuer) {
        return new ClusterRecords.Token("kube-system/legacy-reader",
                ServiceAccountTokens.issue(serviceAccountKey.getPrivate(), issuer, "kube-system", "legacy-reader"));
    }

    /** A 32-byte AES key as an encryption configuration holds it (base64), like {@code head -c 32 /dev/urandom | base64}. */
    static String encryptionKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String encryptionConfig(String key) {
        return """
                kind: EncryptionConfiguration
                apiVersion: apiserver.config.k8s.io/v1
                resources:
                  - resources:
                      - secrets
                    providers:
                      - aescbc:
                          keys:
                            - name: key1
                              secret: %s
                      - identity: {}
                """.formatted(key);
    }

    static void write(VirtualFs fs, String path, String content, int mode) throws IOException {
        fs.mkdirs(path.substring(0, path.lastIndexOf('/')), 0755);
        fs.writeString(path, content, mode);
        fs.setMode(path, mode);
    }

    /** A program that no package owns, as the Hard Way installs them: copied into place. */
    static void binary(VirtualFs fs, String path, String version) throws IOException {
        write(fs, path, BinaryVersion.marker(path.substring(path.lastIndexOf('/') + 1), version), 0755);
    }

    static String version(NodeSpec node) {
        return "v" + node.kubernetesVersion();
    }
}
