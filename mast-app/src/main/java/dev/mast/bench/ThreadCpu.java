package dev.mast.bench;

import dev.mast.concurrent.DaemonThreads;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The CPU this JVM's threads used while it watched, summed by what each thread does (its name tells): the SSH
 * transports, the output pumps, the steps, the Kubernetes client. A thread that ends between two looks loses what it
 * used since the last; what no Java thread used (garbage collection, the compiler) is the process's CPU less these.
 */
public final class ThreadCpu implements AutoCloseable {
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Function<String, String> groupOf;
    private final Map<Long, String> groups = new HashMap<>();
    private final Map<Long, Long> cpu = new HashMap<>();
    /** What the threads alive at the start had used by then. */
    private final Map<Long, Long> before = new HashMap<>();
    private final Thread looker;

    /** Starts looking every second. */
    public ThreadCpu(Function<String, String> groupOf) {
        this.groupOf = groupOf;
        look();
        before.putAll(cpu);
        this.looker = DaemonThreads.start("mast-bench-thread-cpu", () -> {
            while (!Thread.currentThread().isInterrupted()) {
                look();
                try {
                    Thread.sleep(EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Mast's threads by name: {@code sshj-Reader...} is an SSH transport, {@code mast-ssh-io} an output pump, ... */
    public static String mastGroup(String thread) {
        if (thread.startsWith("sshj-Reader")) {
            return "ssh_transport";
        }
        if (thread.startsWith("sshj-") || thread.contains("KeepAlive")) {
            return "ssh_keepalive";
        }
        if (thread.startsWith("mast-ssh")) {
            return "ssh_output_pumps";
        }
        if (thread.startsWith("mast-install") || thread.startsWith("mast-upgrade")) {
            return "steps";
        }
        if (thread.startsWith("vert.x") || thread.contains("informer") || thread.startsWith("OkHttp")) {
            return "kubernetes_client";
        }
        return "other";
    }

    private synchronized void look() {
        long[] ids = threads.getAllThreadIds();
        for (ThreadInfo info : threads.getThreadInfo(ids, 0)) {
            if (info != null) {
                long used = threads.getThreadCpuTime(info.getThreadId());
                if (used >= 0) {
                    groups.putIfAbsent(info.getThreadId(), groupOf.apply(info.getThreadName()));
                    cpu.merge(info.getThreadId(), used, Math::max);
                }
            }
        }
    }

    /** Group to CPU used since this started watching. */
    public synchronized Map<String, Duration> byGroup() {
        look();
        Map<String, Duration> sums = new TreeMap<>();
        cpu.forEach((id, nanos) -> {
            if (id != looker.getId()) {
                sums.merge(groups.get(id), Duration.ofNanos(nanos - before.getOrDefault(id, 0L)), Duration::plus);
            }
        });
        return sums;
    }

    /** The CPU this used itself, looking: not Mast's, so the benchmark leaves it out. */
    public Duration ownCpu() {
        long used = threads.getThreadCpuTime(looker.getId());
        return used < 0 ? Duration.ZERO : Duration.ofNanos(used);
    }

    @Override
    public void close() {
        looker.interrupt();
    }
}
