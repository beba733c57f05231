package dev.mast.ui.preview;

import java.util.List;

/**
 * A node of the preview's tree and its files, in the order they are written.
 *
 * @param connection how Mast reaches the node and where each SSH setting came from; shown when the node is selected
 * @param sources    where the node gets each program the plan installs on it; shown below the connection
 * @param steps      what the run does on the node, step by step; no lines when the renderer cannot tell
 */
public record PreviewNode(String hostName, String roles, List<PreviewFile> files, String connection, String sources,
                          PreviewSteps steps) {
    public PreviewNode {
        files = List.copyOf(files);
        connection = connection == null ? "" : connection;
        sources = sources == null ? "" : sources;
    }

    @Override
    public String toString() {
        return hostName + " (" + roles + ")";
    }
}
