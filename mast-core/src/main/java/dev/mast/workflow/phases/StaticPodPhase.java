package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.render.RenderedCluster;
import dev.mast.workflow.Health;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Timeouts;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts static pods the way the kubelet expects them: images pulled first (so the pod starts
 * at once), manifests written atomically into /etc/kubernetes/manifests, then each
 * component's health endpoint awaited.
 */
abstract class StaticPodPhase extends FilePhase {
    private final List<Component> components;
    private final Timeouts timeouts;

    StaticPodPhase(RenderedCluster rendered, Timeouts timeouts, List<Component> components) {
        super(rendered, components.stream().map(ComponentHealth::manifestPath).toArray(String[]::new));
        this.components = List.copyOf(components);
        this.timeouts = timeouts;
    }

    private List<String> images(Plan plan) {
        List<String> images = new ArrayList<>();
        images.add(Images.pause(plan));
        components.forEach(c -> images.add(Images.of(plan, c)));
        return images;
    }

    @Override
    protected void prepare(NodeContext context) throws Exception {
        Images.pull(context, images(context.plan()));
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

    @Override
    protected List<String> describeStart(Plan plan, Node node) {
        List<String> lines = new ArrayList<>();
        lines.add("pull " + String.join(", ", images(plan)));
        components.forEach(c -> lines.add("wait for " + c.key() + "-" + node.hostName() + " at " + ComponentHealth.url(plan, c)));
        return lines;
    }
}
