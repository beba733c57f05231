package dev.mast.workflow.legacy;

import dev.mast.manifest.FlagPathMounts;
import dev.mast.manifest.StaticPodManifest;
import dev.mast.manifest.StaticPodManifests;
import dev.mast.plan.Component;
import dev.mast.plan.HostPaths;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.RemovedFlags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The static pods a node's services become. A component that ran as a service keeps its own
 * flags, values exactly as systemd passed them, with every file they, its configuration file and
 * its kubeconfigs name mounted in place: the CA, keys, issuer, etcd endpoints and client
 * certificates, encryption configuration and audit policy stay the cluster's own, read where
 * they are. Only flags the target release no longer accepts are dropped, each named. A
 * component the node did not run as a service (kube-proxy on a Hard Way controller) gets Mast's
 * own manifest.
 */
public final class ConversionManifests {
    /** Flags that name the cluster's identity, for the preview's account of what is kept and where. */
    private static final List<String> IDENTITY = List.of("client-ca-file", "tls-cert-file", "tls-private-key-file",
            "service-account-key-file", "service-account-signing-key-file", "service-account-private-key-file",
            "service-account-issuer", "etcd-servers", "etcd-cafile", "etcd-certfile", "etcd-keyfile",
            "encryption-provider-config", "audit-policy-file", "audit-log-path", "kubeconfig", "config", "requestheader-client-ca-file",
            "proxy-client-cert-file", "kubelet-client-certificate", "cluster-signing-cert-file", "cluster-signing-key-file",
            "root-ca-file");

    /** A component's manifest and what the conversion says about it. */
    public record Converted(StaticPodManifest manifest, List<String> notes) {
        public Converted {
            notes = List.copyOf(notes);
        }
    }

    private ConversionManifests() {
    }

    public static Converted render(Plan plan, Node node, LegacyNode facts, Component component) {
        var service = facts.service(component);
        if (service.isEmpty()) {
            StaticPodManifest own = StaticPodManifests.forNode(plan, node).stream().filter(m -> m.component() == component)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(component.key() + " does not run on " + node.hostName()));
            return new Converted(own, List.of(component.key() + " ran as no service here: Mast's own manifest"));
        }
        List<String> notes = new ArrayList<>();
        // One catalogue of removed flags (plan.RemovedFlags), as validation and the Kismatic import use it.
        Map<String, RemovedFlags.Removal> removed = new LinkedHashMap<>();
        service.get().flags().flags().forEach(flag -> RemovedFlags.find(component, flag.name(), flag.value(), plan.version())
                .ifPresent(removal -> removed.putIfAbsent(flag.name(), removal)));
        removed.forEach((flag, removal) -> notes.add(component.key() + ": dropping --" + flag + ", which Kubernetes " + plan.version()
                + " refuses: " + removal.describe()));
        List<String> dropped = List.copyOf(removed.keySet());
        Map<String, List<String>> flags = new LinkedHashMap<>(service.get().flags().without(dropped).asMap());
        List<String> named = facts.namedPaths().getOrDefault(component, List.of());
        Set<String> directories = facts.paths().entrySet().stream().filter(e -> e.getValue() == LegacyNode.PathKind.DIRECTORY)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        StaticPodManifest manifest = StaticPodManifests.converted(plan, node, component, flags, named, directories);
        notes.addAll(identity(component, flags, named, directories));
        return new Converted(manifest, notes);
    }

    /** Where the files of the cluster's identity are, and how the pod sees them: in place, never copied. */
    private static List<String> identity(Component component, Map<String, List<String>> flags, List<String> named, Set<String> directories) {
        List<String> lines = new ArrayList<>();
        for (String flag : IDENTITY) {
            for (String value : flags.getOrDefault(flag, List.of())) {
                List<String> paths = HostPaths.pathsIn(value);
                String how = paths.isEmpty() ? "kept" : paths.stream().map(p -> FlagPathMounts.placement(component.key(), flag, p,
                        directories.contains(p)).describe()).distinct().collect(Collectors.joining(", ", "mounted in place (", ")"));
                lines.add(component.key() + ": --" + flag + "=" + value + " " + how);
                if (flag.equals("audit-log-path") && paths.stream().anyMatch(p -> FlagPathMounts.placement(component.key(), flag, p,
                        false).singleFile())) {
                    lines.add(component.key() + ": " + value + " is mounted as a single file: the API server cannot rename it beside"
                            + " itself, so rotating it (--audit-log-maxsize) fails; give it a folder of its own to let it rotate");
                }
            }
        }
        for (String path : named) {
            lines.add(component.key() + ": " + path + " (named in its configuration) mounted in place ("
                    + FlagPathMounts.placement(component.key(), "config", path, directories.contains(path)).describe() + ")");
        }
        return lines;
    }
}
