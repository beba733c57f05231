package dev.mast.manifest.addons;

import dev.mast.plan.Plan;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.List;
import java.util.Map;

/** The cluster DNS add-on as kubeadm deploys it: CoreDNS behind the kube-dns service at the plan's DNS address (the tenth service IP by default). */
public final class CoreDns {
    private static final String NAMESPACE = "kube-system";
    private static final Map<String, String> LABELS = Map.of("k8s-app", "kube-dns");

    private CoreDns() {
    }

    public static List<HasMetadata> objects(Plan plan) {
        return List.of(serviceAccount(), clusterRole(), clusterRoleBinding(), configMap(plan), deployment(plan), service(plan));
    }

    private static HasMetadata serviceAccount() {
        return new ServiceAccountBuilder().withNewMetadata().withName("coredns").withNamespace(NAMESPACE).endMetadata().build();
    }

    private static HasMetadata clusterRole() {
        return new ClusterRoleBuilder().withNewMetadata().withName("system:coredns").endMetadata()
                .addNewRule().withApiGroups("").withResources("endpoints", "services", "pods", "namespaces")
                .withVerbs("list", "watch").endRule()
                .addNewRule().withApiGroups("").withResources("nodes").withVerbs("get").endRule()
                .addNewRule().withApiGroups("discovery.k8s.io").withResources("endpointslices").withVerbs("list", "watch").endRule()
                .build();
    }

    private static HasMetadata clusterRoleBinding() {
        return new ClusterRoleBindingBuilder().withNewMetadata().withName("system:coredns").endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("system:coredns").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("coredns").withNamespace(NAMESPACE).endSubject()
                .build();
    }

    private static HasMetadata configMap(Plan plan) {
        String corefile = """
                .:53 {
                    errors
                    health {
                       lameduck 5s
                    }
                    ready
                    kubernetes %s in-addr.arpa ip6.arpa {
                       pods insecure
                       fallthrough in-addr.arpa ip6.arpa
                       ttl 30
                    }
                    prometheus :9153
                    forward . /etc/resolv.conf {
                       max_concurrent 1000
                    }
                    cache 30
                    loop
                    reload
                    loadbalance
                }
                """.formatted(plan.dnsDomain());
        return new ConfigMapBuilder().withNewMetadata().withName("coredns").withNamespace(NAMESPACE).endMetadata()
                .addToData("Corefile", corefile).build();
    }

    private static HasMetadata deployment(Plan plan) {
        var container = new ContainerBuilder()
                .withName("coredns")
                .withImage("registry.k8s.io/coredns/coredns:" + plan.version().coreDnsTag())
                .withImagePullPolicy("IfNotPresent")
                .withArgs("-conf", "/etc/coredns/Corefile")
                .addNewPort().withName("dns").withContainerPort(53).withProtocol("UDP").endPort()
                .addNewPort().withName("dns-tcp").withContainerPort(53).withProtocol("TCP").endPort()
                .addNewPort().withName("metrics").withContainerPort(9153).withProtocol("TCP").endPort()
                .withNewResources()
                .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("70Mi"))
                .addToLimits("memory", new Quantity("170Mi"))
                .endResources()
                .withNewLivenessProbe().withNewHttpGet().withPath("/health").withPort(new IntOrString(8080)).withScheme("HTTP")
                .endHttpGet().withInitialDelaySeconds(60).withTimeoutSeconds(5).withFailureThreshold(5).endLivenessProbe()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString(8181)).withScheme("HTTP")
                .endHttpGet().endReadinessProbe()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withAdd("NET_BIND_SERVICE").withDrop("ALL").endCapabilities().endSecurityContext()
                .addNewVolumeMount().withName("config-volume").withMountPath("/etc/coredns").withReadOnly(true).endVolumeMount()
                .build();
        return new DeploymentBuilder()
                .withNewMetadata().withName("coredns").withNamespace(NAMESPACE).withLabels(LABELS).endMetadata()
                .withNewSpec().withReplicas(plan.clusterDns().replicas())
                .withNewSelector().withMatchLabels(LABELS).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate().withMaxUnavailable(new IntOrString(1))
                .endRollingUpdate().endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(LABELS).endMetadata()
                .withNewSpec()
                .withPriorityClassName("system-cluster-critical")
                .withServiceAccountName("coredns")
                .withTolerations(new TolerationBuilder().withKey("CriticalAddonsOnly").withOperator("Exists").build(),
                        new TolerationBuilder().withKey("node-role.kubernetes.io/control-plane").withEffect("NoSchedule").build())
                .withNodeSelector(Map.of("kubernetes.io/os", "linux"))
                .withContainers(container)
                .withDnsPolicy("Default")
                .addNewVolume().withName("config-volume").withNewConfigMap().withName("coredns")
                .addNewItem().withKey("Corefile").withPath("Corefile").endItem().endConfigMap().endVolume()
                .endSpec().endTemplate()
                .endSpec().build();
    }

    private static HasMetadata service(Plan plan) {
        return new ServiceBuilder()
                .withNewMetadata().withName("kube-dns").withNamespace(NAMESPACE)
                .withLabels(Map.of("k8s-app", "kube-dns", "kubernetes.io/name", "CoreDNS"))
                .withAnnotations(Map.of("prometheus.io/port", "9153", "prometheus.io/scrape", "true")).endMetadata()
                .withNewSpec().withClusterIP(plan.clusterDnsIp()).withSelector(LABELS)
                .addNewPort().withName("dns").withPort(53).withProtocol("UDP").withTargetPort(new IntOrString(53)).endPort()
                .addNewPort().withName("dns-tcp").withPort(53).withProtocol("TCP").withTargetPort(new IntOrString(53)).endPort()
                .addNewPort().withName("metrics").withPort(9153).withProtocol("TCP").withTargetPort(new IntOrString(9153)).endPort()
                .endSpec().build();
    }
}
