package dev.mast.cli;

import dev.mast.cluster.ClusterException;
import dev.mast.cluster.KubeApi;
import dev.mast.cluster.KubeconfigException;
import dev.mast.cluster.logs.ApiLogs;
import dev.mast.cluster.logs.LogException;
import dev.mast.cluster.logs.LogOrigin;
import dev.mast.cluster.logs.LogRequest;
import dev.mast.cluster.logs.LogStream;
import dev.mast.cluster.runtime.LogSources;
import dev.mast.cluster.runtime.NodeRuntime;
import dev.mast.cluster.runtime.NodeSessions;
import dev.mast.node.NodeConnector;
import dev.mast.plan.LoadedPlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mast logs}: a container's logs like {@code kubectl logs}, through the API, or for the
 * plan's control-plane pods from the node's container runtime over SSH ({@code --via-node}, or
 * by itself when the API server does not answer and a plan is given).
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Prints a container's logs like kubectl logs; --via-node reads them from the node's runtime.")
final class LogsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "POD", description = "The pod, e.g. kube-apiserver-node001.")
    String pod;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "kube-system", description = "The namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME", description = "The container (default: the pod's default container).")
    String container;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", defaultValue = "-1", description = "Only the last N lines (default: all).")
    int tail;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only lines newer than this, e.g. 10m or 1h30m.")
    String since;

    @Option(names = "--timestamps", description = "Prefix each line with its time.")
    boolean timestamps;

    @Option(names = {"-p", "--previous"}, description = "The previous, terminated instance of the container.")
    boolean previous;

    @Option(names = "--via-node", description = "Read from the node's container runtime over SSH (needs --plan).")
    boolean viaNode;

    @Mixin
    NodeOptions nodes;

    @Mixin
    KubeOptions kube;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<LogRequest> request = request(err);
        if (request.isEmpty()) {
            return MastCommand.BAD_INPUT;
        }
        if (viaNode && !nodes.hasPlan()) {
            err.println("mast logs: --via-node needs --plan FILE to know the nodes and how to reach them");
            return MastCommand.BAD_INPUT;
        }
        Optional<LoadedPlan> plan = nodes.loadPlan("logs", err);
        if (nodes.hasPlan() && plan.isEmpty()) {
            return MastCommand.BAD_INPUT;
        }
        try (NodeConnector connector = nodes.connector();
             NodeSessions sessions = new NodeSessions(connector)) {
            Optional<KubeApi> api = Optional.empty();
            if (!viaNode) {
                try {
                    api = Optional.of(kube.connect(NodeOptions.apiRoute(plan, Optional.of(connector))));
                } catch (KubeconfigException | ClusterException e) {
                    // Without a plan the API is asked straight, so only a kubeconfig can be wrong here.
                    if (plan.isEmpty()) {
                        err.println("mast logs: " + e.getMessage());
                        return MastCommand.BAD_INPUT;
                    }
                    err.println("mast logs: " + e.getMessage() + " Reading from the nodes instead.");
                }
            }
            try {
                var sources = new LogSources(api.map(ApiLogs::new), plan.map(p -> new NodeRuntime(p.plan(), sessions)));
                return stream(sources, request.get(), out, err);
            } finally {
                api.ifPresent(KubeApi::close);
            }
        }
    }

    private Optional<LogRequest> request(PrintWriter err) {
        if (tail < -1) {
            err.println("mast logs: --tail must be a number of lines, or -1 for all; got " + tail);
            return Optional.empty();
        }
        Optional<Duration> sinceDuration = Optional.empty();
        if (since != null) {
            try {
                sinceDuration = Optional.of(GoDuration.parse(since));
            } catch (IllegalArgumentException e) {
                err.println("mast logs: --since: " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(new LogRequest(namespace, pod, container == null ? "" : container, follow,
                tail < 0 ? OptionalInt.empty() : OptionalInt.of(tail), sinceDuration, timestamps, previous));
    }

    private int stream(LogSources sources, LogRequest request, PrintWriter out, PrintWriter err) {
        LogSources.Route route = viaNode ? LogSources.Route.NODE_RUNTIME : LogSources.Route.AUTO;
        Thread main = Thread.currentThread();
        Thread hook = new Thread(main::interrupt, "mast-logs-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        LogStream stream = null;
        try {
            stream = sources.open(request, route, false, out::println);
            if (stream.origin().kind() == LogOrigin.Kind.NODE_RUNTIME) {
                err.println("mast logs: " + request.namespace() + "/" + request.pod() + " "
                        + stream.origin().describeWithContainer());
                err.flush();
            }
            stream.done().get();
            out.flush();
            return MastCommand.OK;
        } catch (LogException e) {
            err.println("mast logs: " + e.getMessage() + (e.apiUnreachable() && !nodes.hasPlan()
                    ? " For a control-plane pod, give --plan FILE to read its logs from the node." : ""));
            return MastCommand.FAILED;
        } catch (ExecutionException e) {
            out.flush();
            err.println("mast logs: " + e.getCause().getMessage());
            return MastCommand.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MastCommand.OK;
        } finally {
            if (stream != null) {
                stream.close();
            }
            out.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is what stopped us.
            }
        }
    }
}
