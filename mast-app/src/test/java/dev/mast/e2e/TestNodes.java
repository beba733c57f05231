package dev.mast.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Test nodes booted by {@code src/test/e2e/nodes.sh}: node001 ... nodeN at 10.201.0.11 ...,
 * the first ones masters (and etcd), the rest workers. {@link #close()} tears them all down.
 */
final class TestNodes implements AutoCloseable {
    static final Path SCRIPT = Path.of("../src/test/e2e/nodes.sh").toAbsolutePath();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

    private final Path dir;
    private final int count;
    private final int masters;
    private final Duration bootTime;
    private final Map<String, NodeShell> shells = new ConcurrentHashMap<>();

    private TestNodes(Path dir, int count, int masters, Duration bootTime) {
        this.dir = dir;
        this.count = count;
        this.masters = masters;
        this.bootTime = bootTime;
    }

    /** Boots {@code count} fresh nodes (after tearing down any left over), with a plan and known_hosts in {@code dir}. */
    static TestNodes up(Path dir, int count, int masters, boolean legacy) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("up", String.valueOf(count), "--masters", String.valueOf(masters),
                "--plan-out", dir.resolve("plan.yaml").toString(), "--known-hosts-out", dir.resolve("known_hosts").toString()));
        if (legacy) {
            args.add("--legacy");
        }
        long start = System.nanoTime();
        script(dir, args.toArray(String[]::new));
        return new TestNodes(dir, count, masters, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Runs the harness script; its output goes to {@code dir/nodes.log} and, on failure, into the exception. */
    static String script(Path dir, String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("nodes.log");
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "nodes", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("nodes.sh " + String.join(" ", args) + " did not finish in " + SCRIPT_TIMEOUT);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.writeString(log, "$ nodes.sh " + String.join(" ", args) + "\n" + output, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Files.delete(out);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("nodes.sh " + String.join(" ", args) + " failed (" + process.exitValue() + "):\n"
                    + output);
        }
        return output;
    }

    static Path workDir() {
        String env = System.getenv("MAST_E2E_DIR");
        return Path.of(env != null && !env.isBlank() ? env : "/var/tmp/mast-e2e");
    }

    Path plan() {
        return dir.resolve("plan.yaml");
    }

    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    Duration bootTime() {
        return bootTime;
    }

    static String name(int index) {
        return String.format("node%03d", index);
    }

    static String ip(String node) {
        return "10.201.0." + (10 + Integer.parseInt(node.substring(4)));
    }

    List<String> all() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(name(i));
        }
        return names;
    }

    List<String> masters() {
        return all().subList(0, masters);
    }

    List<String> workers() {
        return all().subList(masters, count);
    }

    boolean isMaster(String node) {
        return masters().contains(node);
    }

    /** An SSH session to the node as nodeadmin, opened once and reused; reopened after a reboot. */
    NodeShell shell(String node) throws IOException {
        NodeShell shell = shells.get(node);
        if (shell == null || !shell.isConnected()) {
            if (shell != null) {
                shell.close();
            }
            shell = NodeShell.connect(ip(node), knownHosts(), workDir().resolve("keys/id_ed25519"));
            shells.put(node, shell);
        }
        return shell;
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

    @Override
    public void close() throws IOException, InterruptedException {
        for (NodeShell shell : shells.values()) {
            shell.close();
        }
        shells.clear();
        script(dir, "down");
    }
}
