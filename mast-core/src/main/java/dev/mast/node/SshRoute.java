package dev.mast.node;

import java.util.List;

/**
 * How Mast reaches a node: through the jump hosts in order, then to the node, each hop with
 * its own settings. {@link #origins()} says where each setting came from (the plan, a line of
 * ~/.ssh/config, a default), for the preview of the node.
 *
 * @param notes what the configuration asked for that Mast does not do, e.g. {@code ProxyCommand}
 */
public record SshRoute(List<SshHop> jumps, SshHop target, List<Origin> origins, List<String> notes) {
    public SshRoute {
        jumps = List.copyOf(jumps);
        origins = List.copyOf(origins);
        notes = List.copyOf(notes);
    }

    /** One setting as used, and where it came from: {@code plan}, {@code ~/.ssh/config:12}, {@code default}. */
    public record Origin(String setting, String value, String from) {
        @Override
        public String toString() {
            return setting + " " + value + " (" + from + ")";
        }
    }
}
