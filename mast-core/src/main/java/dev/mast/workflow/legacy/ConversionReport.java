package dev.mast.workflow.legacy;

import dev.mast.manifest.KubePaths;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the conversion will do on a node, from what was read there, in sentences for the dry run
 * and the preview: each service found (its files, program, version, package), whether the
 * node gets a kubelet first or has its kubelet pointed at the manifests folder, where each file of
 * the cluster's identity is and how the pod sees it, which packages go and which files stay.
 */
public final class ConversionReport {
    private ConversionReport() {
    }

    /**
     * @param replaced the components whose service a killed run replaced already (their manifests in place): this run
     *                 waits for them and removes what they replaced
     */
    public static List<String> describe(Plan plan, Node node, LegacyNode facts, Collection<Component> replaced) {
        List<String> lines = new ArrayList<>();
        for (LegacyService service : facts.services().values()) {
            lines.add(service.unitName() + ": " + String.join(", ", service.files()) + "; runs " + service.program() + " "
                    + service.version().map(v -> v.tag()).orElse("(version unknown: " + service.versionText() + ")")
                    + (service.active() ? "" : " (inactive)") + ", "
                    + facts.owner(service.program()).map(p -> "package " + p).orElse("owned by no package"));
        }
        lines.addAll(ConversionVersions.refusals(facts, plan.version(), replaced).stream().map(r -> "REFUSED: " + r).toList());
        if (!facts.hasKubelet() && node.has(Role.MASTER)) {
            lines.add("no kubelet and no container runtime: the install's phases install them first and register the node");
        } else if (facts.hasKubelet() && facts.staticPodPath().isEmpty()) {
            lines.add("the kubelet reads no static pods: " + facts.kubeletConfig().map(c -> "staticPodPath: " + KubePaths.MANIFESTS_DIR
                    + " is added to " + c).orElse("a drop-in runs it with --pod-manifest-path=" + KubePaths.MANIFESTS_DIR));
        }
        List<Component> converted = new ArrayList<>();
        for (Component component : node.staticPods()) {
            if (replaced.contains(component)) {
                lines.add(component.key() + ": a run that was stopped put its manifest in place; the upgrade waits until it is"
                        + " healthy, then removes what it replaced");
                converted.add(component);
            } else if (facts.service(component).isPresent() || component == Component.KUBE_PROXY && !facts.hasKubelet()) {
                lines.addAll(ConversionManifests.render(plan, node, facts, component).notes());
                converted.add(component);
            }
        }
        Map<String, Set<Component>> packages = PackageRemoval.removable(facts, converted);
        packages.forEach((pkg, components) -> lines.add("package " + pkg + " is removed once "
                + String.join(", ", components.stream().map(Component::key).toList()) + " run as static pods"));
        for (Component component : converted) {
            List<String> unowned = PackageRemoval.unownedUnitFiles(facts, component);
            if (!unowned.isEmpty()) {
                lines.add(String.join(", ", unowned) + ": owned by no package, removed once " + component.key()
                        + " is healthy (kept in the run's backup)");
            }
        }
        lines.add("etcd and its files are not touched");
        return lines;
    }
}
