package dev.mast.workflow.tasks;

import dev.mast.plan.Component;
import dev.mast.workflow.NodeContext;
import java.util.Map;

/** What the upgrade found of a component's old systemd service on a node. */
public record LegacyUnits(Map<Component, Unit> units) {
    public static final NodeContext.Key<LegacyUnits> KEY = new NodeContext.Key<>("legacy-units", LegacyUnits.class);

    /**
     * @param flags        every flag of the unit's ExecStart
     * @param carriedFlags the flags that Mast does not set itself, kept in the new manifest
     */
    public record Unit(Component component, String unitText, boolean active, Map<String, String> flags,
                       Map<String, String> carriedFlags) { }

    public static String unitName(Component component) {
        return component.key() + ".service";
    }

    public static String packageName(Component component) {
        return component.key();
    }

    public Map<Component, Map<String, String>> carriedFlags() {
        var carried = new java.util.EnumMap<Component, Map<String, String>>(Component.class);
        units.forEach((component, unit) -> carried.put(component, unit.carriedFlags()));
        return carried;
    }
}
