package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private Path key;

    @BeforeEach
    void createKey() throws IOException {
        key = Files.writeString(dir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
    }

    /** A plan whose nodes use a key file that exists, so only the given changes cause problems. */
    private Path plan(String firstRoles, String secondRoles, String thirdIp) throws IOException {
        String ssh = "{user: root, port: 22, keyFile: " + key + "}";
        return Files.writeString(dir.resolve("cluster.yaml"), """
                cluster:
                  name: prod
                  kubernetesVersion: "1.34"
                  containerRuntime: containerd
                  podCidr: 10.244.0.0/16
                  serviceCidr: 10.96.0.0/12
                  dnsDomain: cluster.local
                  apiServerPort: 6443
                nodes:
                  - hostName: node001
                    ip: 10.0.0.1
                    roles: %1$s
                    ssh: %4$s
                  - hostName: node002
                    ip: 10.0.0.2
                    roles: %2$s
                    ssh: %4$s
                  - hostName: node003
                    ip: %3$s
                    roles: [worker]
                    ssh: %4$s
                """.formatted(firstRoles, secondRoles, thirdIp, ssh));
    }

    @Test
    void aKeyFileMissingOnThisMachineIsAWarningNotAnError() throws IOException {
        Path file = plan("[etcd, master]", "[worker]", "10.0.0.3");
        Files.delete(key);
        CliRun run = CliRun.of("validate", "--plan", file.toString());
        assertEquals(MastCommand.OK, run.exitCode(), run.out());
        assertTrue(run.out().contains("nodes[0].ssh.keyFile: \"" + key + "\" cannot be read on this machine"), run.out());
        assertTrue(run.out().contains("; the same for 2 other nodes\n"), "said once for the three nodes: " + run.out());
        assertTrue(run.out().contains(": valid (0 errors, 1 warning"), run.out());
    }

    @Test
    void aValidPlanExitsZero() throws IOException {
        Path file = plan("[etcd, master]", "[worker]", "10.0.0.3");
        CliRun run = CliRun.of("validate", "--plan", file.toString());
        assertEquals(MastCommand.OK, run.exitCode(), run.err());
        assertEquals(file + ": valid (0 errors, 0 warnings)\n", run.out());
    }

    @Test
    void printsEveryProblemLocatedOnItsOwnLineAndExitsTwo() throws IOException {
        Path file = plan("[master]", "[worker]", "10.0.0.300");
        CliRun run = CliRun.of("validate", "--plan", file.toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertEquals(List.of(
                file + ":19:9: nodes[2].ip: \"10.0.0.300\" is not an IPv4 address",
                file + ":10:3: nodes: no node has the etcd role; give 1, 3 or 5 nodes the etcd role (etcd stores the cluster's state)",
                file + ": 2 errors, 0 warnings; fix the errors before installing"),
                run.out().lines().toList());
    }

    @Test
    void warningsAloneExitZeroAndAreMarked() throws IOException {
        Path file = plan("[etcd, master]", "[worker, etcd]", "10.0.0.3");
        CliRun run = CliRun.of("validate", "--plan", file.toString());
        assertEquals(MastCommand.OK, run.exitCode(), run.out());
        assertTrue(run.out().startsWith(file + ":10:3: warning: nodes: 2 nodes have the etcd role"), run.out());
        assertTrue(run.out().endsWith(file + ": valid (0 errors, 1 warning)\n"), run.out());
    }

    @Test
    void aFileThatCannotBeParsedIsBadInputWithItsProblems() throws IOException {
        Path file = Files.writeString(dir.resolve("cluster.yaml"), "cluster:\n  name: prod\n  colour: blue\nnodes: []\n");
        CliRun run = CliRun.of("validate", "--plan", file.toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains(file + ":3:3: cluster.colour: unknown key \"colour\""), run.err());
        assertTrue(run.err().contains(file + ": cannot be read as a plan ("), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingFileIsBadInputWithAClearMessage() {
        Path file = dir.resolve("absent.yaml");
        CliRun run = CliRun.of("validate", "--plan", file.toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertEquals("mast validate: " + file + ": does not exist\n", run.err());
    }

    @Test
    void aFileThatIsNotUtf8IsBadInputLocatedAtTheByte() throws IOException {
        Path file = Files.write(dir.resolve("cluster.yaml"), new byte[] {'a', ':', '\n', ' ', 'b', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        CliRun run = CliRun.of("validate", "--plan", file.toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().startsWith(file + ":2:5: byte 7 (0xC3) is not UTF-8; Mast reads UTF-8 text only"), run.err());
    }

    @Test
    void thePlanOptionIsRequired() {
        CliRun run = CliRun.of("validate");
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("Missing required option: '--plan=FILE'"), run.err());
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = CliRun.of("validate", "--help");
        assertEquals(MastCommand.OK, run.exitCode());
        assertTrue(run.out().contains("Usage: mast validate"), run.out());
        assertTrue(run.out().contains("--plan=FILE"), run.out());
    }
}
