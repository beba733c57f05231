package dev.mast.ui.preview;

import dev.mast.files.NodeFile;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The name a static pod gets in the API: the kubelet appends the node name to the manifest's
 * {@code metadata.name}, so {@code kube-apiserver} on {@code node001} is {@code kube-apiserver-node001}.
 */
public final class PodNames {
    public static final String MANIFESTS = "/etc/kubernetes/manifests/";

    private PodNames() {
    }

    /** The mirror pod's name for a static pod manifest; empty for any other file. */
    public static Optional<String> of(NodeFile file, String node) {
        if (file.secret() || !file.path().startsWith(MANIFESTS)) {
            return Optional.empty();
        }
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(file.text());
            if (doc instanceof Map<?, ?> manifest && "Pod".equals(manifest.get("kind"))
                    && manifest.get("metadata") instanceof Map<?, ?> metadata && metadata.get("name") instanceof String name) {
                return Optional.of(name + "-" + node);
            }
        } catch (YAMLException e) {
            // Not YAML after all: the file is still shown, just without a pod name.
        }
        return Optional.empty();
    }

    /** The pod's namespace as the manifest says, {@code kube-system} when it does not. */
    public static String namespace(NodeFile file) {
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(file.text());
            if (doc instanceof Map<?, ?> manifest && manifest.get("metadata") instanceof Map<?, ?> metadata
                    && metadata.get("namespace") instanceof String namespace) {
                return namespace;
            }
        } catch (YAMLException e) {
            // fall through to the default
        }
        return "kube-system";
    }
}
