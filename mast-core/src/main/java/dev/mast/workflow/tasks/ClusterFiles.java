package dev.mast.workflow.tasks;

import dev.mast.render.RenderedCluster;
import java.util.function.Supplier;

/**
 * Every node's files, rendered once, when a phase first needs them: on an upgrade that is after the
 * cluster's CA was taken into the PKI folder, so every certificate is issued by it.
 */
public final class ClusterFiles {
    private final Supplier<RenderedCluster> render;
    private RenderedCluster rendered;

    public ClusterFiles(Supplier<RenderedCluster> render) {
        this.render = render;
    }

    /** Files rendered already. */
    public static ClusterFiles of(RenderedCluster rendered) {
        return new ClusterFiles(() -> rendered);
    }

    public synchronized RenderedCluster rendered() {
        if (rendered == null) {
            rendered = render.get();
        }
        return rendered;
    }
}
