package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {
    @TempDir
    Path dir;

    private static final String MINIMAL = """
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

    @Test
    void readsEveryValueOfTheSamplePlan() {
        Plan plan = TestPlans.threeMasters();
        assertEquals("prod", plan.name());
        assertEquals("1.34.3", plan.kubernetesVersion());
        assertEquals(ContainerRuntime.CONTAINERD, plan.runtime());
        assertEquals("lb.example.com:6443", plan.controlPlaneEndpoint());
        assertEquals(Map.of(Component.KUBE_APISERVER, Map.of("audit-log-maxage", "30")), plan.extraFlags());
        assertEquals(6, plan.nodes().size());
        assertEquals(new Node("worker001", "192.168.10.21", "10.0.0.21", Set.of(Role.WORKER),
                new SshSettings("admin", 2222, "~/.ssh/workers_ed25519")), plan.nodes().get(3));
        assertEquals(3, plan.masters().size());
        assertEquals(plan.masters(), plan.etcdNodes());
    }

    @Test
    void leftOutOptionalValuesGetTheirDefaultsAndSshIsLeftToTheSshConfiguration() throws IOException {
        Plan plan = PlanFile.parse("cluster.yaml", MINIMAL).plan();
        Node node = plan.nodes().get(0);
        assertEquals("10.0.0.1", node.internalIp());
        assertEquals(SshSettings.UNSET, node.ssh());
        assertEquals("", plan.controlPlaneEndpoint());
        assertEquals(Map.of(), plan.extraFlags());
        assertEquals("1.34", plan.kubernetesVersion());
    }

    @Test
    void aPartialSshSectionLeavesTheRestUnset() throws IOException {
        String yaml = MINIMAL.replace("roles: [etcd, master]", "roles: [etcd, master]\n    ssh: {user: ubuntu}");
        assertEquals(new SshSettings("ubuntu", 0, ""), PlanFile.parse("cluster.yaml", yaml).plan().nodes().get(0).ssh());
    }

    @Test
    void thePlansSshSettingsApplyToEveryNodeThatDoesNotSetItsOwn() throws IOException {
        String yaml = MINIMAL.replace("nodes:", "ssh: {user: ops, jump: ops@bastion:2222}\nnodes:")
                .replace("roles: [etcd, master]", "roles: [etcd, master]\n    ssh: {user: ubuntu, keyFile: ~/.ssh/k}");
        Plan plan = PlanFile.parse("cluster.yaml", yaml).plan();
        assertEquals(new SshSettings("ubuntu", 0, "~/.ssh/k", "ops@bastion:2222"), plan.nodes().get(0).ssh());
        assertEquals(new SshSettings("ops", 0, "", "ops@bastion:2222"), plan.ssh());
        Path file = dir.resolve("jump.yaml");
        PlanFile.write(plan, file);
        String written = Files.readString(file);
        assertTrue(written.contains("ssh:\n  user: ops\n  jump: ops@bastion:2222\nnodes:"), written);
        assertTrue(written.contains("ssh: {user: ubuntu, keyFile: ~/.ssh/k}"), written);
        assertEquals(plan, PlanFile.read(file).plan());
    }

    @Test
    void savingThenLoadingGivesAnEqualPlan() throws IOException {
        for (String resource : List.of(TestPlans.THREE_MASTERS, TestPlans.EXAMPLE)) {
            Plan plan = TestPlans.load(resource).plan();
            Path file = dir.resolve("saved.yaml");
            PlanFile.write(plan, file);
            assertEquals(plan, PlanFile.read(file).plan(), resource);
        }
    }

    @Test
    void savingTwiceGivesIdenticalBytes() throws IOException {
        Plan plan = TestPlans.load(TestPlans.EXAMPLE).plan();
        PlanFile.write(plan, dir.resolve("first.yaml"));
        PlanFile.write(PlanFile.read(dir.resolve("first.yaml")).plan(), dir.resolve("second.yaml"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("first.yaml")), Files.readAllBytes(dir.resolve("second.yaml")));
    }

    @Test
    void writesKeysInTheDocumentedOrder() {
        String yaml = PlanFile.toYaml(TestPlans.threeMasters());
        List<String> keys = List.of("cluster:", "name:", "kubernetesVersion:", "containerRuntime:", "podCidr:", "serviceCidr:",
                "dnsDomain:", "apiServerPort:", "controlPlaneEndpoint:", "extraFlags:", "nodes:", "hostName:", "ip:",
                "internalIp:", "roles:", "ssh:");
        int at = 0;
        for (String key : keys) {
            int next = yaml.indexOf(key, at);
            assertTrue(next >= at, key + " out of order in\n" + yaml);
            at = next;
        }
        assertTrue(yaml.contains("    roles: [etcd, master]\n"), yaml);
        assertTrue(yaml.contains("    ssh: {user: root, port: 22, keyFile: ~/.ssh/id_ed25519}\n"), yaml);
    }

    @Test
    void valuesThatLookLikeNumbersSurviveTheRoundTripAsText() throws IOException {
        Plan plan = TestPlans.withVersion(TestPlans.threeMasters(), "1.30")
                .withExtraFlags(Map.of(Component.KUBELET, Map.of("max-pods", "110", "fail-swap-on", "false", "eviction-hard", "")));
        Plan back = PlanFile.parse("x.yaml", PlanFile.toYaml(plan)).plan();
        assertEquals("1.30", back.kubernetesVersion());
        assertEquals(plan.extraFlags(), back.extraFlags());
    }

    @Test
    void aHandEditedFileWithCommentsLoads() {
        LoadedPlan loaded = TestPlans.load(TestPlans.EXAMPLE);
        assertEquals(4, loaded.plan().nodes().size());
        assertEquals(EnumSet.of(Role.WORKER, Role.INGRESS), loaded.plan().nodes().get(3).sortedRoles());
        assertEquals("192.168.1.21", loaded.plan().nodes().get(3).internalIp());
        assertEquals("50s", loaded.plan().extraFlags(Component.KUBE_CONTROLLER_MANAGER).get("node-monitor-grace-period"));
    }

    @Test
    void recordsTheLineAndColumnOfEachValue() throws IOException {
        SourceMap locations = PlanFile.parse("cluster.yaml", MINIMAL).locations();
        assertEquals(Optional.of(new Location("cluster.yaml", 4, 21)), locations.exact("cluster.containerRuntime"));
        assertEquals(Optional.of(new Location("cluster.yaml", 11, 9)), locations.exact("nodes[0].ip"));
        assertEquals(Optional.of(new Location("cluster.yaml", 12, 12)), locations.exact("nodes[0].roles"));
        // Not written: located at the node it belongs to.
        assertEquals(Optional.empty(), locations.exact("nodes[0].ssh.port"));
        assertEquals(Optional.of(new Location("cluster.yaml", 10, 5)), locations.find("nodes[0].ssh.port"));
    }

    @Test
    void anUnknownKeyIsALocatedErrorThatSuggestsTheRightOne() {
        String yaml = MINIMAL.replace("  podCidr:", "  podCIDR:");
        var e = assertThrows(PlanFileException.class, () -> PlanFile.parse("cluster.yaml", yaml));
        assertEquals(2, e.problems().size(), e.getMessage());
        Problem unknown = e.problems().get(0);
        assertEquals("cluster.podCIDR", unknown.path());
        assertEquals(Optional.of(new Location("cluster.yaml", 5, 3)), unknown.location());
        assertTrue(unknown.message().startsWith("unknown key \"podCIDR\"; cluster takes name, "), unknown.message());
        assertTrue(unknown.message().endsWith("(did you mean podCidr?)"), unknown.message());
        assertEquals("cluster.yaml:2:3: cluster.podCidr: is missing; add it under cluster, e.g. podCidr: 10.244.0.0/16",
                e.problems().get(1).toString());
    }

    @Test
    void aPlanWithoutDnsDomainOrApiServerPortTakesTheDefaultsNearlyEveryoneWants() throws Exception {
        String yaml = MINIMAL.replace("  dnsDomain: cluster.local\n", "").replace("  apiServerPort: 6443\n", "");
        assertFalse(yaml.contains("dnsDomain") || yaml.contains("apiServerPort"), yaml);

        Plan plan = PlanFile.parse("cluster.yaml", yaml).plan();

        assertEquals("cluster.local", plan.dnsDomain());
        assertEquals(6443, plan.apiServerPort());
        assertTrue(new PlanValidator().validate(PlanFile.parse("cluster.yaml", yaml)).problems().stream()
                .noneMatch(p -> p.path().equals("cluster.dnsDomain") || p.path().equals("cluster.apiServerPort")));
    }

    @Test
    void aPortThatIsNotANumberIsALocatedError() {
        String yaml = MINIMAL.replace("roles: [etcd, master]", "roles: [etcd, master]\n    ssh: {port: abc}");
        var e = assertThrows(PlanFileException.class, () -> PlanFile.parse("cluster.yaml", yaml));
        assertEquals(List.of("cluster.yaml:13:17: nodes[0].ssh.port: \"abc\" is not a port number; write a number from 1 to 65535"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void reportsEveryParseProblemAtOnce() {
        String yaml = """
                cluster:
                  name: [prod]
                  kubernetesVersion: "1.34"
                  containerRuntime: cri-o
                  podCidr: 10.244.0.0/16
                  serviceCidr: 10.96.0.0/12
                  dnsDomain: cluster.local
                  apiServerPort: 6443
                  extraFlags:
                    kube-apiservr: {v: "2"}
                nodes:
                  - hostName: node001
                    ip: 10.0.0.1
                    roles: [etcd, boss]
                    colour: blue
                  - hostName: node002
                    ip: 10.0.0.2
                    ip: 10.0.0.3
                    roles: master
                """;
        var e = assertThrows(PlanFileException.class, () -> PlanFile.parse("cluster.yaml", yaml));
        assertEquals(List.of(
                "cluster.yaml:2:9: cluster.name: expected text, found a list",
                "cluster.yaml:4:21: cluster.containerRuntime: \"cri-o\" is not a container runtime Mast supports; use containerd or docker",
                "cluster.yaml:10:5: cluster.extraFlags.kube-apiservr: \"kube-apiservr\" is not a component; use kube-apiserver,"
                        + " kube-controller-manager, kube-scheduler, kube-proxy, kubelet or etcd",
                "cluster.yaml:15:5: nodes[0].colour: unknown key \"colour\"; nodes[0] takes hostName, ip, internalIp, roles, ssh",
                "cluster.yaml:14:19: nodes[0].roles[1]: \"boss\" is not a role; use etcd, master, worker or ingress",
                "cluster.yaml:18:5: nodes[1].ip: \"ip\" appears twice; keep only one",
                "cluster.yaml:19:12: nodes[1].roles: expected a list such as [etcd, master], found \"master\""),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aYamlSyntaxErrorIsLocated() {
        String yaml = MINIMAL.replace("  dnsDomain: cluster.local", "  dnsDomain: [cluster.local");
        var e = assertThrows(PlanFileException.class, () -> PlanFile.parse("cluster.yaml", yaml));
        Problem problem = e.problems().get(0);
        assertEquals("", problem.path());
        assertTrue(problem.message().startsWith("YAML syntax error: "), problem.message());
        assertEquals("cluster.yaml", problem.location().orElseThrow().file());
        assertEquals(8, problem.location().orElseThrow().line(), problem.toString());
    }

    @Test
    void anEmptyFileIsAnError() {
        var e = assertThrows(PlanFileException.class, () -> PlanFile.parse("cluster.yaml", "# nothing yet\n"));
        assertEquals("cluster.yaml:1:1: the file is empty", e.problems().get(0).toString());
    }

    @Test
    void aFileThatIsNotAMappingIsAnError() {
        var e = assertThrows(PlanFileException.class, () -> PlanFile.parse("cluster.yaml", "- a\n- b\n"));
        assertTrue(e.problems().get(0).message().startsWith("expected a mapping with the keys cluster, nodes"), e.getMessage());
    }

    @Test
    void tagsInTheFileCannotCreateObjects() {
        String yaml = MINIMAL.replace("name: prod", "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.invalid/\"]]]]");
        var e = assertThrows(PlanFileException.class, () -> PlanFile.parse("cluster.yaml", yaml));
        assertEquals("cluster.yaml:2:9: a tag that names a type (!!name) is not allowed; Mast reads plain values: remove the tag",
                e.problems().get(0).toString());
    }

    @Test
    void aMissingFileIsReportedAsSuch() {
        assertThrows(NoSuchFileException.class, () -> PlanFile.read(dir.resolve("absent.yaml")));
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, "old content");
        PlanFile.write(TestPlans.threeMasters(), file);
        assertEquals(TestPlans.threeMasters(), PlanFile.read(file).plan());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aNewPlanFileIsReadableByOthersAndAnExistingOneKeepsItsMode() throws IOException {
        Path fresh = dir.resolve("fresh.yaml");
        PlanFile.write(TestPlans.threeMasters(), fresh);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path kept = dir.resolve("kept.yaml");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
        PlanFile.write(TestPlans.threeMasters(), kept);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    }

    @Test
    void writingIntoAMissingFolderFailsAndCreatesNothing() {
        Path file = dir.resolve("missing").resolve("cluster.yaml");
        assertThrows(IOException.class, () -> PlanFile.write(TestPlans.threeMasters(), file));
        assertTrue(Files.notExists(dir.resolve("missing")));
    }
}
