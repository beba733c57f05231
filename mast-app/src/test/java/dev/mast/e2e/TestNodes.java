package dev.mast.e2e;

import dev.mast.plan.JumpHosts;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Test nodes booted by {@code src/test/e2e/nodes.sh} on this machine's bed ({@code MAST_E2E_BED}):
 * node001 ... nodeN, the first ones masters (and etcd), the rest workers, with the plan and
 * known_hosts for them in the test's folder. {@link #close()} tears them all down.
 */
final class TestNodes implements AutoCloseable {
    /** Tests run in the mast-app module's folder; the bed's scripts are the repository's. */
    static final Path SCRIPT = Path.of("../src/test/e2e/nodes.sh").toAbsolutePath();
    /** The first run builds the Debian base, the packages and the images. */
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(20);

    /**
     * What the bed is: where it keeps its files, the real programs it runs, and the sites its nodes get them from
     * (nodes.sh env): {@code sources} stands in for pkgs.k8s.io ({@code /pkgs}), dl.k8s.io ({@code /dl}) and GitHub
     * ({@code /github}), {@code registry} for registry.k8s.io and ghcr.io.
     */
    record Bed(Path dir, Path programs, Path key, String kubernetesVersion, String sources, String registry) {
        static Bed read() throws IOException, InterruptedException {
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : run(List.of("bash", SCRIPT.toString(), "env"), Duration.ofSeconds(30)).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return new Bed(Path.of(env.get("dir")), Path.of(env.get("k8s_bin")), Path.of(env.get("key")), env.get("k8s_version"),
                    env.get("sources"), env.get("registry"));
        }
    }

    private final Path dir;
    private final Bed bed;
    private final Plan plan;
    private final Duration bootTime;
    private final Map<String, NodeShell> shells = new ConcurrentHashMap<>();

    private TestNodes(Path dir, Bed bed, Plan plan, Duration bootTime) {
        this.dir = dir;
        this.bed = bed;
        this.plan = plan;
        this.bootTime = bootTime;
    }

    /**
     * Boots {@code count} nodes (after tearing down any left over), with a plan and known_hosts in
     * {@code dir}. Options as nodes.sh takes them: {@code --legacy} (an old cluster that runs its
     * components as systemd services), {@code --lb} (a load balancer in front of the masters, the
     * plan's controlPlaneEndpoint).
     */
    static TestNodes up(Path dir, int count, int masters, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("up", String.valueOf(count), "--masters", String.valueOf(masters),
                "--plan-out", dir.resolve("plan.yaml").toString(), "--known-hosts-out", dir.resolve("known_hosts").toString()));
        args.addAll(List.of(options));
        long start = System.nanoTime();
        script(dir, args.toArray(String[]::new));
        Duration boot = Duration.ofNanos(System.nanoTime() - start);
        return new TestNodes(dir, Bed.read(), PlanFile.read(dir.resolve("plan.yaml")).plan(), boot);
    }

    /** Runs the harness script; its output goes to {@code dir/nodes.log} and, on failure, into the exception. */
    static String script(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        String output = run(command, SCRIPT_TIMEOUT);
        Files.writeString(dir.resolve("nodes.log"), "$ nodes.sh " + String.join(" ", args) + "\n" + output,
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return output;
    }

    private static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("nodes", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    Path plan() {
        return dir.resolve("plan.yaml");
    }

    /** The admin kubeconfig an install leaves beside the plan (named after the plan file). */
    Path adminKubeconfig() {
        return dir.resolve("plan-admin.conf");
    }

    /** The plan's load balancer, host:port. */
    String controlPlaneEndpoint() {
        return plan.controlPlaneEndpoint();
    }

    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    Bed bed() {
        return bed;
    }

    /** The real kubectl of the bed's release, with a kubeconfig. */
    Kubectl kubectl(Path kubeconfig) {
        return new Kubectl(bed.programs().resolve("kubectl"), kubeconfig, dir);
    }

    Duration bootTime() {
        return bootTime;
    }

    String ip(String node) {
        return plan.nodes().stream().filter(n -> n.hostName().equals(node)).findFirst().orElseThrow().ip();
    }

    List<String> all() {
        return plan.nodes().stream().map(Node::hostName).toList();
    }

    List<String> masters() {
        return plan.masters().stream().map(Node::hostName).toList();
    }

    List<String> workers() {
        return all().stream().filter(node -> !isMaster(node)).toList();
    }

    boolean isMaster(String node) {
        return masters().contains(node);
    }

    /**
     * An SSH session to the node as nodeadmin, opened once and reused; reopened after a reboot. A node behind a
     * bastion (nodes.sh up --bastion) is reached through the jump host its plan names, as Mast reaches it.
     */
    NodeShell shell(String node) throws IOException {
        NodeShell shell = shells.get(node);
        if (shell == null || !shell.isConnected()) {
            if (shell != null) {
                shell.close();
            }
            Optional<String> jump = jumpHost(node);
            shell = jump.isEmpty() ? NodeShell.connect(address(node), knownHosts(), bed.key())
                    : shell(jump.get()).tunnelTo(address(node), knownHosts(), bed.key());
            shells.put(node, shell);
        }
        return shell;
    }

    /** The address of a node of the plan, or of its jump host (the bastion's, as the plan names it). */
    private String address(String node) {
        return plan.nodes().stream().filter(n -> n.hostName().equals(node)).findFirst().map(Node::ip).orElse(node);
    }

    /** The first jump host the plan names for the node, if any. */
    Optional<String> jumpHost(String node) {
        return plan.nodes().stream().filter(n -> n.hostName().equals(node)).findFirst()
                .map(n -> JumpHosts.parse(n.ssh().jump())).filter(hops -> !hops.isEmpty()).map(hops -> hops.get(0).host());
    }

    /** A clean reboot of the node (systemd reboots, the harness boots it again); returns when SSH answers. */
    void reboot(String node) throws IOException, InterruptedException {
        script(dir, "reboot", node);
        NodeShell old = shells.remove(node);
        if (old != null) {
            old.close();
        }
    }

    /** Makes the node's copy of the component's image one whose program exits at once. */
    void breakImage(String node, String component) throws IOException, InterruptedException {
        script(dir, "break-image", node, component);
    }

    /** What each node's cgroup holds (page cache included), in MiB, and their sum: nodes.sh memory. */
    String memory() throws IOException, InterruptedException {
        return script(dir, "memory").strip().replace('\n', ' ');
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (NodeShell shell : shells.values()) {
            shell.close();
        }
        shells.clear();
        script(dir, "down");
    }
}
