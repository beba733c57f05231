package dev.mast.sim.internet;

import dev.mast.sim.internet.KubernetesReleases.Format;
import dev.mast.sim.machine.Network;
import dev.mast.sim.machine.Network.Failure;
import dev.mast.sim.machine.Network.Response;
import dev.mast.sim.machine.Network.Result;
import dev.mast.sim.machine.PackageDef;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sites simulated nodes download from, by origin ({@code https://pkgs.k8s.io}): upstream's, and
 * the mirrors a test puts up. Upstream can be cut off for every node ({@link #cutOff()}, an air-gapped
 * site) or for one ({@link #block}); a mirror is always reachable. Shared by every node of a cluster.
 */
public final class Internet implements Network {
    public static final String PKGS = "https://pkgs.k8s.io";
    public static final String DL = "https://dl.k8s.io";
    public static final String GITHUB = "https://github.com";
    public static final String REGISTRY = "https://registry.k8s.io";

    private record Origin(Site site, boolean upstream, boolean registry) { }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final Set<String> damaged = ConcurrentHashMap.newKeySet();
    private volatile boolean upstreamReachable = true;

    public Internet() {
        origins.put(PKGS, new Origin(new PackagesSite(), true, false));
        origins.put(DL, new Origin(DownloadsSite::kubernetes, true, false));
        origins.put(GITHUB, new Origin(DownloadsSite::github, true, false));
        origins.put(REGISTRY, new Origin(Internet::registry, true, true));
    }

    /** No node reaches upstream any more: only mirrors answer. */
    public void cutOff() {
        upstreamReachable = false;
    }

    public void reconnect() {
        upstreamReachable = true;
    }

    /** The machine of that host name reaches nothing at all, upstream or mirror. */
    public void block(String hostName) {
        blocked.add(hostName);
    }

    /** The file at the URL arrives damaged from now on (a byte more than was published), its checksum file as it was. */
    public void damage(String url) {
        damaged.add(url);
    }

    /**
     * Puts up a site's mirror on {@code address}: files on port 8080 laid out as upstream's under
     * {@code /core:/stable:/...} (pkgs.k8s.io), {@code /release/...} (dl.k8s.io) and {@code /github/...}
     * (github.com), and a registry with registry.k8s.io's images on port 5000.
     */
    public Mirror mirror(String address) {
        Mirror mirror = new Mirror("http://" + address + ":8080", "http://" + address + ":5000");
        PackagesSite packages = new PackagesSite();
        origins.put(mirror.files(), new Origin(path -> path.startsWith("/release/") ? DownloadsSite.kubernetes(path)
                : path.startsWith("/github/") ? DownloadsSite.github(path.substring("/github".length())) : packages.get(path),
                false, false));
        origins.put(mirror.registry(), new Origin(Internet::registry, false, true));
        return mirror;
    }

    /** A mirror's two addresses. */
    public record Mirror(String files, String registry) { }

    @Override
    public Result get(String hostName, String url) {
        Optional<URI> uri = parse(url);
        if (uri.isEmpty()) {
            return new Result(Optional.empty(), Optional.of(new Failure(3, "URL using bad/illegal format or missing URL")));
        }
        Optional<Failure> unreachable = unreachable(hostName, uri.get());
        if (unreachable.isPresent()) {
            return new Result(Optional.empty(), unreachable);
        }
        Origin origin = origins.get(origin(uri.get()));
        String path = uri.get().getRawPath() == null || uri.get().getRawPath().isEmpty() ? "/" : uri.get().getRawPath();
        Response response = origin.site().get(path);
        if (damaged.contains(url) && response.status() == 200) {
            response = Response.ok(java.util.Arrays.copyOf(response.body(), response.body().length + 1));
        }
        return new Result(Optional.of(response), Optional.empty());
    }

    @Override
    public boolean knows(String url) {
        return parse(url).map(uri -> origins.containsKey(origin(uri))).orElse(false);
    }

    private Optional<Failure> unreachable(String hostName, URI uri) {
        Origin origin = origins.get(origin(uri));
        if (origin == null) {
            return Optional.of(uri.getHost() != null && uri.getHost().matches("[\\d.]+")
                    ? new Failure(7, "Failed to connect to " + uri.getHost() + " port " + port(uri) + " after 3 ms: Couldn't connect to server")
                    : new Failure(6, "Could not resolve host: " + uri.getHost()));
        }
        if (blocked.contains(hostName) || origin.upstream() && !upstreamReachable) {
            return Optional.of(new Failure(28, "Failed to connect to " + uri.getHost() + " port " + port(uri)
                    + " after 10001 ms: Timeout was reached"));
        }
        return Optional.empty();
    }

    @Override
    public Optional<List<PackageDef>> repository(String url, String arch) {
        Optional<URI> uri = parse(url.endsWith("/") ? url : url + "/");
        if (uri.isEmpty() || !origins.containsKey(origin(uri.get())) || origins.get(origin(uri.get())).registry()) {
            return Optional.empty();
        }
        return PackagesSite.repository(uri.get().getRawPath() == null ? "" : uri.get().getRawPath())
                .map(repository -> repository.packages(arch));
    }

    /** The format of the Kubernetes repository at the URL, if it is one. */
    public Optional<Format> repositoryFormat(String url) {
        return parse(url.endsWith("/") ? url : url + "/").flatMap(uri -> PackagesSite.repository(uri.getRawPath() == null ? ""
                : uri.getRawPath())).map(PackagesSite.Repository::format);
    }

    @Override
    public String keyId() {
        return PackagesSite.KEY_ID;
    }

    @Override
    public Optional<String> pullError(String hostName, String image, List<String> registries) {
        String error = "no registry to pull " + image + " from";
        for (String registry : registries) {
            Result result = get(hostName, registry + "/v2/");
            if (result.failure().isPresent()) {
                error = "failed to do request: Head \"" + registry + "/v2/" + image.substring(image.indexOf('/') + 1)
                        .replace(":", "/manifests/") + "\": " + result.failure().get().message();
            } else if (origins.get(origin(parse(registry).orElseThrow())).registry()) {
                return Optional.empty();
            } else {
                error = registry + " is not a registry (it answers " + result.response().orElseThrow().status() + " to /v2/)";
            }
        }
        return Optional.of(error);
    }

    private static Response registry(String path) {
        return path.startsWith("/v2/") ? Response.ok("{}") : Response.notFound();
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null || uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    }

    private static String origin(URI uri) {
        boolean defaultPort = uri.getPort() < 0 || uri.getPort() == (uri.getScheme().equals("https") ? 443 : 80);
        return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + (defaultPort ? "" : ":" + uri.getPort());
    }
}
