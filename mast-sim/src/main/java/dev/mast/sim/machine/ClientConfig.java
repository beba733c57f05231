package dev.mast.sim.machine;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a component reaches the API server, as it reads it at start-up: the kubeconfig its flags
 * name (directly, or through the {@code clientConnection.kubeconfig} of its {@code --config}
 * file), the server, the CAs it trusts and the client certificate or token it presents. Files a
 * kubeconfig names by path are read through the process's own view (its mounts, in a pod).
 *
 * @param authorities the CAs the client verifies the API server's certificate against
 * @param certificate its client certificate, or null when it authenticates otherwise
 * @param token       its bearer token, or null
 */
public record ClientConfig(String path, URI server, List<X509Certificate> authorities, X509Certificate certificate,
                           String token) {

    /** The kubeconfig a component uses, if it is one that talks to the API server with one. */
    static Optional<String> kubeconfigPath(Machine machine, Process process) {
        Optional<String> flag = process.flags().get("kubeconfig");
        if (flag.isPresent() || !List.of(ComponentKind.KUBE_SCHEDULER, ComponentKind.KUBE_PROXY).contains(process.kind())) {
            return flag;
        }
        return process.flags().get("config").flatMap(config -> StartupChecks.yaml(machine, process, config))
                .map(config -> config.get("clientConnection")).filter(Map.class::isInstance)
                .map(connection -> ((Map<?, ?>) connection).get("kubeconfig")).map(Object::toString).filter(s -> !s.isBlank());
    }

    /**
     * Reads the kubeconfig as client-go does: its current context's cluster and user.
     *
     * @throws IllegalArgumentException with the program's own wording when a file is missing or does not parse
     */
    static ClientConfig read(Machine machine, Process process, String path) {
        Map<String, Object> config = StartupChecks.yaml(machine, process, path).orElseThrow(() ->
                new IllegalArgumentException("invalid configuration: stat " + path + ": no such file or directory"));
        String contextName = string(config, "current-context");
        Map<String, Object> context = named(config, "contexts", contextName, "context");
        Map<String, Object> cluster = named(config, "clusters", string(context, "cluster"), "cluster");
        Map<String, Object> user = named(config, "users", string(context, "user"), "user");
        String base = path.substring(0, Math.max(path.lastIndexOf('/'), 0));
        URI server = URI.create(string(cluster, "server"));
        String caPem = pem(machine, process, base, cluster, "certificate-authority", "CA");
        List<X509Certificate> authorities = caPem.isEmpty() ? List.of() : Pems.certificates(caPem);
        String certificatePem = pem(machine, process, base, user, "client-certificate", "client-cert");
        pem(machine, process, base, user, "client-key", "client-key");
        List<X509Certificate> certificates = certificatePem.isEmpty() ? List.of() : Pems.certificates(certificatePem);
        String token = user.get("token") == null ? null : user.get("token").toString();
        return new ClientConfig(path, server, authorities, certificates.isEmpty() ? null : certificates.get(0), token);
    }

    private static String pem(Machine machine, Process process, String base, Map<String, Object> fields, String key, String what) {
        Object data = fields.get(key + "-data");
        if (data != null) {
            return new String(Base64.getMimeDecoder().decode(data.toString()), StandardCharsets.UTF_8);
        }
        Object file = fields.get(key);
        if (file == null) {
            return "";
        }
        String path = file.toString().startsWith("/") ? file.toString() : base + "/" + file;
        Optional<String> nodePath = process.paths().nodePath(path);
        try {
            if (nodePath.isPresent() && machine.fs().isFile(nodePath.get())) {
                return machine.fs().readString(nodePath.get());
            }
        } catch (IOException e) {
            // Reported below, as the program reports an unreadable file.
        }
        throw new IllegalArgumentException("unable to read " + what + " " + path + ": open " + path + ": no such file or directory");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> named(Map<String, Object> config, String list, String name, String field) {
        if (config.get(list) instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map && String.valueOf(map.get("name")).equals(name) && map.get(field) instanceof Map<?, ?> inner) {
                    return (Map<String, Object>) inner;
                }
            }
        }
        throw new IllegalArgumentException("invalid configuration: no " + field + " \"" + name + "\" in " + list);
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : value.toString();
    }
}
