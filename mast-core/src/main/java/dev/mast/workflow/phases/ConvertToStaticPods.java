package dev.mast.workflow.phases;

import dev.mast.files.NodeFile;
import dev.mast.plan.Component;
import dev.mast.plan.Plan;
import dev.mast.cluster.ClusterAccess;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import dev.mast.workflow.Step;
import dev.mast.workflow.Timeouts;
import dev.mast.workflow.tasks.ComponentHealth;
import dev.mast.workflow.tasks.Health;
import dev.mast.workflow.tasks.LegacyUnits;
import dev.mast.workflow.tasks.Packages;
import dev.mast.workflow.tasks.StaticPodRenderer;
import dev.mast.workflow.tasks.Systemd;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves components from systemd services to static pods on one node: stop and disable each
 * service, write its manifest (with the carried flags), wait until it is healthy, then remove
 * the old packages. If a component does not become healthy, the manifests are removed and
 * the services restored and started again from the backup.
 */
public final class ConvertToStaticPods implements Step {
    private final List<Component> components;
    private final StaticPodRenderer renderer;
    private final ClusterAccess cluster;
    private final Timeouts timeouts;

    public ConvertToStaticPods(List<Component> components, StaticPodRenderer renderer, ClusterAccess cluster, Timeouts timeouts) {
        this.components = List.copyOf(components);
        this.renderer = renderer;
        this.cluster = cluster;
        this.timeouts = timeouts;
    }

    @Override
    public boolean canRollBack() {
        return true;
    }

    /** Done when no old unit is left and every manifest is in place and healthy. */
    @Override
    public boolean isDone(NodeContext context) throws Exception {
        if (components.stream().anyMatch(legacy(context).units()::containsKey)) {
            return false;
        }
        for (Component component : components) {
            if (context.remote().probe("test -f " + ComponentHealth.manifestPath(component)) != 0
                    || context.remote().probe(curl(context.plan(), component)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Remote remote = context.remote();
        List<NodeFile> manifests = manifests(context);
        for (Component component : components) {
            String unit = LegacyUnits.unitName(component);
            if (legacy(context).units().containsKey(component)) {
                Systemd.stopAndDisable(remote, unit);
                context.log("stopped and disabled " + unit);
            }
        }
        for (NodeFile manifest : manifests) {
            remote.write(manifest);
            context.log("wrote " + manifest.path());
        }
        for (Component component : components) {
            Health.await(context, timeouts, component.key(), ComponentHealth.url(context.plan(), component));
        }
        WaitForMirrorPods.await(context, cluster, timeouts,
                components.stream().map(c -> c.key() + "-" + context.node().hostName()).toList());
        for (Component component : components) {
            if (legacy(context).units().containsKey(component)) {
                Packages.purge(remote, LegacyUnits.packageName(component));
                context.log("removed package " + LegacyUnits.packageName(component));
            }
        }
    }

    /**
     * Removes every manifest first, stops each static pod and waits until its health URL no longer
     * answers (its port is free), then restores and starts the services in the components' order,
     * each healthy before the next: a controller manager started while its static pod still holds
     * the port, or before the API server answers, exits at once.
     */
    @Override
    public void rollBack(NodeContext context) throws Exception {
        Remote remote = context.remote();
        List<Component> restored = components.stream().filter(legacy(context).units()::containsKey).toList();
        for (Component component : restored) {
            remote.run("rm -f " + Sh.quote(ComponentHealth.manifestPath(component)));
        }
        for (Component component : restored) {
            if (remote.probe("systemctl is-active --quiet " + LegacyUnits.unitName(component)) != 0) {
                stopStaticPod(remote, component, context.node().hostName());
                awaitStopped(context, component);
            }
        }
        for (Component component : restored) {
            for (String file : BackUpLegacyFiles.unitFiles(legacy(context).units().get(component).unitText())) {
                String backup = context.backupDir() + file;
                remote.run("test -e " + Sh.quote(file) + " || cp -a " + Sh.quote(backup) + " " + Sh.quote(file));
            }
            String name = LegacyUnits.unitName(component);
            remote.run("systemctl daemon-reload && systemctl enable " + name + " && systemctl start " + name);
            Health.await(context, timeouts, component.key(), ComponentHealth.url(context.plan(), component));
            context.warn("rolled back: removed " + ComponentHealth.manifestPath(component) + ", " + name + " started again");
        }
    }

    /**
     * Stops the component's static pod through the runtime. The kubelet stops a pod whose manifest
     * is gone only once it has heard from the API server since it started; the kubelet of a master
     * that reaches only its own API server, the one that did not come up, never does. With the
     * manifest gone, the kubelet does not start the pod again.
     */
    private static void stopStaticPod(Remote remote, Component component, String nodeName) throws Exception {
        List<String> pods = remote.run("crictl pods -q --name " + Sh.quote("^" + component.key() + "-" + nodeName + "$"))
                .stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
        if (!pods.isEmpty()) {
            remote.run("crictl stopp " + pods.stream().map(Sh::quote).collect(Collectors.joining(" ")));
        }
    }

    /** Waits until nothing answers at the component's health URL: its static pod has stopped. */
    private void awaitStopped(NodeContext context, Component component) throws Exception {
        Instant deadline = Instant.now().plus(timeouts.health());
        while (context.remote().probe(curl(context.plan(), component)) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the static pod of " + component.key() + " still answers at "
                        + ComponentHealth.url(context.plan(), component) + " " + timeouts.health().toSeconds()
                        + " s after its manifest was removed: its service cannot take the port back");
            }
            context.cancellation().check();
            Thread.sleep(timeouts.poll().toMillis());
        }
    }

    private List<NodeFile> manifests(NodeContext context) {
        List<String> paths = components.stream().map(ComponentHealth::manifestPath).toList();
        return renderer.manifests(context.plan(), context.node(), legacy(context).carriedFlags()).stream()
                .filter(f -> paths.contains(f.path())).toList();
    }

    private static LegacyUnits legacy(NodeContext context) {
        return context.get(LegacyUnits.KEY).orElse(new LegacyUnits(Map.of()));
    }

    private static String curl(Plan plan, Component component) {
        return "curl -sk --max-time 5 " + Sh.quote(ComponentHealth.url(plan, component)) + " >/dev/null";
    }

}
