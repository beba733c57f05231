package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ClusterFiles;

/** kube-apiserver, kube-controller-manager and kube-scheduler as static pods on a master. */
public final class StartControlPlane extends StaticPodStep {
    public StartControlPlane(ClusterFiles files, Timeouts timeouts) {
        super(files, timeouts, Component.CONTROL_PLANE);
    }
}
