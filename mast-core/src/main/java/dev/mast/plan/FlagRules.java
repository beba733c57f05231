package dev.mast.plan;

/** Extra flags: well-formed names, none that Mast sets itself ({@link ManagedFlags}), values of one line. */
final class FlagRules {
    private FlagRules() {
    }

    static void check(Plan plan, Findings findings) {
        plan.extraFlags().forEach((component, flags) -> flags.forEach((name, value) -> {
            String path = "cluster.extraFlags." + component.key() + "." + name;
            findings.check(path, FieldChecks.extraFlag(component, name));
            findings.check(path, FieldChecks.flagValue(value));
        }));
    }
}
