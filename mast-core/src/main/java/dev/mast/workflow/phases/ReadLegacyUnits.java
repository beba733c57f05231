package dev.mast.workflow.phases;

import dev.mast.plan.Component;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.ManagedFlags;
import dev.mast.plan.Node;
import dev.mast.plan.RemovedFlags;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Step;
import dev.mast.workflow.Remote;
import dev.mast.workflow.tasks.LegacyUnits;
import dev.mast.workflow.tasks.Systemd;
import dev.mast.workflow.tasks.UnitFlags;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the old systemd units of the node's control-plane components and kube-proxy, and the
 * flags to carry into their manifests. Changes nothing; a node with no such unit left already
 * runs them as static pods.
 */
public final class ReadLegacyUnits implements Step {

    @Override
    public void run(NodeContext context) throws Exception {
        LegacyUnits units = read(context.remote(), context.node(), context.plan().version(), context::log);
        if (units.units().isEmpty()) {
            context.log("no systemd units of the control plane or kube-proxy: this node already runs them as static pods");
        }
        context.put(LegacyUnits.KEY, units);
    }

    /**
     * Reads the node's old units and their flags, dropping those {@code version} no longer accepts;
     * {@code log} hears one line per unit found.
     */
    public static LegacyUnits read(Remote remote, Node node, KubernetesVersion version, java.util.function.Consumer<String> log)
            throws Exception {
        Map<Component, LegacyUnits.Unit> units = new EnumMap<>(Component.class);
        for (Component component : node.staticPods()) {
            Remote.Output cat = remote.query("systemctl cat " + LegacyUnits.unitName(component) + " 2>/dev/null");
            if (cat.exitStatus() != 0 || cat.stdout().isEmpty()) {
                continue;
            }
            String text = String.join("\n", cat.stdout()) + "\n";
            Map<String, String> flags = UnitFlags.parse(text);
            Map<String, String> carried = new LinkedHashMap<>(flags);
            carried.keySet().removeAll(ManagedFlags.of(component));
            Map<String, RemovedFlags.Removal> dropped = RemovedFlags.removedFrom(component, carried, version);
            carried.keySet().removeAll(dropped.keySet());
            dropped.values().forEach(removal -> log.accept(LegacyUnits.unitName(component) + ": not carried over: "
                    + removal.describe()));
            boolean active = Systemd.isActive(remote, LegacyUnits.unitName(component));
            units.put(component, new LegacyUnits.Unit(component, text, active, flags, carried));
            log.accept(LegacyUnits.unitName(component) + " is " + (active ? "active" : "inactive")
                    + (carried.isEmpty() ? "; no custom flags" : "; carrying over " + describe(carried)));
        }
        return new LegacyUnits(units);
    }

    static String describe(Map<String, String> flags) {
        return String.join(" ", flags.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
    }

}
