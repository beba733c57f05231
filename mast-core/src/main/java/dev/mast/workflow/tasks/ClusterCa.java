package dev.mast.workflow.tasks;

import dev.mast.plan.Component;
import dev.mast.workflow.Remote;
import dev.mast.workflow.legacy.CommandFlags;
import dev.mast.workflow.legacy.LegacyNode;
import dev.mast.workflow.legacy.LegacyNodeReader;
import dev.mast.workflow.legacy.LegacyService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Takes the running cluster's CA and service-account key into Mast's PKI folder, so that the few
 * things Mast issues (its own access to the API, a kubelet for a master that has none) are
 * trusted by the cluster as it is. The files are found where the running components' flags name
 * them, wherever the cluster keeps them: the CA as the API server's {@code --client-ca-file} and
 * the controller-manager's {@code --cluster-signing-key-file}, the service-account key as its
 * {@code --service-account-private-key-file} (read from the systemd units, or from the static pods
 * of a master already converted). kubeadm's front-proxy and etcd CAs are taken from
 * {@code /etc/kubernetes/pki} when they are there. Only files the folder lacks are copied; a
 * folder holding another CA than the cluster's is refused, and nothing is copied then. A cluster
 * whose CA key is on no master (Kismatic kept it on its installer's machine) gets nothing copied,
 * and says so: Mast never makes a CA of its own for a cluster that has one.
 */
public final class ClusterCa {
    private static final String KUBEADM_PKI = "/etc/kubernetes/pki/";
    private static final List<List<String>> KUBEADM_PAIRS = List.of(List.of("front-proxy-ca.crt", "front-proxy-ca.key"),
            List.of("etcd/ca.crt", "etcd/ca.key"));

    /**
     * What the folder lacks and the node has, read and checked; {@link #write} puts it in the folder.
     *
     * @param files      the files to copy, by their path relative to the folder
     * @param missingKey why the cluster's CA cannot be taken (its key is on no master); empty when the folder has it or will
     */
    public record Adoption(Path pkiDir, Map<String, byte[]> files, Optional<String> missingKey) {
        public Adoption {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }

        /** The files to copy, relative to the folder. */
        public List<String> names() {
            return List.copyOf(files.keySet());
        }

        public void write() throws IOException {
            for (var file : files.entrySet()) {
                ClusterCa.write(pkiDir.resolve(file.getKey()), file.getValue());
            }
        }
    }

    private ClusterCa() {
    }

    /**
     * Reads from the master what the PKI folder lacks; changes nothing.
     *
     * @throws IOException when the folder's CA is not the cluster's, or the API server's CA cannot be read
     */
    public static Adoption read(Remote master, String hostName, Path pkiDir) throws Exception {
        LegacyNode node = LegacyNodeReader.read(master, hostName);
        CommandFlags apiServer = flags(master, node, Component.KUBE_APISERVER);
        CommandFlags controllerManager = flags(master, node, Component.KUBE_CONTROLLER_MANAGER);
        Optional<String> caPath = apiServer.value("client-ca-file");
        if (caPath.isEmpty()) {
            return new Adoption(pkiDir, Map.of(), Optional.of(hostName + " runs no API server whose --client-ca-file names the"
                    + " cluster's CA"));
        }
        byte[] clusterCa = master.read(caPath.get()).orElseThrow(() -> new IOException(caPath.get() + ", the --client-ca-file of"
                + " the API server on " + hostName + ", cannot be read"));
        Path localCa = pkiDir.resolve("ca.crt");
        if (Files.exists(localCa) && !Arrays.equals(Files.readAllBytes(localCa), clusterCa)) {
            throw new IOException(pkiDir + " holds another CA than the cluster's (" + caPath.get() + " on " + hostName
                    + "); give the upgrade an empty --pki folder so it can take the cluster's own");
        }
        Map<String, byte[]> copies = new LinkedHashMap<>();
        if (!Files.exists(localCa) || !Files.exists(pkiDir.resolve("ca.key"))) {
            Optional<byte[]> key = signingKey(master, controllerManager, caPath.get(), clusterCa);
            if (key.isEmpty()) {
                return new Adoption(pkiDir, Map.of(), Optional.of("the key of the cluster's CA (" + caPath.get() + ") is on no master:"
                        + " the kube-controller-manager on " + hostName + " names it with no --cluster-signing-key-file"));
            }
            if (!Files.exists(localCa) && !Files.exists(pkiDir.resolve("ca.key"))) {
                copies.put("ca.crt", clusterCa);
                copies.put("ca.key", key.get());
            }
        }
        Optional<String> serviceAccountKey = controllerManager.value("service-account-private-key-file");
        if (serviceAccountKey.isPresent() && !Files.exists(pkiDir.resolve("sa.key"))) {
            master.read(serviceAccountKey.get()).ifPresent(content -> copies.put("sa.key", content));
        }
        for (List<String> pair : KUBEADM_PAIRS) {
            copyPair(master, pkiDir, pair, copies);
        }
        return new Adoption(pkiDir, copies, Optional.empty());
    }

    /** The controller-manager's signing key, when the certificate it signs with is the cluster's CA. */
    private static Optional<byte[]> signingKey(Remote master, CommandFlags controllerManager, String caPath, byte[] clusterCa)
            throws Exception {
        Optional<String> keyPath = controllerManager.value("cluster-signing-key-file");
        String certificatePath = controllerManager.value("cluster-signing-cert-file").orElse(caPath);
        if (keyPath.isEmpty() || !Arrays.equals(master.read(certificatePath).orElse(new byte[0]), clusterCa)) {
            return Optional.empty();
        }
        return master.read(keyPath.get());
    }

    /** A component's flags: from its systemd unit, or from its static pod on a master converted already. */
    private static CommandFlags flags(Remote master, LegacyNode node, Component component) throws Exception {
        Optional<LegacyService> service = node.service(component);
        if (service.isPresent()) {
            return service.get().flags();
        }
        Optional<byte[]> manifest = master.read("/etc/kubernetes/manifests/" + component.key() + ".yaml");
        if (manifest.isEmpty()) {
            return new CommandFlags(List.of());
        }
        Object pod = new Yaml(new SafeConstructor(new LoaderOptions())).load(RemoteFiles.text(manifest.get()));
        if (pod instanceof Map<?, ?> map && map.get("spec") instanceof Map<?, ?> spec && spec.get("containers") instanceof List<?> containers
                && !containers.isEmpty() && containers.get(0) instanceof Map<?, ?> container && container.get("command") instanceof List<?> command) {
            return CommandFlags.parse(command.stream().map(Object::toString).toList());
        }
        return new CommandFlags(List.of());
    }

    /** A pair is taken whole or not at all: half a CA cannot sign. */
    private static void copyPair(Remote master, Path pkiDir, List<String> pair, Map<String, byte[]> copies) throws Exception {
        if (pair.stream().anyMatch(file -> Files.exists(pkiDir.resolve(file)))) {
            return;
        }
        List<byte[]> contents = new ArrayList<>();
        for (String file : pair) {
            master.read(KUBEADM_PKI + file).ifPresent(contents::add);
        }
        if (contents.size() == pair.size()) {
            for (int i = 0; i < pair.size(); i++) {
                copies.put(pair.get(i), contents.get(i));
            }
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.write(file, content);
        String name = file.getFileName().toString();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(name.endsWith(".key") ? "rw-------" : "rw-r--r--"));
    }
}
