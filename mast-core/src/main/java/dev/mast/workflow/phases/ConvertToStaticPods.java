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
import java.util.List;
import java.util.Map;

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

    @Override
    public void rollBack(NodeContext context) throws Exception {
        Remote remote = context.remote();
        for (Component component : components) {
            LegacyUnits.Unit unit = legacy(context).units().get(component);
            if (unit == null) {
                continue;
            }
            remote.run("rm -f " + Sh.quote(ComponentHealth.manifestPath(component)));
            for (String file : BackUpLegacyFiles.unitFiles(unit.unitText())) {
                String backup = context.backupDir() + file;
                remote.run("test -e " + Sh.quote(file) + " || cp -a " + Sh.quote(backup) + " " + Sh.quote(file));
            }
            String name = LegacyUnits.unitName(component);
            remote.run("systemctl daemon-reload && systemctl enable " + name + " && systemctl start " + name);
            context.warn("rolled back: removed " + ComponentHealth.manifestPath(component) + ", " + name + " started again");
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
