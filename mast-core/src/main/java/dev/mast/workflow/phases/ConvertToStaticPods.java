package dev.mast.workflow.phases;

import dev.mast.files.NodeFile;
import dev.mast.plan.Component;
import dev.mast.plan.Plan;
import dev.mast.cluster.ClusterAccess;
import dev.mast.workflow.Failures;
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
import dev.mast.workflow.tasks.UnfinishedConversions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves components from systemd services to static pods on one node: stop and disable each
 * service and put its manifest (with the carried flags) in place, wait until it is healthy, then
 * remove the old packages. If a component does not become healthy, the manifests are removed and
 * the services restored and started again from the backup, every one of them whatever fails.
 */
public final class ConvertToStaticPods implements Step {
    static final int ATTEMPTS = 3;
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
        for (NodeFile manifest : manifests(context)) {
            Component component = componentOf(manifest);
            if (legacy(context).units().containsKey(component)) {
                replaceService(context, component, manifest);
            } else {
                remote.write(manifest);
                context.log("wrote " + manifest.path());
            }
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
            UnfinishedConversions.finish(remote, component);
        }
    }

    /**
     * Stops the service and puts its manifest in place in one command, the manifest already on the node beside it: a
     * run killed on the way leaves the component in one form or the other. The node records first that the
     * conversion is in flight, for whatever a kill leaves half-done.
     */
    private static void replaceService(NodeContext context, Component component, NodeFile manifest) throws Exception {
        Remote remote = context.remote();
        String unit = LegacyUnits.unitName(component);
        String staged = context.backupDir() + "/staged/" + component.key() + ".yaml";
        UnfinishedConversions.start(remote, context.backupDir(), component);
        remote.write(new NodeFile(staged, manifest.content(), manifest.mode(), manifest.secret()));
        remote.run("systemctl stop " + Sh.quote(unit) + " && systemctl disable " + Sh.quote(unit) + " && mv -f "
                + Sh.quote(staged) + " " + Sh.quote(manifest.path()));
        context.log("stopped and disabled " + unit + ", wrote " + manifest.path());
    }

    /**
     * Puts every component back as its service, whatever fails on the way: each action is tried a few times, a
     * component that cannot be restored does not keep the others from it, and each one's state is reported.
     *
     * @return each component's state
     * @throws RollbackIncompleteException naming each component's state, when one of them could not be restored
     */
    @Override
    public String rollBack(NodeContext context) throws Exception {
        List<String> states = new ArrayList<>();
        boolean complete = true;
        for (Component component : components) {
            LegacyUnits.Unit unit = legacy(context).units().get(component);
            if (unit == null) {
                continue;
            }
            String name = LegacyUnits.unitName(component);
            try {
                restore(context, component, unit);
                states.add(component.key() + ": " + name + " runs again");
                context.warn("rolled back: removed " + ComponentHealth.manifestPath(component) + ", " + name + " started again");
            } catch (Exception e) {
                complete = false;
                states.add(component.key() + ": NOT restored (" + Failures.describe(e) + ")");
                context.error("rollback of " + component.key() + " failed: " + Failures.describe(e));
            }
        }
        String report = String.join("; ", states);
        if (!complete) {
            throw new RollbackIncompleteException(report);
        }
        return report;
    }

    private void restore(NodeContext context, Component component, LegacyUnits.Unit unit) throws Exception {
        Remote remote = context.remote();
        String name = Sh.quote(LegacyUnits.unitName(component));
        String manifest = Sh.quote(ComponentHealth.manifestPath(component));
        attempt(context, "remove " + manifest, () -> remote.run("rm -f " + manifest));
        for (String file : BackUpLegacyFiles.unitFiles(unit.unitText())) {
            String backup = Sh.quote(context.backupDir() + file);
            attempt(context, "restore " + file, () -> remote.run("test -e " + Sh.quote(file) + " || cp -a " + backup + " " + Sh.quote(file)));
        }
        attempt(context, "start " + name, () -> remote.run("systemctl daemon-reload && systemctl enable " + name + " && systemctl start " + name));
        UnfinishedConversions.finish(remote, component);
    }

    /** Runs one rollback action, again after a pause if it fails, at most {@value #ATTEMPTS} times. */
    private void attempt(NodeContext context, String what, Remote.Action action) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (Exception e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                context.warn("rollback: " + what + " failed (" + Failures.describe(e) + "), trying again");
                Thread.sleep(timeouts.poll().toMillis());
            }
        }
    }

    private List<NodeFile> manifests(NodeContext context) {
        List<String> paths = components.stream().map(ComponentHealth::manifestPath).toList();
        return renderer.manifests(context.plan(), context.node(), legacy(context).carriedFlags()).stream()
                .filter(f -> paths.contains(f.path())).toList();
    }

    private Component componentOf(NodeFile manifest) {
        return components.stream().filter(c -> ComponentHealth.manifestPath(c).equals(manifest.path())).findFirst().orElseThrow();
    }

    private static LegacyUnits legacy(NodeContext context) {
        return context.get(LegacyUnits.KEY).orElse(new LegacyUnits(Map.of()));
    }

    private static String curl(Plan plan, Component component) {
        return "curl -sk --max-time 5 " + Sh.quote(ComponentHealth.url(plan, component)) + " >/dev/null";
    }

    /** Some components could not be put back as services; the message names each one's state. */
    public static final class RollbackIncompleteException extends Exception {
        public RollbackIncompleteException(String states) {
            super(states);
        }
    }
}
