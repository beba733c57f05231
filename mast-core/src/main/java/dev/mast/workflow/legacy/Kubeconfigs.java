package dev.mast.workflow.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The files a kubeconfig names by path, which whoever reads it must see too. */
final class Kubeconfigs {
    private static final List<String> FILE_FIELDS = List.of("certificate-authority", "client-certificate", "client-key", "tokenFile");

    private Kubeconfigs() {
    }

    /** Every file its clusters and users name, absolute (a relative path is relative to the kubeconfig's folder). */
    static List<String> namedFiles(String kubeconfigPath, Map<String, Object> config) {
        String folder = kubeconfigPath.substring(0, Math.max(kubeconfigPath.lastIndexOf('/'), 0));
        List<String> files = new ArrayList<>();
        for (String list : List.of("clusters", "users")) {
            if (config.get(list) instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> named) {
                        for (Object inner : named.values()) {
                            if (inner instanceof Map<?, ?> fields) {
                                for (String field : FILE_FIELDS) {
                                    if (fields.get(field) instanceof String path && !path.isBlank()) {
                                        files.add(path.startsWith("/") ? path : folder + "/" + path);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return files;
    }
}
