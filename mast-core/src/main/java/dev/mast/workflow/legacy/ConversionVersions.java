package dev.mast.workflow.legacy;

import dev.mast.plan.Component;
import dev.mast.plan.KubernetesVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The version a conversion may take a cluster to, from what its programs report. The cluster
 * keeps its version: the plan must name the version that runs, a newer patch of it, or at most
 * the next minor release (the conversion then also upgrades, in kubeadm's order: every API
 * server first). Kubernetes' version skew policy allows no skipped minor release, no older
 * release, and no kubelet newer than the API server or more than three minors older.
 */
public final class ConversionVersions {
    /** How far the plan's version is from what runs. */
    public enum Step { SAME, PATCH_UPGRADE, MINOR_UPGRADE }

    private static final int KUBELET_SKEW = 3;

    private ConversionVersions() {
    }

    /**
     * Why the plan's version cannot be what this node's services are converted to; empty when it can.
     */
    public static List<String> refusals(LegacyNode node, KubernetesVersion target) {
        return refusals(node, target, List.of());
    }

    /**
     * As above, but for the services of {@code replaced}: a run killed after replacing them checked their version, and
     * their programs may have gone with their package since.
     */
    public static List<String> refusals(LegacyNode node, KubernetesVersion target, Collection<Component> replaced) {
        List<String> refusals = new ArrayList<>();
        for (LegacyService service : node.services().values()) {
            if (replaced.contains(service.component())) {
                continue;
            }
            Optional<KubernetesVersion> running = service.version();
            String who = node.hostName() + " runs " + service.component().key();
            if (running.isEmpty()) {
                refusals.add("cannot tell which Kubernetes " + service.component().key() + " on " + node.hostName() + " is: "
                        + service.program() + " --version printed \"" + service.versionText() + "\"");
            } else if (service.component() == Component.KUBELET) {
                kubeletRefusal(who, running.get(), target).ifPresent(refusals::add);
            } else if (step(running.get(), target).isEmpty()) {
                refusals.add(who + " " + running.get().tag() + " and the plan says Kubernetes " + target + ": Mast converts a cluster"
                        + " at the version it runs, or at most one minor release newer (" + next(running.get()) + "), as Kubernetes"
                        + " allows no skipped or older release; set kubernetesVersion to " + running.get() + " or 1."
                        + (running.get().minor() + 1) + " in the plan");
            }
        }
        return refusals;
    }

    private static Optional<String> kubeletRefusal(String who, KubernetesVersion kubelet, KubernetesVersion target) {
        if (kubelet.minor() > target.minor()) {
            return Optional.of(who + " " + kubelet.tag() + ", newer than the plan's " + target + ": a kubelet may not be newer"
                    + " than its API server");
        }
        if (target.minor() - kubelet.minor() > KUBELET_SKEW) {
            return Optional.of(who + " " + kubelet.tag() + ", more than " + KUBELET_SKEW + " minor releases older than the plan's "
                    + target + ": upgrade the kubelets first");
        }
        return Optional.empty();
    }

    /** What going from {@code running} to {@code target} is, or empty when Mast refuses it. */
    public static Optional<Step> step(KubernetesVersion running, KubernetesVersion target) {
        if (running.major() != target.major()) {
            return Optional.empty();
        }
        if (running.minor() == target.minor()) {
            return target.patch() == running.patch() ? Optional.of(Step.SAME)
                    : target.patch() > running.patch() ? Optional.of(Step.PATCH_UPGRADE) : Optional.empty();
        }
        return target.minor() == running.minor() + 1 ? Optional.of(Step.MINOR_UPGRADE) : Optional.empty();
    }

    /** The furthest step any control-plane service of the cluster takes. */
    public static Step step(Collection<LegacyNode> nodes, KubernetesVersion target) {
        Step furthest = Step.SAME;
        for (LegacyNode node : nodes) {
            for (LegacyService service : node.services().values()) {
                if (service.component() != Component.KUBELET) {
                    Optional<Step> step = service.version().flatMap(v -> step(v, target));
                    if (step.isPresent() && step.get().compareTo(furthest) > 0) {
                        furthest = step.get();
                    }
                }
            }
        }
        return furthest;
    }

    /**
     * A note when the control plane's services do not all run one version (a cluster halfway
     * through an upgrade): {@code "kube-apiserver: v1.33.7 on node001; v1.32.11 on node002, node003"}.
     */
    public static Optional<String> mixed(Collection<LegacyNode> nodes) {
        Map<String, Map<String, List<String>>> byComponent = new TreeMap<>();
        for (LegacyNode node : nodes) {
            for (LegacyService service : node.services().values()) {
                if (service.component() != Component.KUBELET) {
                    byComponent.computeIfAbsent(service.component().key(), k -> new TreeMap<>())
                            .computeIfAbsent(service.version().map(KubernetesVersion::tag).orElse("unknown"), k -> new ArrayList<>())
                            .add(node.hostName());
                }
            }
        }
        List<String> mixed = new ArrayList<>();
        byComponent.forEach((component, versions) -> {
            if (versions.size() > 1) {
                mixed.add(component + ": " + versions.entrySet().stream().map(e -> e.getKey() + " on " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("; ")));
            }
        });
        return mixed.isEmpty() ? Optional.empty() : Optional.of("the control plane runs mixed versions (" + String.join("; ", mixed) + ")");
    }

    private static String next(KubernetesVersion version) {
        return "1." + (version.minor() + 1);
    }
}
