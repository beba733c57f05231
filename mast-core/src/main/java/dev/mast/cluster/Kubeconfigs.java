package dev.mast.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The kubeconfig files a person would use with kubectl, their contexts, and a client for one
 * of them. Files come from {@code KUBECONFIG} (several, separated like {@code PATH}; missing
 * ones are skipped, the first file that names a context or sets {@code current-context} wins),
 * else {@code ~/.kube/config}, or one file chosen explicitly (e.g. the cluster's admin.conf).
 */
public final class Kubeconfigs {
    private final List<Path> files;
    private final List<KubeContext> contexts;
    private final String currentContext;
    private final Map<String, Object> merged;

    private Kubeconfigs(List<Path> files, List<KubeContext> contexts, String currentContext, Map<String, Object> merged) {
        this.files = List.copyOf(files);
        this.contexts = List.copyOf(contexts);
        this.currentContext = currentContext;
        this.merged = merged;
    }

    /** The files kubectl would read: {@code KUBECONFIG}'s list, else {@code ~/.kube/config}. */
    public static List<Path> defaultFiles(Map<String, String> environment, Path home) {
        String variable = environment.get("KUBECONFIG");
        if (variable != null && !variable.isBlank()) {
            List<Path> files = new ArrayList<>();
            for (String part : variable.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    files.add(Path.of(part.strip()));
                }
            }
            return files;
        }
        return List.of(home.resolve(".kube").resolve("config"));
    }

    /** kubectl's files for this process ({@code KUBECONFIG} and the user's home). */
    public static List<Path> defaultFiles() {
        return defaultFiles(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static Kubeconfigs load(Path file) throws KubeconfigException {
        if (!Files.isRegularFile(file)) {
            throw new KubeconfigException(file, "Kubeconfig " + file + " does not exist.", null);
        }
        return load(List.of(file));
    }

    /** Reads the files that exist; at least one must. */
    public static Kubeconfigs load(List<Path> candidates) throws KubeconfigException {
        List<Path> existing = candidates.stream().filter(Files::isRegularFile).toList();
        if (existing.isEmpty()) {
            throw new KubeconfigException(null, "No kubeconfig found (looked for " + String.join(", ",
                    candidates.stream().map(Path::toString).toList()) + "); choose the cluster's admin kubeconfig.", null);
        }
        var merger = new KubeconfigMerger();
        for (Path file : existing) {
            merger.add(file, read(file));
        }
        return new Kubeconfigs(existing, merger.contexts(), merger.currentContext(), merger.merged());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) throws KubeconfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new KubeconfigException(file, "Kubeconfig " + file + " cannot be read: " + e.getMessage() + ".", e);
        }
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new KubeconfigException(file, "Kubeconfig " + file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse("") + ".", e);
        }
        if (tree == null) {
            return Map.of();
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw new KubeconfigException(file, "Kubeconfig " + file + " is not a kubeconfig (expected a mapping with"
                    + " clusters, contexts and users).", null);
        }
        return (Map<String, Object>) tree;
    }

    public List<Path> files() {
        return files;
    }

    public List<KubeContext> contexts() {
        return contexts;
    }

    /** The {@code current-context}, if set and defined. */
    public Optional<String> currentContext() {
        return Optional.ofNullable(currentContext).filter(name -> contexts.stream().anyMatch(c -> c.name().equals(name)));
    }

    public KubeContext context(String name) throws KubeconfigException {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new KubeconfigException(files.get(0), "Context \"" + name + "\" is not in "
                        + describeFiles() + " (contexts: " + String.join(", ", contexts.stream().map(KubeContext::name).toList())
                        + ").", null));
    }

    /** The context to use: the one named, else the current one, else the only one. */
    public KubeContext choose(String name) throws KubeconfigException {
        if (name != null && !name.isBlank()) {
            return context(name);
        }
        Optional<String> current = currentContext();
        if (current.isPresent()) {
            return context(current.get());
        }
        if (contexts.size() == 1) {
            return contexts.get(0);
        }
        throw new KubeconfigException(files.get(0), contexts.isEmpty() ? describeFiles() + " defines no context."
                : describeFiles() + " sets no current-context; choose one of " + String.join(", ",
                contexts.stream().map(KubeContext::name).toList()) + ".", null);
    }

    /** The fabric8 configuration of a context, as kubectl would connect with it. */
    public Config clientConfig(KubeContext context) throws KubeconfigException {
        try {
            Config config = files.size() == 1 ? Config.fromKubeconfig(context.name(), files.get(0).toFile())
                    : Config.fromKubeconfig(context.name(), new Yaml().dump(merged), null);
            return KubeClients.tuneForScreens(config);
        } catch (RuntimeException e) {
            throw new KubeconfigException(context.file(), "Context \"" + context.name() + "\" of " + context.file()
                    + " cannot be used: " + ClusterException.rootMessage(e) + ".", e);
        }
    }

    public KubernetesClient connect(KubeContext context) throws KubeconfigException {
        return new KubernetesClientBuilder().withConfig(clientConfig(context)).build();
    }

    private String describeFiles() {
        return files.size() == 1 ? "kubeconfig " + files.get(0) : "kubeconfigs " + files;
    }

    @Override
    public String toString() {
        return "Kubeconfigs" + files;
    }
}
