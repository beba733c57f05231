package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ClusterFiles;
import java.util.List;

/** kube-proxy as a static pod on a node. */
public final class StartKubeProxy extends StaticPodStep {
    public StartKubeProxy(ClusterFiles files, Timeouts timeouts) {
        super(files, timeouts, List.of(Component.KUBE_PROXY));
    }
}
