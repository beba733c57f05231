package dev.mast.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each property of a plan was written in its file, keyed by property path
 * ({@code cluster.podCidr}, {@code nodes[2].ip}, {@code nodes[0].ssh.port}). Plans built in the
 * GUI have none: {@link #EMPTY}.
 */
public final class SourceMap {
    public static final SourceMap EMPTY = new SourceMap(Map.of());

    private final Map<String, Location> locations;

    public SourceMap(Map<String, Location> locations) {
        this.locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
    }

    /**
     * The location of a property; when the property was not written (a default was used), the
     * location of the nearest enclosing one that was, so a message still points near its cause.
     */
    public Optional<Location> find(String path) {
        for (String at = path; !at.isEmpty(); at = parent(at)) {
            Location location = locations.get(at);
            if (location != null) {
                return Optional.of(location);
            }
        }
        return Optional.empty();
    }

    /** Only the exact property, without falling back to an enclosing one. */
    public Optional<Location> exact(String path) {
        return Optional.ofNullable(locations.get(path));
    }

    public Map<String, Location> asMap() {
        return locations;
    }

    public boolean isEmpty() {
        return locations.isEmpty();
    }

    /** {@code nodes[2].ssh.port -> nodes[2].ssh -> nodes[2] -> nodes -> ""}. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    @Override
    public String toString() {
        return "SourceMap" + locations;
    }
}
