package dev.mast.cli;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import dev.mast.plan.Role;
import dev.mast.sim.ClientKeys;
import dev.mast.sim.LegacyLayout;
import dev.mast.sim.Provisioning;
import dev.mast.sim.SimBastion;
import dev.mast.sim.SimPlanWriter;
import dev.mast.sim.SimulatedCluster;
import dev.mast.sim.SimulatedNode;
import dev.mast.sim.machine.SimTiming;
import dev.mast.sim.machine.SudoPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mast simulate}: runs simulated nodes (real SSH servers on 127.0.0.2, 127.0.0.3, ...) and
 * a Kubernetes API, writes a plan for them with a fresh client key and their host keys, and
 * keeps running until interrupted. A test and demo harness, never part of a real install.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs simulated nodes and a Kubernetes API on this machine, and writes a plan for them.")
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--nodes", required = true, description = "How many nodes (1 to 1000).")
    int nodes;

    @Option(names = "--masters", description = "How many of them are masters and etcd members (default 1 below 3 nodes, else 3).")
    Integer masters;

    @Option(names = "--legacy-systemd", description = "Start as a cluster run by systemd services, to try the upgrade.")
    boolean legacy;

    @Option(names = "--layout", defaultValue = "kubeadm", paramLabel = "LAYOUT",
            description = "With --legacy-systemd, how the old cluster was set up: kubeadm (kubeadm's paths, a package per component),"
                    + " hard-way (Kubernetes the Hard Way) or kismatic (Kismatic up to v1.2) (default ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--runtime-installed", description = "Fresh nodes come with the container runtime installed.")
    boolean runtimeInstalled;

    @Option(names = "--runtime", defaultValue = "containerd", description = "containerd or docker (default ${DEFAULT-VALUE}).")
    String runtime;

    @Option(names = "--kubernetes-version", description = "Version of the cluster and its packages (default: Mast's newest).")
    String kubernetesVersion = KubernetesVersion.DEFAULT.toString();

    @Option(names = "--plan-out", required = true, description = "Where to write the plan; its key and known_hosts go to FILE-sim/.")
    Path planOut;

    @Option(names = "--ssh-user", defaultValue = "root", description = "The user Mast logs in as (not root: sudo without password).")
    String sshUser;

    @Option(names = "--api-port", defaultValue = "0", description = "Port of the API endpoint on 127.0.0.1 (default: a free one).")
    int apiPort;

    @Option(names = "--step-delay-ms", description = "How long each package install, image pull and component start takes"
            + " (default: 400 ms for installs and pulls, 1500 ms for starts).")
    Integer stepDelayMs;

    @Option(names = "--command-delay-ms", defaultValue = "0", description = "Extra time every command takes, as network latency"
            + " would add (default ${DEFAULT-VALUE}).")
    int commandDelayMs;

    @Option(names = "--tick-ms", defaultValue = "200", description = "How often each node's kubelet and systemd look at their"
            + " work (default ${DEFAULT-VALUE}).")
    int tickMs;

    @Option(names = "--bastion", description = "Reach the nodes through a jump host on 127.0.0.1 (the plan's ssh.jump).")
    boolean bastion;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Kept so the level set on them holds: the libraries log every SSH session at INFO. */
    private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
            java.util.logging.Logger.getLogger("org.apache.sshd"), java.util.logging.Logger.getLogger("io.fabric8.mockwebserver"));

    @Override
    public Integer call() throws Exception {
        ContainerRuntime containerRuntime = validate();
        LegacyLayout legacyLayout = LegacyLayout.parse(layout).orElseThrow();
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        Path planFile = planOut.toAbsolutePath();
        Path state = planFile.resolveSibling(planFile.getFileName() + "-sim");
        Files.createDirectories(state);
        deleteTree(state.resolve("nodes"));
        KeyPair keys = ClientKeys.generate();
        Path keyFile = state.resolve("id_ed25519");
        ClientKeys.write(keys, keyFile, "mast-simulate");
        SimulatedCluster.Builder builder = SimulatedCluster.builder()
                .nodes(nodes).runtime(containerRuntime).kubernetesVersion(kubernetesVersion)
                .provisioning(legacy ? Provisioning.LEGACY_SYSTEMD : runtimeInstalled ? Provisioning.FRESH_WITH_RUNTIME : Provisioning.FRESH)
                .sshUser(sshUser, SudoPolicy.noPassword()).authorizedKey(keys.getPublic()).timing(timing())
                .workDir(state.resolve("nodes")).apiPort(apiPort).layout(legacyLayout);
        if (masters != null) {
            builder.masters(masters);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting " + nodes + " simulated node" + (nodes == 1 ? "" : "s") + "...");
        out.flush();
        try (SimulatedCluster cluster = builder.start();
             SimBastion jumpHost = bastion ? SimBastion.start(sshUser, keys.getPublic()) : null) {
            cluster.nodes().forEach(node -> node.faults().fixedDelay(java.time.Duration.ofMillis(commandDelayMs)));
            Thread hook = new Thread(cluster::close, "mast-simulate-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                SimPlanWriter.write(planFile, SimPlanWriter.yaml(cluster, kubernetesVersion, containerRuntime, sshUser, keyFile));
                ClientKeys.writeKnownHosts(cluster.nodes(), state.resolve("known_hosts"));
                if (jumpHost != null) {
                    throughBastion(planFile, state.resolve("known_hosts"), jumpHost);
                }
                if (cluster.legacyAdminKubeconfig().isPresent()) {
                    Path admin = state.resolve("admin.conf");
                    Files.deleteIfExists(admin);
                    Files.createFile(admin, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(admin, cluster.legacyAdminKubeconfig().get());
                }
                for (var file : cluster.legacyInstallerFiles().entrySet()) {
                    Path path = state.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(path, file.getValue());
                }
                describe(out, cluster, planFile, state, keyFile);
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                out.println("Stopping the simulated nodes.");
                out.flush();
            } finally {
                removeHook(hook);
            }
        }
        return MastCommand.OK;
    }

    /** Every node behind the jump host: the plan's ssh.jump, and the jump host's key beside the nodes'. */
    private void throughBastion(Path planFile, Path knownHosts, SimBastion jumpHost) throws IOException {
        Plan plan = PlanFile.read(planFile).plan();
        PlanFile.write(plan.withSsh(plan.ssh().withJump(sshUser + "@127.0.0.1:" + jumpHost.port())), planFile);
        Files.writeString(knownHosts, jumpHost.knownHostsLine() + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    private SimTiming timing() {
        SimTiming demo = SimTiming.demo();
        java.time.Duration tick = java.time.Duration.ofMillis(tickMs);
        if (stepDelayMs == null) {
            return new SimTiming(tick, demo.startup(), demo.restartBackoff(), demo.transfer());
        }
        java.time.Duration step = java.time.Duration.ofMillis(stepDelayMs);
        return new SimTiming(tick, step, demo.restartBackoff(), step);
    }

    private ContainerRuntime validate() {
        if ((stepDelayMs != null && stepDelayMs < 0) || commandDelayMs < 0 || tickMs < 10) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--step-delay-ms and --command-delay-ms must not be negative, and --tick-ms must be at least 10");
        }
        if (nodes < 1 || nodes > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--nodes must be between 1 and 1000, not " + nodes);
        }
        if (masters != null && (masters < 1 || masters > nodes)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--masters must be between 1 and " + nodes + ", not " + masters);
        }
        if (!sshUser.matches("[a-z_][a-z0-9_-]*")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ssh-user \"" + sshUser + "\" is not a user name");
        }
        if (KubernetesVersion.parse(kubernetesVersion).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kubernetes-version \"" + kubernetesVersion
                    + "\" is not a version (expected e.g. 1.34.3)");
        }
        if (planOut.toAbsolutePath().getParent() == null || !Files.isDirectory(planOut.toAbsolutePath().getParent())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plan-out " + planOut + ": its folder does not exist");
        }
        if (LegacyLayout.parse(layout).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--layout \"" + layout
                    + "\" is not a layout: use kubeadm, hard-way or kismatic");
        }
        if (!legacy && !layout.equals("kubeadm")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--layout needs --legacy-systemd: a fresh cluster has no layout yet");
        }
        try {
            return ContainerRuntime.fromKey(runtime);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runtime: " + e.getMessage());
        }
    }

    private void describe(PrintWriter out, SimulatedCluster cluster, Path planFile, Path state, Path keyFile) {
        out.println("Simulated cluster \"" + cluster.name() + "\" is up (" + (legacy ? "systemd-run control plane laid out as "
                + layout : "fresh nodes")
                + ", " + runtime + ", Kubernetes " + kubernetesVersion + "):");
        for (SimulatedNode node : cluster.nodes()) {
            out.printf("  %-8s %s:%d  %s%n", node.hostName(), node.address(), node.port(),
                    node.spec().roles().stream().sorted().map(Role::key).collect(Collectors.joining(", ")));
        }
        SimulatedNode first = cluster.nodes().get(0);
        out.println("API endpoint: https://" + cluster.controlPlaneEndpoint() + " (answers while an API server runs on a master)");
        out.println("Plan:         " + planFile);
        out.println("SSH key:      " + keyFile);
        out.println("known_hosts:  " + state.resolve("known_hosts") + " (the nodes' host keys; trust them from this file)");
        if (legacy) {
            out.println("kubeconfig:   " + state.resolve("admin.conf") + " (the old cluster's admin)");
        }
        cluster.legacyInstallerFiles().keySet().stream().sorted().forEach(file -> out.println("installer:    " + state.resolve(file)
                + " (kept on the installer's machine, not on the nodes)"));
        out.println("Then: mast " + (legacy ? "upgrade" : "install") + " --plan " + planFile + " --known-hosts "
                + state.resolve("known_hosts"));
        out.println("Or:  ssh -i " + keyFile + " -o UserKnownHostsFile=" + state.resolve("known_hosts") + " -p " + first.port()
                + " " + sshUser + "@" + first.address() + " systemctl list-units");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or has run.
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
