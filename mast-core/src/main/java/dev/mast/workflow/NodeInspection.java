package dev.mast.workflow;

import dev.mast.render.NodeFile;
import dev.mast.workflow.legacy.LegacyNode;
import java.util.List;
import java.util.Optional;

/**
 * What is on a node now next to what the upgrade would write there, for the preview: each
 * file's current and planned text, the services read, and what the conversion would do.
 */
public record NodeInspection(String node, LegacyNode facts, List<FileState> files, List<String> notes) {
    public NodeInspection {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /**
     * @param current the file's text on the node now, empty if it does not exist; never read for secrets
     */
    public record FileState(NodeFile planned, Optional<String> current) {
        public boolean changes() {
            return current.isEmpty() || !current.get().equals(planned.text());
        }
    }
}
