package dev.mast.cluster.runtime;

import dev.mast.cluster.PodRow;
import dev.mast.concurrent.DaemonThreads;
import dev.mast.plan.Component;
import dev.mast.plan.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The control plane's static pods as each node's runtime sees them, for the pod list while the
 * API server is down: one row per pod with the state of its newest container, its attempt as
 * RESTARTS, and the age of its oldest container still kept. Nodes are asked in parallel; a node
 * that cannot be asked is reported, not fatal.
 */
public final class RuntimePods {
    /** What the nodes said: rows, and one sentence per node that could not be asked. */
    public record Listing(List<PodRow> rows, List<String> problems) {
        public Listing {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    private static final ExecutorService NODES = DaemonThreads.pool("mast-runtime-list");

    private final NodeRuntime runtime;

    public RuntimePods(NodeRuntime runtime) {
        this.runtime = runtime;
    }

    /** Asks every node that runs static pods; blocks until all answered or failed. */
    public Listing list() {
        List<Node> nodes = runtime.plan().nodes().stream()
                .filter(node -> !node.staticPods().isEmpty()).toList();
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (Node node : nodes) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return rows(node, runtime.containers(node));
                } catch (NodeRuntimeException e) {
                    return e.getMessage();
                }
            }, NODES));
        }
        List<PodRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CompletableFuture<Object> answer : answers) {
            Object value = answer.join();
            if (value instanceof String problem) {
                problems.add(problem);
            } else {
                @SuppressWarnings("unchecked")
                List<PodRow> nodeRows = (List<PodRow>) value;
                rows.addAll(nodeRows);
            }
        }
        rows.sort(Comparator.comparing(PodRow::key));
        return new Listing(rows, problems);
    }

    /** The node's static pods from its containers; a pod without any container is left out. */
    List<PodRow> rows(Node node, List<RuntimeContainer> containers) {
        String via = runtime.runtimeName() + " on " + node.hostName();
        List<PodRow> rows = new ArrayList<>();
        for (Component component : node.staticPods()) {
            var pod = new ControlPlanePod(component, node);
            List<RuntimeContainer> mine = containers.stream()
                    .filter(c -> c.name().equals(component.key()) && c.podName().equalsIgnoreCase(pod.podName())
                            && ControlPlanePod.NAMESPACE.equals(c.namespace()))
                    .sorted(Comparator.comparingInt(RuntimeContainer::attempt).reversed()
                            .thenComparing(RuntimeContainer::created, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            if (mine.isEmpty()) {
                continue;
            }
            RuntimeContainer newest = mine.get(0);
            Instant oldest = mine.stream().map(RuntimeContainer::created).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            boolean running = newest.state() == RuntimeContainer.State.RUNNING;
            rows.add(new PodRow(ControlPlanePod.NAMESPACE, pod.podName(), running ? "1/1" : "0/1", status(newest),
                    newest.attempt(), newest.attempt() > 0 ? newest.created() : null, oldest, node.hostName(), true,
                    List.of(component.key()), List.of(), via));
        }
        return rows;
    }

    private static String status(RuntimeContainer container) {
        return switch (container.state()) {
            case RUNNING -> "Running";
            case CREATED -> "Created";
            case EXITED -> "Exited";
            case UNKNOWN -> "Unknown";
        };
    }
}
