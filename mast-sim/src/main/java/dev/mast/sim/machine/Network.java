package dev.mast.sim.machine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The sites beyond the cluster as its machines reach them (pkgs.k8s.io, dl.k8s.io, GitHub,
 * registry.k8s.io and a site's mirrors): what curl, apt, dnf and the runtimes ask of them. The
 * simulator's internet serves it; a machine sees only this.
 */
public interface Network {

    /** Why a request got no answer, in curl's words and exit codes. */
    record Failure(int curlExit, String message) { }

    /** What a site answers to a GET: an HTTP status and a body. */
    record Response(int status, byte[] body) {
        public static Response ok(byte[] body) {
            return new Response(200, body);
        }

        public static Response ok(String body) {
            return ok(body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response notFound() {
            return new Response(404, "404 page not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An answer, or the failure that stood in its way. */
    record Result(Optional<Response> response, Optional<Failure> failure) { }

    /** GET of a URL from a machine: the answer, or why there was none. */
    Result get(String hostName, String url);

    /** Whether the URL names a site of this network at all (not a node of the cluster). */
    boolean knows(String url);

    /**
     * The packages of a Kubernetes repository at {@code url} (its deb or rpm root), for the architecture: empty when
     * the URL is no such repository. Whether the node reaches it is {@link #get}'s business.
     */
    Optional<List<PackageDef>> repository(String url, String arch);

    /**
     * Whether a machine can pull an image of registry.k8s.io from one of {@code registries} (URLs, tried in order):
     * empty if it can, else the error of the last one tried.
     */
    Optional<String> pullError(String hostName, String image, List<String> registries);

    /** The key every Kubernetes repository is signed with, by its fingerprint as apt names it. */
    String keyId();
}
