package dev.mast.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges kubeconfig files as kubectl does with a {@code KUBECONFIG} list: the first file to name a
 * cluster, context or user wins, and so does the first {@code current-context}. File paths inside
 * (certificates, keys) are made absolute against their own file, so the merged text still finds them.
 */
final class KubeconfigMerger {
    private static final List<String> PATH_KEYS = List.of("certificate-authority", "client-certificate", "client-key",
            "tokenFile");

    private final Map<String, Map<String, Object>> clusters = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> contexts = new LinkedHashMap<>();
    private final Map<String, Path> contextFiles = new LinkedHashMap<>();
    private String currentContext;

    void add(Path file, Map<String, Object> config) {
        if (currentContext == null && config.get("current-context") instanceof String current && !current.isBlank()) {
            currentContext = current;
        }
        collect(file, config.get("clusters"), "cluster", clusters, null);
        collect(file, config.get("users"), "user", users, null);
        collect(file, config.get("contexts"), "context", contexts, contextFiles);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Path file, Object list, String field, Map<String, Map<String, Object>> into,
                                Map<String, Path> files) {
        if (!(list instanceof List<?> entries)) {
            return;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> named && named.get("name") instanceof String name
                    && named.get(field) instanceof Map<?, ?> body && !into.containsKey(name)) {
                into.put(name, absolutePaths(file, (Map<String, Object>) body));
                if (files != null) {
                    files.put(name, file);
                }
            }
        }
    }

    private static Map<String, Object> absolutePaths(Path file, Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        for (String key : PATH_KEYS) {
            if (copy.get(key) instanceof String path && !path.isBlank() && !Path.of(path).isAbsolute()) {
                Path base = file.toAbsolutePath().getParent();
                copy.put(key, base.resolve(path).normalize().toString());
            }
        }
        return copy;
    }

    List<KubeContext> contexts() {
        List<KubeContext> result = new ArrayList<>();
        contexts.forEach((name, body) -> {
            String cluster = text(body.get("cluster"));
            Map<String, Object> clusterBody = clusters.get(cluster);
            result.add(new KubeContext(name, cluster, text(body.get("user")), text(body.get("namespace")),
                    clusterBody == null ? "" : text(clusterBody.get("server")), contextFiles.get(name)));
        });
        return result;
    }

    String currentContext() {
        return currentContext;
    }

    Map<String, Object> merged() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", named(clusters, "cluster"));
        config.put("users", named(users, "user"));
        config.put("contexts", named(contexts, "context"));
        if (currentContext != null) {
            config.put("current-context", currentContext);
        }
        return config;
    }

    private static List<Map<String, Object>> named(Map<String, Map<String, Object>> entries, String field) {
        List<Map<String, Object>> list = new ArrayList<>();
        entries.forEach((name, body) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put(field, body);
            list.add(entry);
        });
        return list;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
