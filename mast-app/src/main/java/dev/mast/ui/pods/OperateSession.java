package dev.mast.ui.pods;

import dev.mast.cluster.ApiRoute;
import dev.mast.cluster.logs.ApiLogs;
import dev.mast.cluster.logs.LogBuffer;
import dev.mast.cluster.runtime.LogSources;
import dev.mast.cluster.runtime.NodeRuntime;
import dev.mast.cluster.runtime.NodeSessions;
import dev.mast.plan.Plan;
import dev.mast.ui.common.DialogService;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.logs.LogTarget;
import dev.mast.ui.logs.LogViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The operate screens' models for one cluster: the pod list, the kubeconfig and context it uses,
 * and a log viewer's model for a pod of it. With the plan and SSH sessions to its nodes (after a run,
 * or a plan the user loaded), control-plane containers and logs are read from the nodes while the API
 * server is down. The views are built on it by {@link OperateScreens}; closing it stops the watch
 * and closes the cluster client and the node sessions.
 */
public final class OperateSession implements AutoCloseable {
    private final UiThreads threads;
    private final DialogService dialogs;
    private final Optional<Plan> plan;
    private final Optional<NodeSessions> sessions;
    private final Optional<NodeRuntime> runtime;
    private final PodsViewModel pods;
    private final ClusterChoiceViewModel cluster;
    private int lineCap = LogBuffer.DEFAULT_CAP;

    /** @param dialogs asks which kubeconfig to use and where to save a log */
    public OperateSession(UiThreads threads, Optional<Plan> plan, Optional<NodeSessions> sessions, DialogService dialogs, Clock clock) {
        this.threads = threads;
        this.dialogs = dialogs;
        this.plan = plan;
        this.sessions = plan.isPresent() ? sessions : Optional.empty();
        this.runtime = sessions.flatMap(s -> plan.map(p -> new NodeRuntime(p, s)));
        this.pods = new PodsViewModel(threads, clock, runtime);
        // The API is asked the way the plan's masters are reached: through their jump hosts, if they have any.
        ApiRoute route = this.sessions.flatMap(s -> plan.map(p -> ApiRoute.throughJumps(p, s.connector())))
                .orElse(ApiRoute.DIRECT);
        this.cluster = new ClusterChoiceViewModel(threads, dialogs, pods::useApi, route);
    }

    public OperateSession(UiThreads threads, Optional<Plan> plan, Optional<NodeSessions> sessions, DialogService dialogs) {
        this(threads, plan, sessions, dialogs, Clock.systemDefaultZone());
    }

    /** How many lines each log viewer keeps (default 200,000). */
    public OperateSession withLineCap(int cap) {
        if (cap < 1 || cap > LogBuffer.MAX_CAP) {
            throw new IllegalArgumentException("line cap must be between 1 and " + LogBuffer.MAX_CAP + ", not " + cap);
        }
        this.lineCap = cap;
        return this;
    }

    /** Reads the kubeconfig files (kubectl's own when empty: {@code KUBECONFIG}, else {@code ~/.kube/config}) and connects. */
    public void connect(List<Path> kubeconfigs) {
        if (kubeconfigs.isEmpty()) {
            cluster.loadDefault();
        } else {
            cluster.load(kubeconfigs);
        }
    }

    /** A log viewer's model for a pod of the list; it streams from {@code activate()} on. */
    public LogViewModel logs(LogTarget target) {
        var sources = new LogSources(pods.api().map(ApiLogs::new), runtime);
        return new LogViewModel(target, sources, pods::apiDown, threads, lineCap, dialogs);
    }

    public PodsViewModel pods() {
        return pods;
    }

    public ClusterChoiceViewModel cluster() {
        return cluster;
    }

    /** The plan whose nodes are asked while the API server is down, when there is one. */
    public Optional<Plan> plan() {
        return plan;
    }

    /** True when the nodes' runtimes can be asked (a plan and SSH sessions were given). */
    public boolean nodesKnown() {
        return runtime.isPresent();
    }

    /** Stops the watch and closes the cluster client and the node connections. */
    @Override
    public void close() {
        pods.deactivate();
        pods.api().ifPresent(api -> threads.background().execute(api::close));
        sessions.ifPresent(NodeSessions::close);
    }
}
