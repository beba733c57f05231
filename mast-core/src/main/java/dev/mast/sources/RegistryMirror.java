package dev.mast.sources;

import dev.mast.plan.Sources;
import dev.mast.files.NodeFile;
import java.net.URI;
import java.util.List;

/**
 * The site's registry standing in for registry.k8s.io (the components, etcd, pause, CoreDNS) and
 * ghcr.io (flannel), through containerd's registry hosts ({@code config_path}): image names stay
 * {@code registry.k8s.io/...} in every manifest, and containerd fetches them from the mirror, or
 * from the registry itself when the mirror does not have them. A mirror given as {@code host[:port]} is spoken to over
 * HTTPS; one with a path serves the registry API under that path ({@code override_path}).
 */
public final class RegistryMirror {
    public static final String HOSTS_DIR = "/etc/containerd/certs.d";
    /** The registries Mast's images come from: registry.k8s.io's, and the flannel add-on's. */
    public static final List<String> MIRRORED = List.of(Sources.REGISTRY_K8S_IO, "ghcr.io");

    private RegistryMirror() {
    }

    /** The mirror as a URL, e.g. {@code http://10.0.0.5:5000} or {@code https://registry.example.com}. */
    public static String url(Sources sources) {
        String registry = sources.imageRegistry().trim();
        String url = registry.contains("://") ? registry : "https://" + registry;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The URL a node asks to see that the registry answers: its API's base ({@code /v2/}). */
    public static String probeUrl(Sources sources) {
        String url = url(sources);
        return hasPath(url) ? url + "/" : url + "/v2/";
    }

    /** {@code hosts.toml} for each of the {@link #MIRRORED} registries when the plan has a mirror. */
    public static List<NodeFile> hostsFiles(Sources sources) {
        if (!sources.mirrorsImages()) {
            return List.of();
        }
        String url = url(sources);
        return MIRRORED.stream().map(registry -> NodeFile.text(hostsFile(registry), """
                # Written by Mast: %s's images come from the site's registry.
                server = "https://%s"

                [host."%s"]
                  capabilities = ["pull", "resolve"]
                """.formatted(registry, registry, url) + (hasPath(url) ? "  override_path = true\n" : ""), NodeFile.PUBLIC)).toList();
    }

    private static String hostsFile(String registry) {
        return HOSTS_DIR + "/" + registry + "/hosts.toml";
    }

    private static boolean hasPath(String url) {
        String path = URI.create(url).getPath();
        return path != null && !path.isEmpty() && !path.equals("/");
    }
}
