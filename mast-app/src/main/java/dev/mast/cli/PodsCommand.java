package dev.mast.cli;

import dev.mast.cluster.ClusterException;
import dev.mast.cluster.ConnectionState;
import dev.mast.cluster.KubeApi;
import dev.mast.cluster.KubeconfigException;
import dev.mast.cluster.PodEvent;
import dev.mast.cluster.PodKey;
import dev.mast.cluster.PodRow;
import dev.mast.cluster.PodScope;
import dev.mast.cluster.PodWatch;
import dev.mast.cluster.runtime.NodeRuntime;
import dev.mast.cluster.runtime.NodeSessions;
import dev.mast.cluster.runtime.RuntimePods;
import dev.mast.node.NodeConnector;
import dev.mast.plan.LoadedPlan;
import dev.mast.plan.Plan;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mast pods}: the pod list as {@code kubectl get pods -o wide} prints it, once or live. */
@Command(name = "pods", mixinStandardHelpOptions = true, description = "Lists pods like kubectl get pods (NAME, READY, STATUS, RESTARTS, AGE, NODE); with --plan, the control-plane pods from the nodes while the API server is down.")
final class PodsCommand implements Callable<Integer> {
    @Mixin
    KubeOptions kube;

    @ArgGroup(exclusive = true)
    Scope scope = new Scope();

    static final class Scope {
        @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "The namespace (default: kube-system).")
        String namespace;

        @Option(names = {"-A", "--all-namespaces"}, description = "Pods of every namespace.")
        boolean all;
    }

    @Option(names = {"-w", "--watch"}, description = "Keep printing pods as they change, until interrupted.")
    boolean watch;

    @Mixin
    NodeOptions nodes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PodScope pods = scope.all ? PodScope.all()
                : PodScope.namespace(scope.namespace == null ? "kube-system" : scope.namespace);
        Optional<LoadedPlan> plan = nodes.loadPlan("pods", err);
        if (nodes.hasPlan() && plan.isEmpty()) {
            return MastCommand.BAD_INPUT;
        }
        Optional<NodeConnector> connector = nodes.connector(plan);
        try (KubeApi api = kube.connect(NodeOptions.apiRoute(plan, connector))) {
            List<PodRow> rows = api.listPods(pods);
            Instant now = Instant.now();
            PodTable table = PodTable.fitting(rows, pods.allNamespaces(), now);
            if (rows.isEmpty() && !watch) {
                err.println("No pods found in " + pods + ".");
            } else {
                out.println(table.headerLine());
                rows.forEach(row -> out.println(table.line(row, now)));
            }
            out.flush();
            return watch ? watch(api, pods, table, rows, out, err) : MastCommand.OK;
        } catch (KubeconfigException e) {
            err.println("mast pods: " + e.getMessage());
            return MastCommand.BAD_INPUT;
        } catch (ClusterException e) {
            err.println("mast pods: " + e.getMessage());
            if (!e.unreachable()) {
                return MastCommand.FAILED;
            }
            if (plan.isEmpty()) {
                err.println("mast pods: give --plan FILE to list the control-plane pods as the nodes' container runtimes see them.");
                return MastCommand.FAILED;
            }
            return fromNodes(plan.get().plan(), connector.orElseThrow(), pods, out, err);
        } finally {
            connector.ifPresent(NodeConnector::close);
        }
    }

    /** The control plane's static pods as each node's runtime sees them, as the pod list shows them while the API server is down. */
    private int fromNodes(Plan plan, NodeConnector connector, PodScope pods, PrintWriter out, PrintWriter err) {
        if (pods.namespace().filter(ns -> !ns.equals("kube-system")).isPresent()) {
            err.println("mast pods: the nodes' container runtimes show only the control plane's static pods, in kube-system.");
            return MastCommand.FAILED;
        }
        try (NodeSessions sessions = new NodeSessions(connector)) {
            NodeRuntime runtime = new NodeRuntime(plan, sessions);
            RuntimePods.Listing listing = new RuntimePods(runtime).list();
            err.println("mast pods: the control-plane pods as each node's " + runtime.runtimeName() + " sees them:");
            err.flush();
            Instant now = Instant.now();
            PodTable table = PodTable.fitting(listing.rows(), pods.allNamespaces(), now);
            out.println(table.headerLine());
            listing.rows().forEach(row -> out.println(table.line(row, now)));
            out.flush();
            listing.problems().forEach(problem -> err.println("mast pods: " + problem));
            return listing.problems().isEmpty() ? MastCommand.OK : MastCommand.FAILED;
        }
    }

    /** Prints each change after the first list, until the thread is interrupted (Ctrl-C). */
    private int watch(KubeApi api, PodScope pods, PodTable table, List<PodRow> listed, PrintWriter out, PrintWriter err) {
        Map<PodKey, PodRow> shown = new HashMap<>();
        listed.forEach(row -> shown.put(row.key(), row));
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Thread hook = new Thread(main::interrupt, "mast-pods-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (PodWatch watch = api.watchPods(pods, Runnable::run, events -> print(events, shown, table, out, err))) {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is what stopped us.
            }
        }
        out.flush();
        return MastCommand.OK;
    }

    private static void print(List<PodEvent> events, Map<PodKey, PodRow> shown, PodTable table, PrintWriter out,
                              PrintWriter err) {
        Instant now = Instant.now();
        for (PodEvent event : events) {
            if (event instanceof PodEvent.Upsert upsert) {
                // The watch starts with the whole list again; print only what differs from what is on screen.
                if (!upsert.row().equals(shown.put(upsert.row().key(), upsert.row()))) {
                    out.println(table.line(upsert.row(), now));
                }
            } else if (event instanceof PodEvent.Removed removed) {
                PodRow last = shown.remove(removed.key());
                if (last != null) {
                    out.println(table.line(last, "Deleted", now));
                }
            } else if (event instanceof PodEvent.Connection connection) {
                ConnectionState state = connection.status().state();
                if (state.apiDown()) {
                    err.println("mast pods: API server unreachable at " + connection.status().server()
                            + " — reconnecting" + (connection.status().problem().isEmpty() ? ""
                            : " (" + connection.status().problem() + ")"));
                } else if (state == ConnectionState.CONNECTED) {
                    err.println("mast pods: watching " + connection.status().server());
                }
                err.flush();
            }
        }
        out.flush();
    }
}
