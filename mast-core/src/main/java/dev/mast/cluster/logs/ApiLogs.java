package dev.mast.cluster.logs;

import dev.mast.cluster.ClusterException;
import dev.mast.cluster.KubeApi;
import dev.mast.concurrent.DaemonThreads;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.BytesLimitTerminateTimeTailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Container logs through the API server ({@code GET .../pods/NAME/log}), streamed line by line. */
public final class ApiLogs {
    /** Reads followed logs: each holds its thread for as long as the viewer is open. */
    private static final ExecutorService READERS = DaemonThreads.pool("mast-log-reader");

    /** The annotation kubectl reads to pick a pod's default container. */
    public static final String DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

    private final KubeApi api;
    private final ExecutorService readers;

    public ApiLogs(KubeApi api) {
        this(api, READERS);
    }

    public ApiLogs(KubeApi api, ExecutorService readers) {
        this.api = api;
        this.readers = readers;
    }

    /**
     * The container {@code kubectl logs} would read when none is named: the default-container
     * annotation, else the first container.
     */
    public static String defaultContainer(Pod pod) {
        var annotations = pod.getMetadata().getAnnotations();
        if (annotations != null && annotations.get(DEFAULT_CONTAINER_ANNOTATION) != null) {
            return annotations.get(DEFAULT_CONTAINER_ANNOTATION);
        }
        List<Container> containers = pod.getSpec() == null ? List.of() : pod.getSpec().getContainers();
        return containers.isEmpty() ? "" : containers.get(0).getName();
    }

    /**
     * Opens the stream (blocking until the API server answers) and reads it in the background.
     * A request the server refuses, or a server that does not answer, is a {@link LogException}.
     */
    public LogStream open(LogRequest request, LogSink sink) throws LogException {
        String where = "pod " + request.namespace() + "/" + request.pod();
        // Read first: it fails fast when the API server is gone, where fabric8's log call would first
        // wait on an informer for the pod to become ready, retrying without end.
        Pod pod = readPod(request);
        LogRequest resolved = request.container().isEmpty() ? request.withContainer(defaultContainer(pod)) : request;
        Loggable loggable = loggable(resolved);
        String action = "reading the logs of " + where + (resolved.container().isEmpty() ? "" : " container "
                + resolved.container()) + (resolved.previous() ? " (previous)" : "");
        InputStream in;
        LogWatch watch = null;
        try {
            if (resolved.follow()) {
                watch = loggable.watchLog();
                in = watch.getOutput();
            } else {
                in = loggable.getLogInputStream();
            }
        } catch (KubernetesClientException e) {
            throw failure(action, e);
        }
        return new ApiStream(in, watch, sink, action);
    }

    private Pod readPod(LogRequest request) throws LogException {
        try {
            return api.pod(request.namespace(), request.pod())
                    .orElseThrow(() -> new LogException("Pod " + request.namespace() + "/" + request.pod()
                            + " does not exist at " + api.server() + ".", null));
        } catch (ClusterException e) {
            throw new LogException(e.getMessage(), e.unreachable(), e);
        }
    }

    private Loggable loggable(LogRequest request) {
        var container = api.client().pods().inNamespace(request.namespace()).withName(request.pod())
                .inContainer(request.container()).withReadyWaitTimeout(0);
        BytesLimitTerminateTimeTailPrettyLoggable stamped = request.timestamps() ? container.usingTimestamps() : container;
        TimeTailPrettyLoggable instance = request.previous() ? stamped.terminated() : stamped;
        TailPrettyLoggable since = request.sinceSeconds().isPresent()
                ? instance.sinceSeconds((int) Math.min(Integer.MAX_VALUE, request.sinceSeconds().get())) : instance;
        return request.tailLines().isPresent() ? since.tailingLines(request.tailLines().getAsInt()) : since;
    }

    private LogException failure(String action, KubernetesClientException e) {
        ClusterException wrapped = ClusterException.of(action, api.server(), e);
        String message = wrapped.getMessage();
        if (!wrapped.unreachable() && e.getStatus() != null && e.getStatus().getMessage() != null) {
            // The API server's own words say best what is missing ("previous terminated container ... not found").
            message = Character.toUpperCase(action.charAt(0)) + action.substring(1) + ": " + e.getStatus().getMessage() + ".";
        }
        return new LogException(message, wrapped.unreachable(), e);
    }

    /** Reads one open response body line by line on a reader thread. */
    private final class ApiStream implements LogStream {
        private final InputStream in;
        private final LogWatch watch;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile boolean closed;

        ApiStream(InputStream in, LogWatch watch, LogSink sink, String action) {
            this.in = in;
            this.watch = watch;
            readers.execute(() -> read(sink, action));
        }

        private void read(LogSink sink, String action) {
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                for (String line = reader.readLine(); line != null && !closed; line = reader.readLine()) {
                    sink.line(line);
                }
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(new LogException(Character.toUpperCase(action.charAt(0))
                            + action.substring(1) + " at " + api.server() + " stopped: " + e.getMessage() + ".",
                            ClusterException.isUnreachable(e), e));
                }
            } finally {
                if (watch != null) {
                    watch.close();
                }
            }
        }

        @Override
        public LogOrigin origin() {
            return LogOrigin.API;
        }

        @Override
        public CompletableFuture<Void> done() {
            return done;
        }

        @Override
        public void close() {
            closed = true;
            if (watch != null) {
                watch.close();
            }
            try {
                in.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }
    }
}
