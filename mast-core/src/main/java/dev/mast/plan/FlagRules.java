package dev.mast.plan;

/** Extra flags: well-formed names, and none that Mast sets itself ({@link ManagedFlags}). */
final class FlagRules {
    private FlagRules() {
    }

    static void check(Plan plan, Findings findings) {
        plan.extraFlags().forEach((component, flags) -> flags.keySet().forEach(name ->
                findings.check("cluster.extraFlags." + component.key() + "." + name,
                        FieldChecks.extraFlag(component, name))));
    }
}
