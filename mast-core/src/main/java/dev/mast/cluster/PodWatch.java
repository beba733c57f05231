package dev.mast.cluster;

import dev.mast.concurrent.Batcher;
import dev.mast.concurrent.DaemonThreads;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The live pod list of one namespace or all, through a fabric8 informer: one list, then a
 * watch, re-listed by the informer after the watch is lost (never polling the API). Changes
 * reach the listener as {@link PodEvent}s in batches on the executor given, at most one batch
 * per interval. The connection state is read from the informer itself every quarter second (no
 * request is made for it); while the API server is gone the last rows stay as they were and a
 * {@link PodEvent.Connection} says they are stale.
 */
public final class PodWatch implements AutoCloseable {
    public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofMillis(75);
    /** How long the first list may take before the server is called unreachable. */
    static final Duration FIRST_LIST_GRACE = Duration.ofSeconds(3);
    private static final long CHECK_MILLIS = 250;
    private static final ScheduledExecutorService CHECKS = DaemonThreads.timer("mast-cluster-timer");

    /** Receives batches of changes, on the executor given to {@link #start}. */
    @FunctionalInterface
    public interface Listener {
        void onBatch(List<PodEvent> events);
    }

    private final SharedIndexInformer<Pod> informer;
    private final Batcher<PodEvent> batcher;
    private final FirstList<PodEvent> firstList;
    private final Clock clock;
    private final String server;
    private final PodScope scope;
    private final Instant startedAt;
    private final ScheduledFuture<?> checker;
    private volatile ConnectionStatus status;
    private volatile String problem = "";
    private volatile boolean closed;
    private boolean everSynced;

    private PodWatch(KubernetesClient client, PodScope scope, Executor deliverOn, Listener listener, Clock clock,
                     Duration interval) {
        this.clock = clock;
        this.scope = scope;
        this.server = client.getMasterUrl().toString();
        this.startedAt = clock.instant();
        this.batcher = Batcher.uncapped(interval, deliverOn, batch -> listener.onBatch(batch.items()));
        this.firstList = new FirstList<>(batcher::addAllNow);
        this.informer = scope.namespace()
                .map(ns -> client.pods().inNamespace(ns).runnableInformer(0))
                .orElseGet(() -> client.pods().inAnyNamespace().runnableInformer(0));
        // Nothing looks pods up by namespace in the informer's store: indexing 30,000 of them costs a tenth of a second.
        informer.removeNamespaceIndex();
        informer.exceptionHandler((started, error) -> {
            problem = ClusterException.rootMessage(error);
            return !closed;
        });
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                send(new PodEvent.Upsert(PodRows.of(pod)), true);
            }

            @Override
            public void onUpdate(Pod before, Pod after) {
                send(new PodEvent.Upsert(PodRows.of(after)), false);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                send(new PodEvent.Removed(new PodKey(pod.getMetadata().getNamespace(), pod.getMetadata().getName())), false);
            }
        });
        this.status = new ConnectionStatus(ConnectionState.CONNECTING, null, server, "");
        batcher.add(new PodEvent.Connection(status));
        // The handler hears of the listed pods after the store has them: the store's size says how many to wait for.
        informer.start().thenRun(() -> firstList.listed(informer.getStore().list().size()));
        this.checker = CHECKS.scheduleWithFixedDelay(this::checkConnection, CHECK_MILLIS, CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Starts listing and watching; the first batch says {@link ConnectionState#CONNECTING}. */
    public static PodWatch start(KubernetesClient client, PodScope scope, Executor deliverOn, Listener listener) {
        return start(client, scope, deliverOn, listener, Clock.systemDefaultZone(), DEFAULT_BATCH_INTERVAL);
    }

    public static PodWatch start(KubernetesClient client, PodScope scope, Executor deliverOn, Listener listener,
                                 Clock clock, Duration batchInterval) {
        return new PodWatch(client, scope, deliverOn, listener, clock, batchInterval);
    }

    public PodScope scope() {
        return scope;
    }

    public ConnectionStatus status() {
        return status;
    }

    private void send(PodEvent event, boolean add) {
        if (!firstList.offer(event, add)) {
            batcher.add(event);
        }
    }

    private synchronized void checkConnection() {
        if (closed) {
            return;
        }
        firstList.check(System.nanoTime());
        Instant now = clock.instant();
        boolean current = informer.hasSynced() && informer.isWatching();
        ConnectionStatus next;
        if (current) {
            everSynced = true;
            problem = "";
            next = new ConnectionStatus(ConnectionState.CONNECTED, now, server, "");
        } else if (everSynced) {
            next = new ConnectionStatus(ConnectionState.RECONNECTING, status.lastSynced(), server, problem);
        } else if (Duration.between(startedAt, now).compareTo(FIRST_LIST_GRACE) < 0 && problem.isEmpty()) {
            next = status;
        } else {
            next = new ConnectionStatus(ConnectionState.UNREACHABLE, null, server, problem);
        }
        // lastSynced moves every check while connected; only a change of state or problem is news.
        boolean news = next.state() != status.state() || !next.problem().equals(status.problem());
        status = next;
        if (news) {
            batcher.add(new PodEvent.Connection(next));
        }
    }

    /** Stops the watch; no batch is delivered after this returns. */
    @Override
    public void close() {
        closed = true;
        checker.cancel(false);
        batcher.close();
        informer.stop();
    }
}
