package dev.mast.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster's pods as one informer sees them (a list, then a watch), shared by every node's
 * step that waits on pods: 200 nodes waiting for their pods cost one watch, not 200 pollers.
 * Each waiter {@link #acquire}s it and {@link #release}s it; the informer starts with the first
 * and stops with the last. {@link #awaitChange} wakes a waiter as soon as a pod changes, {@link #awaitChangeOn}
 * as soon as one on its node does.
 */
public final class PodCache {
    private static final Duration WATCH_GRACE = Duration.ofSeconds(2);
    private static final String BY_NODE = "node";
    private final ClusterAccess cluster;
    private SharedIndexInformer<Pod> informer;
    private int users;
    private final Signal anyPod = new Signal();
    private final Map<String, Signal> podsOn = new ConcurrentHashMap<>();

    public PodCache(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    /** Starts the informer if no one uses it yet. */
    public synchronized void acquire() throws Exception {
        if (users == 0) {
            informer = cluster.client().pods().inAnyNamespace().runnableInformer(0);
            // Each node's wait looks at its own pods: an index keeps that from scanning the whole cluster's on every change.
            informer.addIndexers(Map.of(BY_NODE, pod -> nodeOf(pod) == null ? List.of() : List.of(nodeOf(pod))));
            informer.addEventHandler(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Pod pod) {
                    changed(pod);
                }

                @Override
                public void onUpdate(Pod before, Pod after) {
                    changed(before, after);
                }

                @Override
                public void onDelete(Pod pod, boolean finalStateUnknown) {
                    changed(pod);
                }
            });
            // The informer retries a failed list or watch by itself; the waiters' deadline bounds the wait.
            informer.exceptionHandler((started, error) -> true);
            informer.start();
        }
        users++;
    }

    /** Stops the informer when its last user is done. */
    public void release() {
        SharedIndexInformer<Pod> done = null;
        synchronized (this) {
            if (users > 0 && --users == 0) {
                done = informer;
                informer = null;
            }
        }
        if (done != null) {
            // Outside the lock: the informer's own thread may be waiting for it to report a change. A watch still
            // being opened would fail noisily once the run closes the client, so give it a moment to open first.
            long end = System.nanoTime() + WATCH_GRACE.toNanos();
            while (!done.isWatching() && System.nanoTime() < end) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            done.close();
        }
    }

    private void changed(Pod... pods) {
        anyPod.bump();
        Arrays.stream(pods).map(PodCache::nodeOf).filter(Objects::nonNull).distinct().forEach(node -> signalOn(node).bump());
    }

    private Signal signalOn(String node) {
        return podsOn.computeIfAbsent(node, n -> new Signal());
    }

    private static String nodeOf(Pod pod) {
        return pod == null || pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    }

    /** Whether the informer has listed the pods at least once, so {@link #pods} means something. */
    public synchronized boolean synced() {
        return informer != null && informer.hasSynced();
    }

    /** The pods as last seen, in every namespace. */
    public List<Pod> pods() {
        SharedIndexInformer<Pod> current = current();
        return current == null ? List.of() : current.getStore().list();
    }

    /** The pods as last seen that run on {@code node}. */
    public List<Pod> podsOn(String node) {
        SharedIndexInformer<Pod> current = current();
        return current == null ? List.of() : current.getIndexer().byIndex(BY_NODE, node);
    }

    private synchronized SharedIndexInformer<Pod> current() {
        return informer;
    }

    /** A number that grows with every change seen; pass it to {@link #awaitChange}. */
    public long version() {
        return anyPod.version();
    }

    /** A number that grows with every change seen to a pod on {@code node}; pass it to {@link #awaitChangeOn}. */
    public long versionOn(String node) {
        return signalOn(node).version();
    }

    /** Waits until any pod changed after {@code seen}, or {@code max} passed. */
    public void awaitChange(long seen, Duration max) throws InterruptedException {
        anyPod.await(seen, max);
    }

    /**
     * Waits until a pod on {@code node} changed after {@code seen}, or {@code max} passed. 200 nodes waiting each on
     * their own pods are not all woken by every change in the cluster.
     */
    public void awaitChangeOn(String node, long seen, Duration max) throws InterruptedException {
        signalOn(node).await(seen, max);
    }

    /** A counter to wait on. */
    private static final class Signal {
        private long version;

        synchronized void bump() {
            version++;
            notifyAll();
        }

        synchronized long version() {
            return version;
        }

        synchronized void await(long seen, Duration max) throws InterruptedException {
            long end = System.nanoTime() + max.toNanos();
            while (version == seen) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
