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

    /**
     * The route as the preview shows it: one line per setting with where it came from, then
     * what the configuration asked for that Mast does not do.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(target.address()).append(jumps.isEmpty() ? "" : " through "
                + jumps.size() + (jumps.size() == 1 ? " jump host" : " jump hosts")).append("; not written on the node.\n")
                .append("# Where each setting comes from: the plan wins over ~/.ssh/config.\n\n");
        for (Origin origin : origins) {
            text.append(String.format("%-13s %s  (%s)%n", origin.setting(), origin.value(), origin.from()));
        }
        notes.forEach(note -> text.append("\n# ").append(note));
        return text.toString();
    }

    /** One setting as used, and where it came from: {@code plan}, {@code ~/.ssh/config:12}, {@code default}. */
    public record Origin(String setting, String value, String from) {
        @Override
        public String toString() {
            return setting + " " + value + " (" + from + ")";
        }
    }
}
