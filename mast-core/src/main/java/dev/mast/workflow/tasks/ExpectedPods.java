package dev.mast.workflow.tasks;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pods a node's final check waits for, and why each one is not Ready yet: its static pods
 * (mirror pods by name in kube-system), the pod every DaemonSet runs on it, and, on the node that
 * checks the cluster as a whole, the replicas of every Deployment.
 *
 * @param staticPods  kube-system names of the node's mirror pods ({@code kube-apiserver-node001})
 * @param daemonSets  DaemonSets that run one pod on this node
 * @param deployments Deployments whose replicas must all be Ready (empty but on one node)
 */
public record ExpectedPods(String node, List<String> staticPods, List<Workload> daemonSets, List<Workload> deployments) {

    /** The DaemonSets, then the Deployments. */
    public List<Workload> workloads() {
        return Stream.concat(daemonSets.stream(), deployments.stream()).toList();
    }


    /** A DaemonSet or Deployment, as far as the check needs it: where its pods are, how to know them, how many. */
    public record Workload(String kind, String namespace, String name, Map<String, String> selector, int replicas) {
        public static Stream<Workload> of(HasMetadata object) {
            if (object instanceof DaemonSet set) {
                return Stream.of(new Workload("DaemonSet", set.getMetadata().getNamespace(), set.getMetadata().getName(),
                        set.getSpec().getSelector().getMatchLabels(), 1));
            }
            if (object instanceof Deployment deployment) {
                Integer replicas = deployment.getSpec().getReplicas();
                return Stream.of(new Workload("Deployment", deployment.getMetadata().getNamespace(), deployment.getMetadata().getName(),
                        deployment.getSpec().getSelector().getMatchLabels(), replicas == null ? 1 : replicas));
            }
            return Stream.empty();
        }

        public boolean owns(Pod pod) {
            Map<String, String> labels = pod.getMetadata().getLabels();
            return namespace.equals(pod.getMetadata().getNamespace()) && pod.getMetadata().getDeletionTimestamp() == null
                    && labels != null && labels.entrySet().containsAll(selector.entrySet());
        }

        public String label() {
            return namespace + "/" + name;
        }
    }

    /** Every expected pod's name (or what stands for it) as listed, for the log. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>(staticPods);
        daemonSets.forEach(d -> lines.add(d.label() + " pod on " + node));
        deployments.forEach(d -> lines.add(d.label() + " (" + d.replicas() + " " + (d.replicas() == 1 ? "replica" : "replicas") + ")"));
        return lines;
    }

    /** What is not Ready yet, one sentence per pod or workload; empty when everything is. */
    public List<String> notReady(List<Pod> pods) {
        List<String> problems = new ArrayList<>();
        for (String name : staticPods) {
            pods.stream().filter(p -> "kube-system".equals(p.getMetadata().getNamespace()) && name.equals(p.getMetadata().getName()))
                    .findFirst()
                    .ifPresentOrElse(p -> {
                        if (!isRunningAndReady(p)) {
                            problems.add(name + " (" + why(p) + ")");
                        }
                    }, () -> problems.add(name + " (not listed yet)"));
        }
        for (Workload set : daemonSets) {
            List<Pod> mine = pods.stream().filter(set::owns).filter(p -> node.equals(p.getSpec().getNodeName())).toList();
            if (mine.isEmpty()) {
                problems.add(set.label() + " has no pod on " + node + " yet");
            } else if (mine.stream().noneMatch(ExpectedPods::isRunningAndReady)) {
                mine.forEach(p -> problems.add(p.getMetadata().getName() + " (" + why(p) + ")"));
            }
        }
        for (Workload deployment : deployments) {
            List<Pod> mine = pods.stream().filter(deployment::owns).sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
            long ready = mine.stream().filter(ExpectedPods::isRunningAndReady).count();
            if (ready < deployment.replicas()) {
                StringBuilder line = new StringBuilder(deployment.label() + ": " + ready + " of " + deployment.replicas() + " pods Ready");
                mine.stream().filter(p -> !isRunningAndReady(p))
                        .forEach(p -> line.append("; ").append(p.getMetadata().getName()).append(" on ")
                                .append(p.getSpec().getNodeName() == null ? "no node" : p.getSpec().getNodeName())
                                .append(" (").append(why(p)).append(")"));
                problems.add(line.toString());
            }
        }
        return problems;
    }

    public static boolean isRunningAndReady(Pod pod) {
        return pod != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** {@code Running, not Ready: coredns CrashLoopBackOff}: the pod's phase and each unready container's state. */
    public static String why(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getPhase() == null) {
            return "no status yet";
        }
        List<String> containers = new ArrayList<>();
        List<ContainerStatus> statuses = new ArrayList<>();
        if (pod.getStatus().getInitContainerStatuses() != null) {
            statuses.addAll(pod.getStatus().getInitContainerStatuses());
        }
        if (pod.getStatus().getContainerStatuses() != null) {
            statuses.addAll(pod.getStatus().getContainerStatuses());
        }
        for (ContainerStatus status : statuses) {
            if (Boolean.TRUE.equals(status.getReady())) {
                continue;
            }
            var state = status.getState();
            if (state != null && state.getWaiting() != null && state.getWaiting().getReason() != null) {
                containers.add(status.getName() + " " + state.getWaiting().getReason());
            } else if (state != null && state.getTerminated() != null && !"Completed".equals(state.getTerminated().getReason())) {
                containers.add(status.getName() + " terminated: " + state.getTerminated().getReason());
            } else if (state != null && state.getRunning() != null) {
                containers.add(status.getName() + " running, not ready");
            }
        }
        String phase = pod.getStatus().getPhase();
        String readiness = "Running".equals(phase) ? ", not Ready" : "";
        return phase + readiness + (containers.isEmpty() ? "" : ": " + String.join(", ", containers));
    }
}
