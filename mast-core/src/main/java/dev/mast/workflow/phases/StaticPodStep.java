package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ClusterFiles;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.tasks.Images;
import java.util.List;

/**
 * Starts static pods the way the kubelet expects them: images pulled first (so the pod starts
 * at once), manifests written atomically into /etc/kubernetes/manifests, then each
 * component's health endpoint awaited.
 */
abstract class StaticPodStep extends FileStep {
    private final List<Component> components;
    private final Timeouts timeouts;

    StaticPodStep(ClusterFiles files, Timeouts timeouts, List<Component> components) {
        super(files, components.stream().map(ComponentHealth::manifestPath).toArray(String[]::new));
        this.components = List.copyOf(components);
        this.timeouts = timeouts;
    }

    @Override
    protected void prepare(NodeContext context) throws Exception {
        Images.pull(context, Images.forComponents(context.plan(), components));
    }

    @Override
    protected void start(NodeContext context) throws Exception {
        for (Component component : components) {
            Health.await(context, timeouts, component.key(), ComponentHealth.url(context.plan(), component));
        }
    }

    @Override
    protected boolean isRunning(NodeContext context) throws Exception {
        for (Component component : components) {
            String url = ComponentHealth.url(context.plan(), component);
            if (context.remote().probe("curl -sk --max-time 5 '" + url + "' >/dev/null") != 0) {
                return false;
            }
        }
        return true;
    }
}
