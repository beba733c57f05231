package dev.mast.manifest.addons;

import dev.mast.plan.Plan;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.List;
import java.util.Map;

/**
 * The pod network: flannel with VXLAN over the plan's pod CIDR. The controller-manager hands
 * each node its pod subnet ({@code --allocate-node-cidrs}), flannel routes between them.
 */
public final class Flannel {
    static final String NAMESPACE = "kube-flannel";
    static final String IMAGE = "ghcr.io/flannel-io/flannel:v0.26.7";
    static final String CNI_PLUGIN_IMAGE = "ghcr.io/flannel-io/flannel-cni-plugin:v1.6.2-flannel1";
    private static final Map<String, String> LABELS = Map.of("app", "flannel", "k8s-app", "flannel", "tier", "node");

    private Flannel() {
    }

    public static List<HasMetadata> objects(Plan plan) {
        return List.of(namespace(), serviceAccount(), clusterRole(), clusterRoleBinding(), configMap(plan), daemonSet());
    }

    private static HasMetadata namespace() {
        return new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .withLabels(Map.of("pod-security.kubernetes.io/enforce", "privileged")).endMetadata().build();
    }

    private static HasMetadata serviceAccount() {
        return new ServiceAccountBuilder().withNewMetadata().withName("flannel").withNamespace(NAMESPACE).endMetadata().build();
    }

    private static HasMetadata clusterRole() {
        return new ClusterRoleBuilder().withNewMetadata().withName("flannel").endMetadata()
                .addNewRule().withApiGroups("").withResources("pods").withVerbs("get").endRule()
                .addNewRule().withApiGroups("").withResources("nodes").withVerbs("get", "list", "watch").endRule()
                .addNewRule().withApiGroups("").withResources("nodes/status").withVerbs("patch").endRule()
                .build();
    }

    private static HasMetadata clusterRoleBinding() {
        return new ClusterRoleBindingBuilder().withNewMetadata().withName("flannel").endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("flannel").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("flannel").withNamespace(NAMESPACE).endSubject()
                .build();
    }

    private static HasMetadata configMap(Plan plan) {
        String cniConf = """
                {
                  "name": "cbr0",
                  "cniVersion": "0.3.1",
                  "plugins": [
                    {"type": "flannel", "delegate": {"hairpinMode": true, "isDefaultGateway": true}},
                    {"type": "portmap", "capabilities": {"portMappings": true}}
                  ]
                }
                """;
        String netConf = """
                {
                  "Network": "%s",
                  "EnableNFTables": false,
                  "Backend": {"Type": "vxlan"}
                }
                """.formatted(plan.podCidr());
        return new ConfigMapBuilder().withNewMetadata().withName("kube-flannel-cfg").withNamespace(NAMESPACE)
                .withLabels(LABELS).endMetadata()
                .addToData("cni-conf.json", cniConf).addToData("net-conf.json", netConf).build();
    }

    private static Volume hostPath(String name, String path, String type) {
        return new VolumeBuilder().withName(name).withNewHostPath().withPath(path).withType(type).endHostPath().build();
    }

    private static HasMetadata daemonSet() {
        var installPlugin = new ContainerBuilder().withName("install-cni-plugin").withImage(CNI_PLUGIN_IMAGE)
                .withCommand("cp").withArgs("-f", "/flannel", "/opt/cni/bin/flannel")
                .addNewVolumeMount().withName("cni-plugin").withMountPath("/opt/cni/bin").endVolumeMount().build();
        var installConf = new ContainerBuilder().withName("install-cni").withImage(IMAGE)
                .withCommand("cp").withArgs("-f", "/etc/kube-flannel/cni-conf.json", "/etc/cni/net.d/10-flannel.conflist")
                .addNewVolumeMount().withName("cni").withMountPath("/etc/cni/net.d").endVolumeMount()
                .addNewVolumeMount().withName("flannel-cfg").withMountPath("/etc/kube-flannel/").endVolumeMount().build();
        var flannel = new ContainerBuilder().withName("kube-flannel").withImage(IMAGE)
                .withCommand("/opt/bin/flanneld").withArgs("--ip-masq", "--kube-subnet-mgr")
                .withNewResources().addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("50Mi"))
                .endResources()
                .withNewSecurityContext().withPrivileged(false)
                .withNewCapabilities().withAdd("NET_ADMIN", "NET_RAW").endCapabilities().endSecurityContext()
                .withEnv(new EnvVarBuilder().withName("POD_NAME").withNewValueFrom().withNewFieldRef()
                                .withFieldPath("metadata.name").endFieldRef().endValueFrom().build(),
                        new EnvVarBuilder().withName("POD_NAMESPACE").withNewValueFrom().withNewFieldRef()
                                .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().build(),
                        new EnvVarBuilder().withName("EVENT_QUEUE_DEPTH").withValue("5000").build())
                .addNewVolumeMount().withName("run").withMountPath("/run/flannel").endVolumeMount()
                .addNewVolumeMount().withName("flannel-cfg").withMountPath("/etc/kube-flannel/").endVolumeMount()
                .addNewVolumeMount().withName("xtables-lock").withMountPath("/run/xtables.lock").endVolumeMount()
                .build();
        return new DaemonSetBuilder()
                .withNewMetadata().withName("kube-flannel-ds").withNamespace(NAMESPACE).withLabels(LABELS).endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "flannel")).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(LABELS).endMetadata()
                .withNewSpec()
                .withHostNetwork(true)
                .withPriorityClassName("system-node-critical")
                .withServiceAccountName("flannel")
                .withTolerations(new TolerationBuilder().withOperator("Exists").withEffect("NoSchedule").build())
                .withInitContainers(installPlugin, installConf)
                .withContainers(flannel)
                .withVolumes(hostPath("run", "/run/flannel", "DirectoryOrCreate"),
                        hostPath("cni-plugin", "/opt/cni/bin", "DirectoryOrCreate"),
                        hostPath("cni", "/etc/cni/net.d", "DirectoryOrCreate"),
                        hostPath("xtables-lock", "/run/xtables.lock", "FileOrCreate"),
                        new VolumeBuilder().withName("flannel-cfg").withNewConfigMap().withName("kube-flannel-cfg").endConfigMap().build())
                .endSpec().endTemplate().endSpec().build();
    }
}
