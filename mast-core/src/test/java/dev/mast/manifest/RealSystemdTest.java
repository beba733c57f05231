package dev.mast.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mast.plan.Component;
import dev.mast.plan.Plan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the generated units into real systemd ({@code systemd --test}, which parses the units and
 * prints each command line, without starting anything) and checks the command it would run.
 * Skipped where systemd is not installed; systemd refuses test mode as root, so as root it runs
 * through {@code setpriv} as nobody.
 */
class RealSystemdTest {
    private static final Path SYSTEMD = Path.of("/lib/systemd/systemd");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @TempDir
    Path units;

    @Test
    void systemdRunsTheKubeletWithExactlyThePathologicalValues() throws Exception {
        var extra = new TreeMap<String, String>();
        for (int i = 0; i < PathologicalValues.ALL.size(); i++) {
            extra.put(String.format("value-%02d", i), PathologicalValues.ALL.get(i));
        }
        Plan plan = TestPlans.threeMasters().withExtraFlags(Map.of(Component.KUBELET, extra));
        var node = TestPlans.named(plan, "worker2");
        write("kubelet.service", KubeletFiles.unit());
        write("kubelet.service.d/20-mast.conf", KubeletFiles.dropIn(plan, node, Map.of()));

        var expected = new ArrayList<>(List.of(KubePaths.KUBELET_BINARY, "--config=/var/lib/kubelet/config.yaml",
                "--hostname-override=worker2", "--kubeconfig=/etc/kubernetes/kubelet.conf"));
        expected.add("--node-ip=10.10.0.22");
        extra.forEach((name, value) -> expected.add("--" + name + "=" + value));
        assertEquals(expected, commandLine("kubelet.service"));
    }

    @Test
    void systemdRunsEtcdWithEveryPeerInInitialCluster() throws Exception {
        Plan plan = TestPlans.threeMasters();
        write("etcd.service", EtcdUnit.unit(plan, TestPlans.named(plan, "master3"), Map.of("log-level", "debug info")));
        List<String> argv = commandLine("etcd.service");
        assertEquals(KubePaths.ETCD_BINARY, argv.get(0));
        assertEquals(SystemdUnitParser.execStart(Files.readString(units.resolve("etcd.service"))), argv);
        assertEquals(true, argv.contains("--initial-cluster=master1=https://10.10.0.11:2380,master2=https://10.10.0.12:2380,"
                + "master3=https://10.10.0.13:2380"));
        assertEquals(true, argv.contains("--log-level=debug info"));
    }

    private void write(String name, String text) throws IOException {
        Path file = units.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        for (Path dir = file.getParent(); dir.startsWith(units); dir = dir.getParent()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The command systemd would start for the unit, after its own {@code $$} expansion at start time. */
    private List<String> commandLine(String unit) throws Exception {
        assumeTrue(Files.isExecutable(SYSTEMD), "systemd is not installed");
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(!root || Files.isExecutable(SETPRIV), "running as root without setpriv");
        var command = new ArrayList<String>();
        if (root) {
            command.addAll(List.of(SETPRIV.toString(), "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(SYSTEMD.toString(), "--test", "--system", "--unit=" + unit, "--no-pager"));
        var builder = new ProcessBuilder(command).redirectErrorStream(false);
        // The trailing colon keeps systemd's own unit folders, which test mode needs for its targets.
        builder.environment().put("SYSTEMD_UNIT_PATH", units + ":");
        builder.environment().put("HOME", "/tmp");
        Process process = builder.start();
        process.getOutputStream().close();
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        Thread errors = new Thread(() -> copy(process.getErrorStream(), stderr));
        errors.start();
        process.getInputStream().transferTo(stdout);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("systemd --test did not finish");
        }
        errors.join();
        String dump = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "systemd --test failed: " + stderr.toString(StandardCharsets.UTF_8));
        return SystemdDump.execStart(dump, unit).stream().map(a -> a.replace("$$", "$")).toList();
    }

    private static void copy(java.io.InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
