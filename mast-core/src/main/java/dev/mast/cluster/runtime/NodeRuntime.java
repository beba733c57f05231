package dev.mast.cluster.runtime;

import dev.mast.cluster.logs.LogOrigin;
import dev.mast.cluster.logs.LogRequest;
import dev.mast.cluster.logs.LogSink;
import dev.mast.cluster.logs.LogStream;
import dev.mast.concurrent.DaemonThreads;
import dev.mast.node.Command;
import dev.mast.node.CommandResult;
import dev.mast.node.NodeException;
import dev.mast.node.OutputCapture;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The plan's nodes' container runtimes over SSH: the kubelet's containers of a static pod
 * (running or exited), and a container's logs streamed line by line, as a person would get
 * them with {@code crictl} or {@code docker} on the node when the API server is down.
 */
public final class NodeRuntime {
    static final Duration LIST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration READ_TIMEOUT = Duration.ofMinutes(30);
    /** A followed log has no end of its own; the viewer closes it. */
    static final Duration FOLLOW_TIMEOUT = Duration.ofDays(365);

    private static final ExecutorService READERS = DaemonThreads.pool("mast-runtime-logs");

    private final Plan plan;
    private final NodeSessions sessions;
    private final RuntimeTool tool;

    public NodeRuntime(Plan plan, NodeSessions sessions) {
        this.plan = plan;
        this.sessions = sessions;
        this.tool = RuntimeTool.of(plan.runtime());
    }

    public Plan plan() {
        return plan;
    }

    /** {@code containerd} or {@code docker}. */
    public String runtimeName() {
        return tool.runtimeName();
    }

    /** The plan's static pod of that name, if it is one (only those can be read from a node). */
    public Optional<ControlPlanePod> controlPlanePod(String namespace, String podName) {
        return ControlPlanePod.find(plan, namespace, podName);
    }

    /** Every container the kubelet started on the node, exited ones included. */
    public List<RuntimeContainer> containers(Node node) throws NodeRuntimeException {
        return list(node, null, null);
    }

    /** The pod's containers, newest first (highest attempt, then latest created). */
    public List<RuntimeContainer> containers(ControlPlanePod pod) throws NodeRuntimeException {
        return list(pod.node(), pod.component().key(), pod.podName()).stream()
                .filter(c -> c.name().equals(pod.component().key()) && c.podName().equalsIgnoreCase(pod.podName())
                        && ControlPlanePod.NAMESPACE.equals(c.namespace()))
                .sorted(Comparator.comparingInt(RuntimeContainer::attempt).reversed()
                        .thenComparing(RuntimeContainer::created, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /**
     * The current container of the pod (the newest that started), or with {@code previous} the one
     * before it.
     */
    public RuntimeContainer find(ControlPlanePod pod, boolean previous) throws NodeRuntimeException {
        List<RuntimeContainer> containers = containers(pod);
        String where = tool.runtimeName() + " on " + pod.node().hostName();
        if (containers.isEmpty()) {
            throw new NodeRuntimeException(pod.node().hostName(), "No " + pod.component().key() + " container of pod "
                    + pod.podName() + " in " + where + "; the kubelet has not started it (check the manifest and"
                    + " the kubelet's log).", List.of(), null);
        }
        // Between two attempts of a crash loop the kubelet's newest container exists but has not started, so it has
        // no log yet: the current one is the newest that ran, as kubectl shows a crash-looping pod's last run.
        int current = 0;
        while (current < containers.size() - 1 && containers.get(current).state() == RuntimeContainer.State.CREATED) {
            current++;
        }
        if (previous) {
            if (current + 1 >= containers.size()) {
                throw new NodeRuntimeException(pod.node().hostName(), "No previous " + pod.component().key()
                        + " container of pod " + pod.podName() + " in " + where + "; only the current one (attempt "
                        + containers.get(current).attempt() + ") is kept.", List.of(), null);
            }
            return containers.get(current + 1);
        }
        return containers.get(current);
    }

    private List<RuntimeContainer> list(Node node, String component, String podName) throws NodeRuntimeException {
        String script = tool.listScript(component, podName);
        OutputCapture output = new OutputCapture();
        CommandResult result = run(node, Command.idempotent(script).asRoot().withTimeout(LIST_TIMEOUT), output,
                "listing containers");
        if (!result.succeeded()) {
            throw new NodeRuntimeException(node.hostName(), "Listing containers on " + node.hostName() + " with `"
                    + script + "` failed with exit status " + result.exitStatus() + ": "
                    + String.join(" / ", result.lastLines()), result.lastLines(), null);
        }
        try {
            return tool.parse(output.stdoutLines());
        } catch (IllegalArgumentException e) {
            throw new NodeRuntimeException(node.hostName(), "Listing containers on " + node.hostName() + ": "
                    + e.getMessage() + ".", output.stdoutLines(), e);
        }
    }

    private CommandResult run(Node node, Command command, OutputCapture sink, String action) throws NodeRuntimeException {
        try {
            return sessions.connection(node).run(command, sink);
        } catch (NodeException e) {
            throw new NodeRuntimeException(node.hostName(), Character.toUpperCase(action.charAt(0)) + action.substring(1)
                    + " on " + node.hostName() + ": " + e.getMessage(), List.of(), e);
        } catch (IllegalStateException e) {
            // sshj says "Not connected" this way when the connection dropped between its check and the command.
            throw new NodeRuntimeException(node.hostName(), Character.toUpperCase(action.charAt(0)) + action.substring(1)
                    + " on " + node.hostName() + ": the SSH connection was lost (" + e.getMessage() + "); try again.",
                    List.of(), e);
        }
    }

    /**
     * Streams the logs of the pod's container (or the previous one) in the background.
     *
     * @param reason why the node is read instead of the API, for the source label; may be empty
     */
    public LogStream open(ControlPlanePod pod, LogRequest request, String reason, LogSink sink)
            throws NodeRuntimeException {
        RuntimeContainer container = find(pod, request.previous());
        String script = tool.logsScript(container.id(), request);
        Duration timeout = request.follow() ? FOLLOW_TIMEOUT : READ_TIMEOUT;
        LogOrigin origin = LogOrigin.nodeRuntime(pod.node().hostName(), tool.runtimeName(), container.shortId(), reason);
        return new RuntimeLogStream(sessions, pod.node(), Command.idempotent(script).asRoot().withTimeout(timeout),
                origin, sink, READERS);
    }
}
