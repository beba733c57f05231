package dev.mast.ui.logs;

import dev.mast.cluster.PodRow;
import java.util.List;

/**
 * The pod whose logs a viewer shows.
 *
 * @param containers every container that can be read, init containers first
 * @param container  the one shown first (kubectl's default: the first app container)
 */
public record LogTarget(String namespace, String pod, List<String> containers, String container) {
    public LogTarget {
        containers = List.copyOf(containers);
        container = container == null ? "" : container;
    }

    public static LogTarget of(PodRow row) {
        String first = row.containers().isEmpty() ? "" : row.containers().get(0);
        return new LogTarget(row.namespace(), row.name(), row.allContainers(), first);
    }
}
