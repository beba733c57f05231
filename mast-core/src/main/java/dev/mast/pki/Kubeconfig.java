package dev.mast.pki;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A kubeconfig with its credentials embedded, in the shape and key order kubeadm writes
 * ({@code apiVersion: v1, kind: Config}, keys sorted as Go's YAML encoder sorts them), so the
 * same inputs always give the same bytes.
 */
final class Kubeconfig {
    private Kubeconfig() {
    }

    /**
     * @param clusterName the cluster entry's name (the plan's name)
     * @param server      the API server URL the client talks to
     * @param caPem       the CA the client trusts the API server by
     * @param client      the client certificate; its CN names the user
     */
    static String render(String clusterName, String server, String caPem, Credential client) {
        String user = client.commonName();
        String context = user + "@" + clusterName;

        var cluster = new LinkedHashMap<String, Object>();
        cluster.put("certificate-authority-data", base64(caPem));
        cluster.put("server", server);
        var contextBody = new LinkedHashMap<String, Object>();
        contextBody.put("cluster", clusterName);
        contextBody.put("user", user);
        var credentials = new LinkedHashMap<String, Object>();
        credentials.put("client-certificate-data", base64(client.certificatePem()));
        credentials.put("client-key-data", base64(client.privateKeyPem()));

        var config = new LinkedHashMap<String, Object>();
        config.put("apiVersion", "v1");
        config.put("clusters", List.of(entry("cluster", cluster, clusterName)));
        config.put("contexts", List.of(entry("context", contextBody, context)));
        config.put("current-context", context);
        config.put("kind", "Config");
        config.put("preferences", Map.of());
        config.put("users", List.of(entry("user", credentials, user)));
        return yaml().dump(config);
    }

    private static Map<String, Object> entry(String key, Map<String, Object> body, String name) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put(key, body);
        entry.put("name", name);
        return entry;
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    private static Yaml yaml() {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(options);
    }
}
