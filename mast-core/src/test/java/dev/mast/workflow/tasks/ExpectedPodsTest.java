package dev.mast.workflow.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedPodsTest {
    private static final ExpectedPods.Workload FLANNEL =
            new ExpectedPods.Workload("DaemonSet", "kube-flannel", "kube-flannel-ds", Map.of("app", "flannel"), 1);
    private static final ExpectedPods.Workload DNS =
            new ExpectedPods.Workload("Deployment", "kube-system", "coredns", Map.of("k8s-app", "kube-dns"), 2);
    private static final ExpectedPods MASTER = new ExpectedPods("node001", List.of("kube-apiserver-node001"), List.of(FLANNEL),
            List.of(DNS));

    private static Pod pod(String namespace, String name, String node, Map<String, String> labels, boolean ready, String waiting) {
        var builder = new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withNodeName(node).endSpec()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .addNewContainerStatus().withName(name.split("-")[0]).withReady(ready)
                .withNewState().withNewWaiting().withReason(waiting).endWaiting().endState().endContainerStatus()
                .endStatus();
        return builder.build();
    }

    @Test
    void everythingReadyLeavesNothingToWaitFor() {
        List<Pod> pods = List.of(pod("kube-system", "kube-apiserver-node001", "node001", Map.of(), true, null),
                pod("kube-flannel", "kube-flannel-ds-abcde", "node001", Map.of("app", "flannel"), true, null),
                pod("kube-system", "coredns-1-a", "node001", Map.of("k8s-app", "kube-dns"), true, null),
                pod("kube-system", "coredns-1-b", "node002", Map.of("k8s-app", "kube-dns"), true, null));
        assertEquals(List.of(), MASTER.notReady(pods));
    }

    @Test
    void namesEachPodThatIsNotReadyWithItsPhaseAndContainerReason() {
        List<Pod> pods = List.of(pod("kube-flannel", "kube-flannel-ds-abcde", "node002", Map.of("app", "flannel"), true, null),
                pod("kube-system", "coredns-1-a", "node001", Map.of("k8s-app", "kube-dns"), true, null),
                pod("kube-system", "coredns-1-b", "node002", Map.of("k8s-app", "kube-dns"), false, "CrashLoopBackOff"));
        assertEquals(List.of("kube-apiserver-node001 (not listed yet)",
                        "kube-flannel/kube-flannel-ds has no pod on node001 yet",
                        "kube-system/coredns: 1 of 2 pods Ready; coredns-1-b on node002 (Running, not Ready: coredns CrashLoopBackOff)"),
                MASTER.notReady(pods));
    }

    @Test
    void podsOfOtherNamespacesOrLabelsDoNotCount() {
        List<Pod> pods = List.of(pod("kube-system", "kube-apiserver-node001", "node001", Map.of(), true, null),
                pod("kube-system", "kube-flannel-ds-abcde", "node001", Map.of("app", "flannel"), true, null),
                pod("kube-system", "coredns-1-a", "node001", Map.of("k8s-app", "other"), true, null));
        assertEquals(List.of("kube-flannel/kube-flannel-ds has no pod on node001 yet", "kube-system/coredns: 0 of 2 pods Ready"),
                MASTER.notReady(pods));
    }
}
