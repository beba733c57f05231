package dev.mast.ui.preview;

import java.util.List;

/** A node of the preview's tree and its files, in the order they are written. */
public record PreviewNode(String hostName, String roles, List<PreviewFile> files) {
    public PreviewNode {
        files = List.copyOf(files);
    }

    @Override
    public String toString() {
        return hostName + " (" + roles + ")";
    }
}
