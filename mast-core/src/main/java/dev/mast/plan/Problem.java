package dev.mast.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * Something wrong with a plan, a plan file or an imported file.
 *
 * @param path     the property it is about, e.g. {@code nodes[2].ip}; empty when it is about the
 *                 file as a whole (a YAML syntax error)
 * @param message  what is wrong and what to do, without the path
 * @param location where in the file, when the plan came from one
 */
public record Problem(Severity severity, String path, String message, Optional<Location> location) {

    /** Path and message are made safe to print and show: a key in a path, a value in a message came from a file. */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        path = SafeText.brief(Objects.requireNonNull(path, "path"));
        message = SafeText.escape(Objects.requireNonNull(message, "message"));
    }

    public static Problem error(String path, String message, Optional<Location> location) {
        return new Problem(Severity.ERROR, path, message, location);
    }

    public static Problem warning(String path, String message, Optional<Location> location) {
        return new Problem(Severity.WARNING, path, message, location);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code cluster.yaml:14:9: nodes[2].ip: "10.0.0.300" is not an IPv4 address}. */
    @Override
    public String toString() {
        var text = new StringBuilder();
        location.ifPresent(where -> text.append(where).append(": "));
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
