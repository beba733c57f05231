package dev.mast.workflow.phases;

import dev.mast.concurrent.DaemonThreads;
import dev.mast.files.NodeFile;
import dev.mast.workflow.Failures;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Step;
import dev.mast.workflow.tasks.Packages;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Locks the node for the run that changes it, so that two runs never change one node at once (one's rollback
 * removing what the other just wrote). The lock is a folder on the node, made in one step ({@code mkdir}), with a
 * file that names the run, its machine, its process and its start; the run refreshes the file's time while it lasts
 * and removes the folder at its end. Another run reports the holder and refuses the node.
 *
 * <p>The stale-lock rule: a lock belongs to a run that died, and is taken over (the log says whose it was), when its
 * file has not been refreshed for {@code staleAfter} by the node's own clock, or when it was taken from this machine
 * by a process that no longer exists. A run that is alive refreshes it every quarter of {@code staleAfter}.
 */
public final class LockNode implements Step {
    public static final String DIR = "/var/lib/mast/run.lock";
    static final String HOLDER = DIR + "/holder";
    private static final String PARENT = DIR.substring(0, DIR.lastIndexOf('/'));
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(2);
    private static final ScheduledExecutorService HEARTBEATS = DaemonThreads.timer("mast-node-lock-heartbeat");

    /** Who holds a node's lock. */
    public record Holder(String run, String machine, long pid, Instant started) {
        /** This process, for the run named {@code run}. */
        public static Holder thisProcess(String run, Instant started) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "unknown";
            }
            return new Holder(run, System.getProperty("user.name") + "@" + host, ProcessHandle.current().pid(),
                    started.truncatedTo(ChronoUnit.SECONDS));
        }

        String text() {
            return "run: " + run + "\nmachine: " + machine + "\npid: " + pid + "\nstarted: " + started + "\n";
        }

        static Optional<Holder> parse(String text) {
            Map<String, String> fields = new LinkedHashMap<>();
            text.lines().forEach(line -> {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 2).trim());
                }
            });
            try {
                return Optional.of(new Holder(fields.get("run"), fields.get("machine"), Long.parseLong(fields.get("pid")),
                        Instant.parse(fields.get("started"))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        String describe() {
            return "run " + run + " from " + machine + " (pid " + pid + "), started " + started;
        }
    }

    /** What another run left on the node: its holder file (when it got that far) and how long ago it was refreshed. */
    private record Found(Optional<Holder> holder, long secondsSinceSeen) { }

    private final Holder self;
    private final Duration staleAfter;

    public LockNode(Holder self, Duration staleAfter) {
        this.self = self;
        this.staleAfter = staleAfter;
    }

    @Override
    public void run(NodeContext context) throws Exception {
        Remote remote = context.remote();
        if (remote.records()) {
            // A dry run takes no lock, but says whether a run now would be refused.
            Optional<Found> found = remote.asks() ? found(remote) : Optional.empty();
            found.filter(f -> !stale(f).isPresent())
                    .ifPresent(f -> context.warn("a run now would be refused: " + lockedBy(f)));
            remote.exec(acquire());
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            if (remote.exec(acquire()).exitStatus() == 0) {
                hold(context, remote);
                return;
            }
            Optional<Found> found = found(remote);
            if (found.isEmpty()) {
                continue; // released in the meantime
            }
            Optional<String> stale = stale(found.get());
            if (stale.isEmpty()) {
                throw new NodeLockedException(context.node().hostName() + " is locked by another Mast run: " + lockedBy(found.get())
                        + "; wait until it has finished (a lock not refreshed for " + staleAfter.toSeconds()
                        + " s is taken over as one of a run that died)");
            }
            String aside = DIR + ".stale-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            // Moved aside in one step: of two runs taking over the same stale lock, one moves it and the other finds it gone.
            if (remote.exec("mv " + DIR + " " + aside + " && rm -rf " + aside).exitStatus() == 0) {
                context.warn("took over the lock of " + found.get().holder().map(Holder::describe).orElse("a run that died while taking it")
                        + ": " + stale.get());
            }
        }
        throw new NodeLockedException(context.node().hostName() + " could not be locked: another run took its lock at the same time");
    }

    private static String acquire() {
        return "mkdir -p " + PARENT + " && mkdir " + DIR;
    }

    private void hold(NodeContext context, Remote remote) throws Exception {
        remote.write(NodeFile.text(HOLDER, self.text(), NodeFile.PUBLIC));
        long every = Math.max(1, staleAfter.toMillis() / 4);
        ScheduledFuture<?> heartbeat = HEARTBEATS.scheduleWithFixedDelay(() -> refresh(context, remote), every, every,
                TimeUnit.MILLISECONDS);
        context.atEnd(() -> {
            heartbeat.cancel(false);
            release(remote);
        });
        context.log("locked " + context.node().hostName() + " for this run (" + HOLDER + ")");
    }

    private static void refresh(NodeContext context, Remote remote) {
        try {
            remote.exec("touch " + HOLDER);
        } catch (Exception e) {
            context.warn("could not refresh this run's lock: " + Failures.describe(e));
        }
    }

    /** Removes the lock if it is still this run's: a lock taken over meanwhile is the other run's now. */
    private void release(Remote remote) throws Exception {
        Optional<Holder> holder = remote.read(HOLDER).flatMap(bytes -> Holder.parse(new String(bytes, StandardCharsets.UTF_8)));
        if (holder.isPresent() && holder.get().equals(self)) {
            // The folder made for the lock goes too unless it notes what Mast installed: a run that changed nothing leaves no trace.
            remote.run("rm -rf " + DIR + " && test -e " + Packages.INSTALLED_BY_MAST + " || rm -rf " + PARENT);
        }
    }

    private Optional<Found> found(Remote remote) throws Exception {
        // The holder file's time, or the folder's when a run died before it wrote the file; by the node's clock.
        List<String> times = remote.query("date +%s; stat -c %Y " + HOLDER + " " + DIR + " 2>/dev/null").stdout();
        if (times.size() < 2) {
            return Optional.empty();
        }
        long age = Long.parseLong(times.get(0).trim()) - Long.parseLong(times.get(1).trim());
        Optional<Holder> holder = remote.read(HOLDER).flatMap(bytes -> Holder.parse(new String(bytes, StandardCharsets.UTF_8)));
        return Optional.of(new Found(holder, age));
    }

    /** Why the lock belongs to a run that died, or empty while its run may be alive. */
    private Optional<String> stale(Found found) {
        if (found.secondsSinceSeen() > staleAfter.toSeconds()) {
            return Optional.of("not refreshed for " + found.secondsSinceSeen() + " s");
        }
        return found.holder().filter(h -> h.machine().equals(self.machine()) && ProcessHandle.of(h.pid()).isEmpty())
                .map(h -> "its process " + h.pid() + " on this machine is gone");
    }

    private static String lockedBy(Found found) {
        return found.holder().map(Holder::describe).orElse("a run taking the lock") + ", last seen " + found.secondsSinceSeen() + " s ago";
    }

    /** Another run holds the node. */
    public static final class NodeLockedException extends Exception {
        public NodeLockedException(String message) {
            super(message);
        }
    }
}
