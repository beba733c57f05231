package dev.mast.cluster.runtime;

import dev.mast.cluster.logs.ApiLogs;
import dev.mast.cluster.logs.LogException;
import dev.mast.cluster.logs.LogRequest;
import dev.mast.cluster.logs.LogSink;
import dev.mast.cluster.logs.LogStream;
import java.util.Optional;

/**
 * Where a pod's logs are read from: the API, or for the plan's control-plane static pods the
 * node's container runtime over SSH. {@link Route#AUTO} reads the API and falls back to the node
 * when the API server is known to be down or does not answer; the stream's origin says which.
 */
public final class LogSources {
    /** Which way to read. */
    public enum Route {
        /** The API, and the node's runtime when the API server is unreachable. */
        AUTO,
        /** Only the API. */
        API,
        /** The node's runtime, whatever the API's state ("Always read from the node's runtime"). */
        NODE_RUNTIME
    }

    public static final String API_UNREACHABLE = "API server unreachable";

    private final Optional<ApiLogs> api;
    private final Optional<NodeRuntime> runtime;

    public LogSources(Optional<ApiLogs> api, Optional<NodeRuntime> runtime) {
        this.api = api;
        this.runtime = runtime;
    }

    /** True when the pod is a static pod of the plan and the plan's nodes can be reached over SSH. */
    public boolean canReadFromNode(String namespace, String pod) {
        return controlPlanePod(namespace, pod).isPresent();
    }

    public Optional<ControlPlanePod> controlPlanePod(String namespace, String pod) {
        return runtime.flatMap(r -> r.controlPlanePod(namespace, pod));
    }

    public boolean hasApi() {
        return api.isPresent();
    }

    /**
     * Opens the stream; blocks until the source answers. Call it off the UI thread.
     *
     * @param apiKnownDown the pod list already lost the API server: go to the node straight away
     */
    public LogStream open(LogRequest request, Route route, boolean apiKnownDown, LogSink sink) throws LogException {
        Optional<ControlPlanePod> pod = controlPlanePod(request.namespace(), request.pod());
        if (route == Route.NODE_RUNTIME) {
            return fromNode(request, pod, apiKnownDown ? API_UNREACHABLE : "", sink);
        }
        if (api.isEmpty()) {
            if (route == Route.AUTO && pod.isPresent()) {
                return fromNode(request, pod, "no API connection", sink);
            }
            throw new LogException("There is no connection to the API server; choose a kubeconfig first.", true, null);
        }
        if (route == Route.AUTO && apiKnownDown && pod.isPresent()) {
            return fromNode(request, pod, API_UNREACHABLE, sink);
        }
        try {
            return api.get().open(request, sink);
        } catch (LogException e) {
            if (route == Route.AUTO && e.apiUnreachable() && pod.isPresent()) {
                return fromNode(request, pod, API_UNREACHABLE, sink);
            }
            throw e;
        }
    }

    private LogStream fromNode(LogRequest request, Optional<ControlPlanePod> pod, String reason, LogSink sink)
            throws LogException {
        if (pod.isEmpty()) {
            throw new LogException("Pod " + request.namespace() + "/" + request.pod() + " is not a control-plane static"
                    + " pod of the plan, so its logs can only be read through the API.", null);
        }
        String component = pod.get().component().key();
        if (!request.container().isEmpty() && !request.container().equals(component)) {
            throw new LogException("Pod " + pod.get().podName() + " has one container, " + component + ", not "
                    + request.container() + ".", null);
        }
        try {
            return runtime.orElseThrow().open(pod.get(), request, reason, sink);
        } catch (NodeRuntimeException e) {
            throw new LogException(e.getMessage(), e);
        }
    }
}
