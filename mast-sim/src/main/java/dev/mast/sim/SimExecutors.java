package dev.mast.sim;

import dev.mast.concurrent.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads a simulation shares across all its nodes, so 200 nodes cost a handful of
 * threads: the nodes' background ticks, SSH timers, and the commands being run.
 */
final class SimExecutors implements AutoCloseable {
    private final ScheduledExecutorService ticks = new ScheduledThreadPoolExecutor(8, DaemonThreads.named("sim-tick"));
    private final ScheduledExecutorService sshTimers = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("sim-ssh-timer"));
    private final ExecutorService commands = DaemonThreads.pool("sim-exec");


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
