package dev.mast.plan;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Kismatic's {@code cluster.kube_*.option_overrides} as the plan's extra flags, for the plan's
 * Kubernetes release. An override is dropped, with a located warning, when Mast sets the flag
 * itself or the release removed it (Kismatic ran 1.5 to 1.10); the kubelet's {@code cluster-dns}
 * and {@code cluster-domain} are not extra flags but the plan's DNS address and domain.
 */
final class KismaticOverrides {
    private static final Map<String, Component> SECTIONS = sections();

    private final KismaticTree tree;
    private final KubernetesVersion version;
    private final Map<Component, Map<String, String>> flags = new EnumMap<>(Component.class);
    private Optional<String> clusterDns = Optional.empty();
    private Optional<String> clusterDomain = Optional.empty();

    private KismaticOverrides(KismaticTree tree, KubernetesVersion version) {
        this.tree = tree;
        this.version = version;
    }

    static KismaticOverrides read(KismaticTree tree, KubernetesVersion version) {
        var overrides = new KismaticOverrides(tree, version);
        SECTIONS.forEach(overrides::readSection);
        return overrides;
    }

    Map<Component, Map<String, String>> extraFlags() {
        return flags;
    }

    /** The kubelet's {@code cluster-dns} override: the address every pod was told to ask for names. */
    Optional<String> clusterDns() {
        return clusterDns;
    }

    Optional<String> clusterDomain() {
        return clusterDomain;
    }

    private void readSection(String section, Component component) {
        String path = "cluster." + section + ".option_overrides";
        tree.use(path);
        var values = new LinkedHashMap<String, String>();
        for (String flag : tree.keys(path)) {
            String flagPath = path + "." + flag;
            String value = tree.text(flagPath).orElse("");
            String name = flag.replaceFirst("^-+", "");
            Optional<RemovedFlags.Removal> removal = RemovedFlags.find(component, name, value, version);
            if (component == Component.KUBELET && name.equals("cluster-dns")) {
                clusterDns = Optional.of(value);
            } else if (component == Component.KUBELET && name.equals("cluster-domain")) {
                clusterDomain = Optional.of(value);
                tree.warn(flagPath, "the kubelets' DNS domain; the plan keeps it as cluster.dnsDomain");
            } else if (ManagedFlags.isManaged(component, name)) {
                tree.warn(flagPath, "Mast sets --" + name + " on " + component.key() + " itself; the override is dropped");
            } else if (removal.isPresent()) {
                tree.warn(flagPath, removal.get().describe()
                        + "; the override is dropped, Kubernetes " + version + " would not start with it");
            } else {
                RemovedFlags.deprecation(component, name).ifPresent(warning -> tree.warn(flagPath, warning));
                if (component.isStaticPod()) {
                    HostPaths.pathsIn(value).stream().filter(p -> HostPaths.folderToMount(p).isEmpty()).findFirst()
                            .ifPresent(p -> tree.warn(flagPath, HostPaths.unmountable(component, name, p)
                                    + "; mast validate refuses the plan until it is moved"));
                }
                values.put(name, value);
            }
        }
        flags.put(component, values);
    }

    private static Map<String, Component> sections() {
        var sections = new LinkedHashMap<String, Component>();
        sections.put("kube_apiserver", Component.KUBE_APISERVER);
        sections.put("kube_controller_manager", Component.KUBE_CONTROLLER_MANAGER);
        sections.put("kube_scheduler", Component.KUBE_SCHEDULER);
        sections.put("kube_proxy", Component.KUBE_PROXY);
        sections.put("kubelet", Component.KUBELET);
        return sections;
    }
}
