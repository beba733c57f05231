package dev.mast.ui.preview;

import java.util.List;

/**
 * What a run does on one node, step by step: the lines of a dry run of the previewed files, as
 * {@code mast install --dry-run} prints them. An item of the preview's tree, under its node.
 */
public record PreviewSteps(String hostName, String verb, List<String> lines) {
    public PreviewSteps {
        lines = List.copyOf(lines);
    }

    @Override
    public String toString() {
        return "What the " + verb + " does here, step by step";
    }
}
