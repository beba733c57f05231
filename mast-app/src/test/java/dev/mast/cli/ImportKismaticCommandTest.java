package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportKismaticCommandTest {
    @TempDir
    Path dir;

    /** The sample from mast-core's test resources, as a file (the classpath may hold it inside a jar). */
    private String sample() throws IOException {
        Path sample = dir.resolve("kismatic-cluster.yaml");
        if (!Files.exists(sample)) {
            try (var in = ImportKismaticCommandTest.class.getResourceAsStream("/kismatic/kismatic-cluster.yaml")) {
                Files.copy(in, sample);
            }
        }
        return sample.toString();
    }

    @Test
    void writesThePlanAndPrintsTheWarnings() throws Exception {
        Path out = dir.resolve("cluster.yaml");
        CliRun run = CliRun.of("import-kismatic", sample(), "--out", out.toString());
        assertEquals(MastCommand.OK, run.exitCode(), run.err());
        Plan plan = PlanFile.read(out).plan();
        assertEquals("acme-prod", plan.name());
        assertEquals(8, plan.nodes().size());
        assertEquals(ContainerRuntime.DOCKER, plan.runtime());
        var lines = run.out().lines().toList();
        assertEquals(18, lines.size(), run.out());
        assertTrue(lines.contains(sample() + ":77:3: warning: add_ons.heapster: has no equivalent in Mast; ignored (Heapster is"
                + " retired; metrics-server gives kubectl top and autoscaling their figures)"), run.out());
        assertEquals("Wrote " + out + " (8 nodes) from " + sample() + " with 17 warnings. Check it with: mast validate --plan " + out,
                lines.get(17));
    }

    @Test
    void anUnfilledTemplateIsBadInputAtEachPlaceholderAndWritesNothing() throws IOException {
        Path source = Files.writeString(dir.resolve("kismatic-cluster.yaml"), """
                etcd:
                  nodes:
                  - host: etcd-0
                    ip: ${etcd0_ip}
                master:
                  load_balanced_fqdn: ${loadbalancer_ip}
                  nodes:
                  - host: master-0
                    ip: ""
                """);
        Path out = dir.resolve("cluster.yaml");
        CliRun run = CliRun.of("import-kismatic", source.toString(), "--out", out.toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains(source + ":4:5: etcd.nodes[0].ip: holds the template placeholder ${etcd0_ip}"), run.err());
        assertTrue(run.err().contains(source + ":6:3: master.load_balanced_fqdn: holds the template placeholder"), run.err());
        assertTrue(run.err().contains(source + ":9:5: master.nodes[0].ip: is empty"), run.err());
        assertTrue(run.err().contains("cannot be imported (3 problems); nothing was written"), run.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void refusesToOverwriteAnExistingPlanWithoutForce() throws Exception {
        Path out = Files.writeString(dir.resolve("cluster.yaml"), "my plan");
        CliRun run = CliRun.of("import-kismatic", sample(), "--out", out.toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertEquals("mast import-kismatic: " + out + " already exists; choose another --out or add --force to overwrite it\n", run.err());
        assertEquals("my plan", Files.readString(out));
    }

    @Test
    void overwritesWithForce() throws Exception {
        Path out = Files.writeString(dir.resolve("cluster.yaml"), "my plan");
        CliRun run = CliRun.of("import-kismatic", sample(), "--out", out.toString(), "--force");
        assertEquals(MastCommand.OK, run.exitCode(), run.err());
        assertEquals("acme-prod", PlanFile.read(out).plan().name());
    }

    @Test
    void anUnparseableFileIsBadInputAndWritesNothing() throws IOException {
        Path source = Files.writeString(dir.resolve("kismatic-cluster.yaml"), "cluster:\n  name: [c\n");
        Path out = dir.resolve("cluster.yaml");
        CliRun run = CliRun.of("import-kismatic", source.toString(), "--out", out.toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains(source + ":3:1: YAML syntax error"), run.err());
        assertTrue(run.err().contains("cannot be imported (1 problem); nothing was written"), run.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void aMissingInputIsBadInput() {
        Path source = dir.resolve("absent.yaml");
        CliRun run = CliRun.of("import-kismatic", source.toString(), "--out", dir.resolve("cluster.yaml").toString());
        assertEquals(MastCommand.BAD_INPUT, run.exitCode());
        assertEquals("mast import-kismatic: " + source + ": does not exist\n", run.err());
    }

    @Test
    void anUnwritableDestinationIsAFailure() throws Exception {
        Path out = dir.resolve("no-such-folder").resolve("cluster.yaml");
        CliRun run = CliRun.of("import-kismatic", sample(), "--out", out.toString());
        assertEquals(MastCommand.FAILED, run.exitCode());
        assertTrue(run.err().startsWith("mast import-kismatic: cannot write " + out), run.err());
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = CliRun.of("import-kismatic", "--help");
        assertEquals(MastCommand.OK, run.exitCode());
        assertTrue(run.out().contains("Usage: mast import-kismatic"), run.out());
        assertTrue(run.out().contains("--force"), run.out());
    }
}
