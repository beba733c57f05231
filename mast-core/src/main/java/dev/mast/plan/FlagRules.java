package dev.mast.plan;

import java.util.Optional;

/**
 * Extra flags: well-formed names, none that Mast sets itself ({@link ManagedFlags}), none the
 * plan's Kubernetes release removed ({@link RemovedFlags}), values a command line and a manifest
 * can carry, and paths a static pod can be given a mount for ({@link HostPaths}).
 */
final class FlagRules {
    private FlagRules() {
    }

    static void check(Plan plan, Findings findings) {
        Optional<KubernetesVersion> version = KubernetesVersion.parse(plan.kubernetesVersion());
        plan.extraFlags().forEach((component, flags) -> flags.forEach((name, value) -> {
            String path = "cluster.extraFlags." + component.key() + "." + name;
            boolean wellFormed = findings.check(path, FieldChecks.extraFlag(component, name));
            findings.check(path, FieldChecks.flagValue(value));
            if (!wellFormed) {
                return;
            }
            version.flatMap(v -> RemovedFlags.find(component, name, value, v))
                    .ifPresent(removal -> findings.error(path, removal.describe() + "; remove it from extraFlags"
                            + " (Kubernetes " + version.get() + " would not start with it)"));
            RemovedFlags.deprecation(component, name).ifPresent(warning -> findings.warning(path, warning));
            if (component.isStaticPod()) {
                HostPaths.pathsIn(value).stream().filter(p -> HostPaths.folderToMount(p).isEmpty()).findFirst()
                        .ifPresent(p -> findings.error(path, HostPaths.unmountable(component, name, p)));
            }
        }));
    }
}
