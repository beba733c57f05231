package dev.mast.sim.machine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An image reference in its full form, as containerd stores it
 * ({@code nginx} → {@code docker.io/library/nginx:latest}), with a stable ID derived from it.
 */
public record ImageRef(String repository, String tag) {

    public static ImageRef parse(String reference) {
        String ref = reference.trim();
        if (ref.isEmpty() || ref.contains(" ") || !ref.matches("[A-Za-z0-9._/:@-]+")) {
            throw new IllegalArgumentException("invalid reference format: " + reference);
        }
        String digest = "";
        if (ref.contains("@")) {
            digest = ref.substring(ref.indexOf('@'));
            ref = ref.substring(0, ref.indexOf('@'));
        }
        String tag = "latest";
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        int slash = ref.indexOf('/');
        String first = slash < 0 ? "" : ref.substring(0, slash);
        if (slash < 0) {
            ref = "docker.io/library/" + ref;
        } else if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
            ref = "docker.io/" + ref;
        }
        return new ImageRef(ref.toLowerCase(java.util.Locale.ROOT), digest.isEmpty() ? tag : tag + digest);
    }

    public String full() {
        return repository + ":" + tag;
    }

    /** How Docker shows the repository: without {@code docker.io/library/}. */
    public String dockerRepository() {
        return repository.startsWith("docker.io/library/") ? repository.substring("docker.io/library/".length())
                : repository.startsWith("docker.io/") ? repository.substring("docker.io/".length()) : repository;
    }

    /** {@code sha256:<64 hex>}, the same on every node. */
    public String id() {
        return "sha256:" + sha256(full());
    }

    public String digest() {
        return "sha256:" + sha256("digest:" + full());
    }

    /** A plausible size in bytes, stable per image. */
    public long size() {
        return 8_000_000L + Math.floorMod(full().hashCode(), 90_000_000);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
