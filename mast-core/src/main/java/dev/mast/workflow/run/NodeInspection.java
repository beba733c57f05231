package dev.mast.workflow.run;

import dev.mast.plan.Component;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an upgrade finds on a node now, to compare with the files it will write.
 *
 * @param current      per path Mast will write, what stands in its place today: the same file, or
 *                     the systemd unit the new manifest replaces; absent when there is nothing
 * @param carriedFlags per component, the flags of the old unit that the new manifest keeps
 */
public record NodeInspection(String node, Map<String, CurrentFile> current, Map<Component, Map<String, String>> carriedFlags) {

    /** A file on the node now; {@code path} may differ from the new file's (a unit file). */
    public record CurrentFile(String path, String text) {
    }

    public NodeInspection {
        current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
        var flags = new EnumMap<Component, Map<String, String>>(Component.class);
        carriedFlags.forEach((component, values) -> flags.put(component, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        carriedFlags = Collections.unmodifiableMap(flags);
    }

    public Optional<CurrentFile> currentFor(String newPath) {
        return Optional.ofNullable(current.get(newPath));
    }
}
