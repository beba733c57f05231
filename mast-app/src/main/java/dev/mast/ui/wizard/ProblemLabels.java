package dev.mast.ui.wizard;

import dev.mast.plan.Problem;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says where a problem is in words of the screen rather than property paths:
 * {@code nodes[1].ssh.keyFile} becomes "node002, key file".
 */
public final class ProblemLabels {
    private static final Pattern NODE_PATH = Pattern.compile("nodes\\[(\\d+)](?:\\.(.*))?");
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("cluster.name", "Cluster name"),
            Map.entry("cluster.kubernetesVersion", "Kubernetes version"),
            Map.entry("cluster.containerRuntime", "Container runtime"),
            Map.entry("cluster.podCidr", "Pod CIDR"),
            Map.entry("cluster.serviceCidr", "Service CIDR"),
            Map.entry("cluster.dnsDomain", "DNS domain"),
            Map.entry("cluster.apiServerPort", "API server port"),
            Map.entry("cluster.controlPlaneEndpoint", "Control plane endpoint"),
            Map.entry("cluster.clusterDns.serviceIp", "DNS service IP"),
            Map.entry("cluster.clusterDns.replicas", "CoreDNS replicas"),
            Map.entry("cluster.podNetwork", "Pod network"),
            Map.entry("sources.kubernetes", "Kubernetes programs"),
            Map.entry("sources.etcd", "etcd"),
            Map.entry("sources.packageRepository", "Package repository"),
            Map.entry("sources.packageKey", "Repository key"),
            Map.entry("sources.binaries", "Binaries site"),
            Map.entry("sources.githubReleases", "GitHub releases"),
            Map.entry("sources.imageRegistry", "Image registry"),
            Map.entry("nodes", "Nodes"),
            Map.entry("hostName", "host name"),
            Map.entry("ip", "IP address"),
            Map.entry("internalIp", "internal IP"),
            Map.entry("roles", "roles"),
            Map.entry("ssh.user", "SSH user"),
            Map.entry("ssh.port", "SSH port"),
            Map.entry("ssh.keyFile", "key file"),
            Map.entry("ssh.jump", "jump host"));

    private ProblemLabels() {
    }

    /** {@code Pod CIDR: "10.244.0.1/16" has host bits set...}. */
    public static String describe(Problem problem, List<NodeRow> rows) {
        return where(problem.path(), rows) + ": " + problem.message();
    }

    public static String where(String path, List<NodeRow> rows) {
        Matcher node = NODE_PATH.matcher(path);
        if (node.matches()) {
            int index = Integer.parseInt(node.group(1));
            String name = index < rows.size() && !rows.get(index).hostNameProperty().get().isBlank()
                    ? rows.get(index).hostNameProperty().get()
                    : "Row " + (index + 1);
            return node.group(2) == null ? name : name + ", " + FIELDS.getOrDefault(node.group(2), node.group(2));
        }
        if (path.startsWith("cluster.extraFlags")) {
            return "Extra flags (" + path.substring("cluster.extraFlags".length()).replaceFirst("^\\.", "") + ")";
        }
        if (path.startsWith("cluster.apiServerCertSans")) {
            return "Extra API server names";
        }
        return FIELDS.getOrDefault(path, path.isEmpty() ? "Plan" : path);
    }
}
