package dev.mast.workflow;

import dev.mast.plan.Component;
import dev.mast.render.NodeFile;
import dev.mast.workflow.phases.LegacyUnits;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is on a node now next to what Mast would write there, for the upgrade preview: each
 * file's current and planned text, and the old units with the flags carried into the manifests.
 */
public record NodeInspection(String node, Map<Component, LegacyUnits.Unit> units, List<FileState> files) {
    public NodeInspection {
        units = Map.copyOf(units);
        files = List.copyOf(files);
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
