package dev.mast.sim;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.machine.ClusterView;
import dev.mast.sim.machine.Faults;
import dev.mast.sim.machine.Identity;
import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.PackageCatalog;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Shell;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * One simulated machine behind a real SSH server: its own loopback address and port, an
 * ed25519 host key kept for its lifetime, a virtual root on disk, and a background loop that
 * lets its components start, crash and restart and its kubelet run static pods.
 */
public final class SimulatedNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SimulatedNode.class.getName());

    private final NodeSpec spec;
    private final Machine machine;
    private final KeyPair hostKey;
    private final NodeSshServer ssh;
    private final ScheduledFuture<?> ticking;

    private SimulatedNode(NodeSpec spec, Machine machine, KeyPair hostKey, NodeSshServer ssh, ScheduledFuture<?> ticking) {
        this.spec = spec;
        this.machine = machine;
        this.hostKey = hostKey;
        this.ssh = ssh;
        this.ticking = ticking;
    }

    /** The parts a node needs from whoever runs it. */
    record Context(Path dir, SimTiming timing, ClusterView cluster, PublicKey authorizedKey, SimExecutors executors,
                   CommandTable commands, LegacyCluster legacy) { }

    /**
     * Builds the machine as {@link NodeSpec#provisioning()} says and starts its SSH server. Services
     * are installed enabled but stopped; {@link ClusterStarter} starts them across nodes in order.
     */
    static SimulatedNode start(NodeSpec spec, Context context) throws IOException {
        Path root = context.dir().resolve("root");
        if (java.nio.file.Files.isDirectory(root)) {
            try (var entries = java.nio.file.Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("the root of simulated node " + spec.hostName() + " (" + root
                            + ") is not empty: give each simulation its own work folder");
                }
            }
        }
        LegacyCluster old = context.legacy();
        Map<String, String> units = old == null ? Map.of() : old.packageUnits(spec);
        Machine machine = new Machine(new Identity(spec.hostName(), spec.address(), mac(spec.address()), spec.os(), spec.cpus()),
                root, context.timing(), context.cluster(), spec.clockOffset(),
                new PackageCatalog(spec.kubernetesVersion(), units, old == null ? List.of() : old.packages()));
        boolean legacy = spec.provisioning() == Provisioning.LEGACY_SYSTEMD;
        synchronized (machine.lock()) {
            BaseSystem.lay(machine, spec, legacy);
            if (spec.provisioning() != Provisioning.FRESH && (!legacy || old.hasRuntime(spec))) {
                BaseSystem.install(machine, BaseSystem.runtimePackages(spec.runtime()), false);
            }
            if (legacy) {
                context.legacy().install(machine, spec);
            }
        }
        KeyPair hostKey;
        try {
            hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make an ed25519 host key for " + spec.hostName(), e);
        }
        NodeSshServer ssh = new NodeSshServer(spec, machine, new Shell(machine, context.commands()), context.authorizedKey(), hostKey,
                context.executors());
        ssh.start();
        long tick = context.timing().tick().toMillis();
        ScheduledFuture<?> ticking = context.executors().ticks().scheduleWithFixedDelay(() -> tick(machine), tick, tick,
                TimeUnit.MILLISECONDS);
        return new SimulatedNode(spec, machine, hostKey, ssh, ticking);
    }

    private static void tick(Machine machine) {
        try {
            machine.tick();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "simulated node " + machine.identity().hostName() + " failed a tick", e);
        }
    }

    /** A unique, stable MAC for the node's address ({@code 52:54:00:...} as QEMU guests have). */
    static String mac(String address) {
        String[] octets = address.split("\\.");
        return String.format("52:54:00:%02x:%02x:%02x", Integer.parseInt(octets[1]), Integer.parseInt(octets[2]),
                Integer.parseInt(octets[3]));
    }

    public NodeSpec spec() {
        return spec;
    }

    public String hostName() {
        return spec.hostName();
    }

    public String address() {
        return spec.address();
    }

    public int port() {
        return ssh.port();
    }

    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /** The node's line for a known_hosts file: {@code [127.0.0.2]:40001 ssh-ed25519 AAAA...}. */
    public String knownHostsLine() {
        return "[" + address() + "]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    public Faults faults() {
        return machine.faults();
    }

    /** The simulated machine, to inspect or change its state directly (tests, the demo). */
    public Machine machine() {
        return machine;
    }

    /** The directory on the host that is the node's "/". */
    public Path root() {
        return machine.fs().hostRoot();
    }

    public ContainerRuntime runtime() {
        return spec.runtime();
    }

    /** Drops every SSH session now. */
    public void dropConnections() {
        ssh.dropSessions();
    }

    @Override
    public void close() {
        ticking.cancel(false);
        try {
            ssh.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the SSH server of " + hostName(), e);
        }
        machine.shutdown();
    }
}
