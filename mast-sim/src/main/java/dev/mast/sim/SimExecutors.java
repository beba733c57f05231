package dev.mast.sim;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a simulation shares across all its nodes, so 200 nodes cost a handful of
 * threads: the nodes' background ticks, SSH timers, and the commands being run.
 */
final class SimExecutors implements AutoCloseable {
    private final ScheduledExecutorService ticks = new ScheduledThreadPoolExecutor(8, daemon("sim-tick"));
    private final ScheduledExecutorService sshTimers = new ScheduledThreadPoolExecutor(1, daemon("sim-ssh-timer"));
    private final ExecutorService commands = Executors.newCachedThreadPool(daemon("sim-exec"));

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public ScheduledExecutorService ticks() {
        return ticks;
    }

    public ScheduledExecutorService sshTimers() {
        return sshTimers;
    }

    public ExecutorService commands() {
        return commands;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        sshTimers.shutdownNow();
        commands.shutdownNow();
        try {
            ticks.awaitTermination(5, TimeUnit.SECONDS);
            sshTimers.awaitTermination(5, TimeUnit.SECONDS);
            commands.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
