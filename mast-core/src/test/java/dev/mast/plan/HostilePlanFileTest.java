package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to hurt the reader: each is refused with one problem that says where and what. */
class HostilePlanFileTest {
    @TempDir
    Path dir;

    private static final String PLAN = """
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
                roles: [etcd, master]
            """;

    private static Problem onlyProblem(String yaml) {
        var e = assertThrows(PlanFileException.class, () -> PlanFile.parse("cluster.yaml", yaml));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedByItsSizeBeforeItIsRead() throws IOException {
        Path file = dir.resolve("cluster.yaml");
        try (var sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(10L << 30); // 10 GiB of nothing: reading it would take minutes
        }
        var e = assertThrows(PlanFileException.class, () -> PlanFile.read(file));
        assertEquals(file + ":1:1: the file is 10737418240 bytes; Mast reads YAML files of at most 1048576 bytes (1 MiB,"
                + " a plan of thousands of nodes): is it the right file?", e.problems().get(0).toString());
    }

    @Test
    void aStreamLongerThanTheLimitIsCutOffWhereItPasses() {
        var reader = new StringReader("a: " + "x".repeat(YamlText.MAX_BYTES));
        var e = assertThrows(PlanFileException.class, () -> PlanFile.read("cluster.yaml", reader));
        assertTrue(e.problems().get(0).message().startsWith("the file is more than 1048576 characters"), e.getMessage());
    }

    @Test
    void aByteThatIsNotUtf8IsLocatedByLineColumnAndOffset() throws IOException {
        byte[] latin1 = PLAN.replace("name: prod", "name: café").getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("cluster.yaml"), latin1);
        var e = assertThrows(PlanFileException.class, () -> PlanFile.read(file));
        assertEquals(file + ":2:12: byte 20 (0xE9) is not UTF-8; Mast reads UTF-8 text only: save the file as UTF-8"
                + " (a text editor's \"Save with encoding\", or iconv -f latin1 -t utf-8)", e.problems().get(0).toString());
    }

    @Test
    void aControlCharacterInTheFileIsLocated() {
        Problem problem = onlyProblem(PLAN.replace("name: prod", "name: pr\u001b]0;owned\u0007od"));
        assertEquals("cluster.yaml:2:11: the character U+001B is not allowed in a YAML file; remove it (inside double"
                + " quotes, write a control character as an escape such as \\t)", problem.toString());
    }

    @Test
    void anOverlongLineIsRefusedWhereItPassesTheLimit() {
        Problem problem = onlyProblem("# " + "c".repeat(YamlText.MAX_LINE) + "\n" + PLAN);
        assertEquals("cluster.yaml:1:65537: the line is longer than 65536 characters; Mast reads lines of at most 65536:"
                + " break it (a [list] or {mapping} may span lines)", problem.toString());
    }

    @Test
    void aLongTextAliasedManyTimesIsRefusedAtTheAliasThatPassesTheLimit() {
        String yaml = PLAN.replace("name: prod", "name: &big " + "x".repeat(60_000))
                + "extra: [" + String.join(", ", Collections.nCopies(80, "*big")) + "]\n";
        Problem problem = onlyProblem(yaml);
        // The anchored value and 69 aliases of it pass 4 MiB: the 69th alias is the one that goes over.
        assertEquals("cluster.yaml:13:" + (9 + 68 * 6) + ": the alias *big repeats a value (60000 characters of text); with its"
                + " aliases expanded the file holds more than 4194304 characters of text: write the values out, or use"
                + " fewer aliases", problem.toString());
    }

