package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    @TempDir
    Path dir;

    private Path planFile;

    @BeforeEach
    void writePlan() throws IOException {
        Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
        String ssh = "{user: root, port: 22, keyFile: " + key + "}";
        planFile = Files.writeString(dir.resolve("cluster.yaml"), """
                cluster:
                  name: prod
                  kubernetesVersion: "1.34"
                  containerRuntime: containerd
                  podCidr: 10.244.0.0/16
                  serviceCidr: 10.96.0.0/12
                  dnsDomain: cluster.local
                  apiServerPort: 6443
                nodes:
                  - {hostName: node001, ip: 10.0.0.1, roles: [etcd, master], ssh: %1$s}
                  - {hostName: node002, ip: 10.0.0.2, roles: [worker], ssh: %1$s}
                """.formatted(ssh));
    }

    private List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFlagPathRenderCannotMountIsAValidationErrorAtItsLineNotAStackTrace() throws IOException {
        Files.writeString(planFile, Files.readString(planFile).replace("  apiServerPort: 6443\n",
                "  apiServerPort: 6443\n  extraFlags:\n    kube-apiserver:\n      audit-log-path: /var/log/kube-apiserver-audit.log\n"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", "--plan", planFile.toString(), "--out", out.toString());

        assertEquals(MastCommand.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("cluster.yaml:11:7: cluster.extraFlags.kube-apiserver.audit-log-path: --audit-log-path names"
                + " /var/log/kube-apiserver-audit.log"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void writesEachNodesFilesUnderItsHostName() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", "--plan", planFile.toString(), "--out", out.toString());

        assertEquals(MastCommand.OK, run.exitCode(), run.err());
        List<String> files = files(out);
        assertTrue(files.contains("node001/etc/kubernetes/manifests/kube-apiserver.yaml"), files.toString());
        assertTrue(files.contains("node001/etc/systemd/system/etcd.service"));
        assertTrue(files.contains("node001/var/lib/kubelet/config.yaml"));
        assertTrue(files.contains("node001/etc/kubernetes/pki/apiserver.key"));
        assertTrue(files.contains("node002/etc/kubernetes/manifests/kube-proxy.yaml"));
        assertFalse(files.contains("node002/etc/kubernetes/manifests/kube-apiserver.yaml"));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("node001/etc/kubernetes/pki/apiserver.key"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("node001/etc/kubernetes/manifests/kube-apiserver.yaml"))));
        assertTrue(run.out().contains("static pods: kube-apiserver-node001"), run.out());
        assertTrue(Files.isDirectory(dir.resolve("cluster-pki")), "the PKI is kept beside the plan");
    }

    @Test
    void refusesANonEmptyFolderWithoutForceAndWritesNothing() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliRun run = CliRun.of("render", "--plan", planFile.toString(), "--out", out.toString());

        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("is not empty"), run.err());
        assertEquals(List.of("keep.txt"), files(out));
    }

    @Test
    void renderingAgainGivesByteIdenticalFiles() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertEquals(MastCommand.OK, CliRun.of("render", "--plan", planFile.toString(), "--out", first.toString()).exitCode());
        assertEquals(MastCommand.OK, CliRun.of("render", "--plan", planFile.toString(), "--out", second.toString()).exitCode());
        assertEquals(files(first), files(second));
        for (String file : files(first)) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }

    @Test
    void aKeyFileMissingOnThisMachineIsOnlyAWarningForRendering() throws IOException {
        Files.delete(dir.resolve("id_ed25519"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", "--plan", planFile.toString(), "--out", out.toString());
        assertEquals(MastCommand.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("nodes[0].ssh.keyFile: \"" + dir.resolve("id_ed25519") + "\" cannot be read on this machine"),
                run.err());
        assertTrue(Files.exists(out.resolve("node001/etc/kubernetes/manifests/kube-apiserver.yaml")));
    }

    @Test
    void aDryRunSaysHowEachNodeIsReachedAndWhereItsSshSettingsCameFrom() throws IOException {
        Files.writeString(planFile, Files.readString(planFile).replace("nodes:", "ssh: {jump: ops@bastion.example.com:2222}\nnodes:"));
        CliRun run = CliRun.of("install", "--plan", planFile.toString(), "--dry-run");
        assertEquals(MastCommand.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("  ssh: root@10.0.0.1:22 through ops@bastion.example.com:2222\n"), run.out());
        assertTrue(run.out().contains("User root (plan); HostName 10.0.0.1 (plan); Port 22 (plan); IdentityFile "
                + dir.resolve("id_ed25519") + " (plan); ProxyJump ops@bastion.example.com:2222 (plan)"), run.out());
    }

    @Test
    void anInvalidPlanIsBadInputAndWritesNothing() throws IOException {
        Files.writeString(planFile, Files.readString(planFile).replace("10.0.0.2", "10.0.0.300"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", "--plan", planFile.toString(), "--out", out.toString());

        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("nodes[1].ip: \"10.0.0.300\" is not an IPv4 address"), run.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("cluster-pki")));
    }

    @Test
    void aPlanThatCannotBeReadPrintsEachProblemWhereItIsForRenderAndInstallAlike() throws IOException {
        Files.writeString(planFile, Files.readString(planFile).replace("roles: [worker]", "roles: [workr]")
                .replace("  podCidr: 10.244.0.0/16\n", ""));
        Path out = dir.resolve("out");

        for (String[] args : List.of(new String[] {"render", "--plan", planFile.toString(), "--out", out.toString()},
                new String[] {"install", "--plan", planFile.toString(), "--yes"})) {
            CliRun run = CliRun.of(args);

            assertEquals(MastCommand.BAD_INPUT, run.exitCode(), args[0]);
            // Each problem on a line of its own, with where it is, before the summary.
            String located = java.util.regex.Pattern.quote(planFile.toString()) + ":\\d+:\\d+: ";
            assertTrue(run.err().lines().anyMatch(line -> line.matches(located
                    + "cluster\\.podCidr: is missing; add it under cluster, e\\.g\\. podCidr: 10\\.244\\.0\\.0/16")), args[0] + ": " + run.err());
            assertTrue(run.err().lines().anyMatch(line -> line.matches(located
                    + "nodes\\[1\\]\\.roles\\[0\\]: \"workr\" is not a role; use etcd, master, worker or ingress")), args[0] + ": " + run.err());
            assertFalse(Files.exists(out));
        }
    }
}
