package dev.mast.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file Mast writes, per node (by host name, in plan order), and the admin kubeconfig
 * the user keeps. The preview, {@code mast render} and the workflows all use this one result.
 */
public record RenderedCluster(Map<String, List<NodeFile>> filesByNode, String adminKubeconfig) {
    public RenderedCluster {
        var copy = new LinkedHashMap<String, List<NodeFile>>();
        filesByNode.forEach((node, files) -> copy.put(node, List.copyOf(files)));
        filesByNode = java.util.Collections.unmodifiableMap(copy);
    }

    public List<NodeFile> filesFor(String hostName) {
        return filesByNode.getOrDefault(hostName, List.of());
    }

    /** The node's files whose path starts with one of the prefixes, e.g. {@code /etc/kubernetes/manifests/}. */
    public List<NodeFile> filesFor(String hostName, String... pathPrefixes) {
        return filesFor(hostName).stream()
                .filter(f -> java.util.Arrays.stream(pathPrefixes).anyMatch(f.path()::startsWith))
                .toList();
    }

    @Override
    public String toString() {
        // The admin kubeconfig holds a private key: never print it.
        return "RenderedCluster[" + filesByNode.size() + " nodes]";
    }
}
