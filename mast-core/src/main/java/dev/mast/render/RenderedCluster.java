package dev.mast.render;

import dev.mast.files.NodeFile;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file Mast writes, per node (by host name, in plan order), and the kubeconfigs the
 * user keeps. The preview, {@code mast render} and the workflows all use this one result.
 *
 * @param superAdminKubeconfig what the install uses to reach the API (system:masters), before RBAC is set up
 * @param adminKubeconfig      the user's everyday admin kubeconfig (kubeadm:cluster-admins)
 */
public record RenderedCluster(Map<String, List<NodeFile>> filesByNode, String superAdminKubeconfig, String adminKubeconfig) {
    public RenderedCluster {
        var copy = new LinkedHashMap<String, List<NodeFile>>();
        filesByNode.forEach((node, files) -> copy.put(node, List.copyOf(files)));
        filesByNode = Collections.unmodifiableMap(copy);
    }

    public List<NodeFile> filesFor(String hostName) {
        return filesByNode.getOrDefault(hostName, List.of());
    }

    /** The node's files whose path starts with one of the prefixes, e.g. {@code /etc/kubernetes/manifests/}. */
    public List<NodeFile> filesFor(String hostName, String... pathPrefixes) {
        return filesFor(hostName).stream()
                .filter(f -> Arrays.stream(pathPrefixes).anyMatch(f.path()::startsWith))
                .toList();
    }

    public int fileCount() {
        return filesByNode.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        // The kubeconfigs hold private keys: never print them.
        return "RenderedCluster[" + filesByNode.size() + " nodes, " + fileCount() + " files]";
    }
}