    @Test
    void nestedAliasesThatMultiplyAreRefusedByTheValuesTheyStandFor() {
        var laughs = new StringBuilder("a0: &a0 [lol]\n");
        for (int i = 1; i <= 20; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        Problem problem = onlyProblem(laughs.toString());
        assertTrue(problem.message().contains("with its aliases expanded the file holds more than 100000 values"), problem.toString());
        assertEquals("cluster.yaml:16:12", problem.location().orElseThrow().toString(), "at the first alias of *a14");
    }

    @Test
    void anAliasInsideTheValueItNamesIsRefused() {
        Problem problem = onlyProblem("cluster: &loop {name: prod, self: *loop}\n");
        assertEquals("cluster.yaml:1:35: the alias *loop stands for a value it is part of; a value cannot contain itself",
                problem.toString());
    }

    @Test
    void nestingDeeperThanTheLimitIsLocatedWhereItGoesTooDeep() {
        Problem problem = onlyProblem("cluster: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n");
        assertEquals("cluster.yaml:1:59: values are nested more than 50 levels deep here; Mast's files need a few levels:"
                + " is a bracket or indentation off?", problem.toString());
    }

    @Test
    void aPlanWhoseNodesShareOneAliasedSshSectionLoads() throws IOException {
        var yaml = new StringBuilder(PLAN.replace("    roles: [etcd, master]\n",
                "    roles: [etcd, master]\n    ssh: &ssh {user: admin, port: 2222}\n"));
        for (int i = 2; i <= 300; i++) {
            yaml.append("  - {hostName: node").append(i).append(", ip: 10.0.1.").append(i % 250 + 1)
                    .append(", roles: [worker], ssh: *ssh}\n");
        }
        Plan plan = PlanFile.parse("cluster.yaml", yaml.toString()).plan();
        assertEquals(300, plan.nodes().size());
        assertEquals(new SshSettings("admin", 2222, "", ""), plan.nodes().get(299).ssh());
    }

    @Test
    void aVersionWithNumbersTooLongForAnIntIsNotAVersion() throws IOException {
        LoadedPlan loaded = PlanFile.parse("cluster.yaml", PLAN.replace("\"1.34\"", "1.99999999999"));
        ValidationReport report = new PlanValidator(dir, path -> true).validate(loaded);
        assertEquals("cluster.yaml:3:22: cluster.kubernetesVersion: \"1.99999999999\" is not a Kubernetes version; write it"
                + " like 1.34 or 1.34.3", report.problems().get(0).toString());
    }

    @Test
    void aPortTooLongForAnIntIsALocatedProblem() {
        Problem problem = onlyProblem(PLAN.replace("6443", "99999999999999999999999"));
        assertEquals("cluster.yaml:8:18: cluster.apiServerPort: \"99999999999999999999999\" is not a port number; write a"
                + " number from 1 to 65535", problem.toString());
    }

    @Test
    void valuesQuotedInMessagesAreEscapedAndCut() {
        String title = "\"\\e]0;owned\\a" + "x".repeat(200) + "\"";
        Problem problem = onlyProblem(PLAN.replace("containerRuntime: containerd", "containerRuntime: " + title));
        assertEquals("cluster.yaml:4:21: cluster.containerRuntime: \"\\u001b]0;owned\\u0007" + "x".repeat(50) + "... (210"
                + " characters)\" is not a container runtime Mast supports; use containerd or docker", problem.toString());
        assertFalse(problem.toString().chars().anyMatch(SafeText::isControl));
    }

    @Test
    void aKeyWithAControlCharacterIsEscapedInTheProblemsPath() {
        Problem problem = onlyProblem(PLAN.replace("  name: prod", "  name: prod\n  \"na\\nme\": x"));
        assertEquals("cluster.yaml:3:3: cluster.na\\nme: unknown key \"na\\nme\"; cluster takes name, kubernetesVersion,"
                + " containerRuntime, podCidr, serviceCidr, dnsDomain, apiServerPort, controlPlaneEndpoint, extraFlags, clusterDns,"
                + " podNetwork, apiServerCertSans", problem.toString());
    }

    @Test
    void syntaxErrorsAreToldInMastsWords() {
        assertEquals("cluster.yaml:2:8: YAML syntax error: a tab here: YAML is indented and separated with spaces only",
                onlyProblem("cluster:\n  name:\tprod\n").toString());
        assertEquals("cluster.yaml:1:17: the alias *nowhere names no anchor &nowhere written before it",
                onlyProblem("cluster: {name: *nowhere}\n").toString());
        assertEquals("cluster.yaml:2:1: YAML syntax error: a [list] is not closed: a ',' or ']' belongs here (in the [list]"
                + " from line 1)", onlyProblem("nodes: [a, b\n").toString());
    }

    @Test
    void aKismaticFileIsReadWithTheSameLimits() {
        var e = assertThrows(PlanFileException.class, () -> KismaticImport.read("kismatic-cluster.yaml",
                new StringReader("cluster:\n  name: &n " + "n".repeat(50_000) + "\n  x: [" + "*n, ".repeat(100) + "]\n")));
        Problem problem = e.problems().get(0);
        assertTrue(problem.message().startsWith("the alias *n repeats a value (50000 characters of text)"), problem.toString());
        assertEquals(3, problem.location().orElseThrow().line());
    }

    @Test
    void aFlagValueWithALineBreakIsRefusedByValidation() throws IOException {
        LoadedPlan loaded = PlanFile.parse("cluster.yaml", PLAN.replace("  apiServerPort: 6443\n",
                "  apiServerPort: 6443\n  extraFlags:\n    kube-apiserver:\n      audit-log-path: \"/var/log/a\\nExecStartPre=/bin/sh\"\n"));
        ValidationReport report = new PlanValidator(dir, path -> true).validate(loaded);
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertEquals("cluster.yaml:11:7: cluster.extraFlags.kube-apiserver.audit-log-path: the value"
                + " \"/var/log/a\\nExecStartPre=/bin/sh\" holds a line break or another control character; a flag's value is"
                + " one line of text", report.problems().get(0).toString());
    }

    @Test
    void anSshUserWithAControlCharacterIsRefusedByValidation() throws IOException {
        LoadedPlan loaded = PlanFile.parse("cluster.yaml", PLAN + "    ssh: {user: \"ro\\not\"}\n");
        ValidationReport report = new PlanValidator(dir, path -> true).validate(loaded);
        assertEquals("cluster.yaml:13:17: nodes[0].ssh.user: \"ro\\not\" is not a user name: it holds a line break or"
                + " another control character", report.problems().get(0).toString());
    }
}
