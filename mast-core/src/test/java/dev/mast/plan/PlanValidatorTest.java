package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanValidatorTest {
    @TempDir
    Path home;

    private PlanValidator validator;
    private Plan valid;

    @BeforeEach
    void setUp() throws IOException {
        validator = new PlanValidator(TestPlans.homeWithKeys(home), Files::isReadable);
        valid = TestPlans.threeMasters();
    }

    private List<String> messagesFor(Plan plan, String path) {
        return validator.validate(plan).problemsFor(path).stream().map(Problem::message).toList();
    }

    private Problem onlyProblem(Plan plan) {
        List<Problem> problems = validator.validate(plan).problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void theSamplePlansHaveNoProblems() {
        assertEquals(List.of(), validator.validate(TestPlans.load(TestPlans.THREE_MASTERS)).problems());
        assertEquals(List.of(), validator.validate(TestPlans.load(TestPlans.EXAMPLE)).problems());
    }

    @Test
    void reportsABadIpAtItsLineAndColumn() throws IOException {
        String yaml = TestPlans.text(TestPlans.THREE_MASTERS).replace("192.168.10.13", "10.0.0.300");
        LoadedPlan loaded = PlanFile.parse("cluster.yaml", yaml);
        ValidationReport report = validator.validate(loaded);
        assertEquals(List.of("cluster.yaml:28:9: nodes[2].ip: \"10.0.0.300\" is not an IPv4 address"),
                report.problems().stream().map(Problem::toString).toList());
        assertTrue(report.hasErrors());
    }

    @Test
    void rejectsABadInternalIp() {
        Plan plan = TestPlans.withNode(valid, 1, n -> n.withInternalIp("10.0.0"));
        assertEquals("nodes[1].internalIp: \"10.0.0\" is not an IPv4 address", onlyProblem(plan).toString());
    }

    @Test
    void aBadAddressUsedAsBothIpAndInternalIpIsReportedOnce() {
        Plan plan = TestPlans.withNode(valid, 1, n -> n.withIp("10.0.0").withInternalIp("10.0.0"));
        assertEquals("nodes[1].ip: \"10.0.0\" is not an IPv4 address", onlyProblem(plan).toString());
    }

    @Test
    void rejectsAnEmptyIp() {
        Plan plan = TestPlans.withNode(valid, 0, n -> n.withIp(""));
        assertEquals(List.of("is empty; enter an IPv4 address such as 10.0.0.1"), messagesFor(plan, "nodes[0].ip"));
    }

    @Test
    void rejectsTextThatIsNotACidr() {
        Plan plan = TestPlans.withPodCidr(valid, "10.244.0.0");
        assertEquals(List.of("\"10.244.0.0\" is not a CIDR; write an IPv4 network and prefix length such as 10.96.0.0/12"),
                messagesFor(plan, "cluster.podCidr"));
    }

    @Test
    void rejectsACidrWithHostBitsSetAndNamesTheNetwork() {
        Plan plan = TestPlans.withServiceCidr(valid, "10.96.0.1/12");
        assertEquals("cluster.serviceCidr: \"10.96.0.1/12\" has host bits set: the address of a /12 network ends in zero bits;"
                + " did you mean 10.96.0.0/12?", onlyProblem(plan).toString());
    }

    @Test
    void rejectsOverlappingServiceAndPodCidrs() {
        Plan plan = TestPlans.withServiceCidr(valid, "10.244.128.0/20");
        assertEquals(List.of("service CIDR 10.244.128.0/20 overlaps the pod CIDR 10.244.0.0/16; pods and services need"
                + " separate address ranges, e.g. 10.244.0.0/16 and 10.96.0.0/12"), messagesFor(plan, "cluster.serviceCidr"));
    }

    @Test
    void rejectsAServiceCidrWithFewerThanSixteenAddresses() {
        List<String> messages = messagesFor(TestPlans.withServiceCidr(valid, "10.96.0.0/29"), "cluster.serviceCidr");
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).startsWith("service CIDR /29 has only 8 addresses"), messages.get(0));
        assertEquals(List.of(), messagesFor(TestPlans.withServiceCidr(valid, "10.96.0.0/28"), "cluster.serviceCidr"));
    }

    @Test
    void rejectsAServiceCidrLargerThanKubeApiserverAccepts() {
        assertEquals(List.of("service CIDR /11 is larger than /12, the largest kube-apiserver accepts for IPv4;"
                + " use a /12 or smaller network"), messagesFor(TestPlans.withServiceCidr(valid, "10.96.0.0/11"), "cluster.serviceCidr"));
        assertEquals(List.of(), messagesFor(TestPlans.withServiceCidr(valid, "10.96.0.0/12"), "cluster.serviceCidr"));
    }

    @Test
    void rejectsAPodCidrSmallerThanOneNodesShare() {
        assertEquals(List.of("pod CIDR /25 is smaller than the /24 that kube-controller-manager gives each node;"
                + " use a /24 or larger network"), messagesFor(TestPlans.withPodCidr(valid, "10.244.0.0/25"), "cluster.podCidr"));
    }

    @Test
    void rejectsAPodCidrWithoutRoomForEveryNode() {
        assertEquals(List.of("pod CIDR 10.244.0.0/22 has room for 4 nodes (a /24 each) but the plan has 6; use a larger network"),
                messagesFor(TestPlans.withPodCidr(valid, "10.244.0.0/22"), "cluster.podCidr"));
    }

    @Test
    void takesTheNodeMaskFromControllerManagerFlags() {
        Plan plan = TestPlans.withPodCidr(valid, "10.244.0.0/22")
                .withExtraFlags(Map.of(Component.KUBE_CONTROLLER_MANAGER, Map.of("node-cidr-mask-size", "26")));
        assertEquals(List.of(), messagesFor(plan, "cluster.podCidr"));
    }

    @Test
    void warnsWhenANodeAddressLiesInsideThePodCidr() {
        Plan plan = TestPlans.withNode(valid, 0, n -> n.withInternalIp("10.244.3.7"));
        Problem problem = onlyProblem(plan);
        assertEquals(Severity.WARNING, problem.severity());
        assertEquals("nodes[0].internalIp", problem.path());
        assertTrue(problem.message().startsWith("10.244.3.7 lies inside the pod CIDR 10.244.0.0/16"), problem.message());
    }

    @Test
    void rejectsDuplicateHostNames() {
        Plan plan = TestPlans.withNode(valid, 4, n -> n.withHostName("worker001"));
        assertEquals("nodes[4].hostName: \"worker001\" is already the host name of nodes[3]; every node needs its own name",
                onlyProblem(plan).toString());
    }

    @Test
    void rejectsDuplicateIpAddresses() {
        Plan plan = TestPlans.withNode(valid, 4, n -> n.withIp("192.168.10.21"));
        assertEquals("nodes[4].ip: 192.168.10.21 is already an address of nodes[3] (worker001); every node needs its own addresses",
                onlyProblem(plan).toString());
    }

    @Test
    void rejectsAnInternalIpThatIsAnotherNodesAddress() {
        Plan plan = TestPlans.withNode(valid, 5, n -> n.withInternalIp("192.168.10.11"));
        assertEquals(List.of("192.168.10.11 is already an address of nodes[0] (master001); every node needs its own addresses"),
                messagesFor(plan, "nodes[5].internalIp"));
    }

    @Test
    void aNodeMayUseOneAddressForBoth() {
        Plan plan = TestPlans.withNode(valid, 5, n -> n.withInternalIp(n.ip()));
        assertEquals(List.of(), validator.validate(plan).problems());
    }

    @Test
    void rejectsHostNamesThatAreNotDnsLabelsAndSaysWhy() {
        for (String name : List.of("Node01", "node_01", "-node", "node-", "n".repeat(64))) {
            List<String> messages = messagesFor(TestPlans.withNode(valid, 3, n -> n.withHostName(name)), "nodes[3].hostName");
            assertEquals(1, messages.size(), name);
            assertTrue(messages.get(0).startsWith("\"" + name + "\" is not a DNS label"), messages.get(0));
            assertTrue(messages.get(0).endsWith("The kubelet uses the host name in pod names (kube-apiserver-" + name + ")"),
                    messages.get(0));
        }
        assertEquals(List.of(), messagesFor(TestPlans.withNode(valid, 3, n -> n.withHostName("n".repeat(63))), "nodes[3].hostName"));
    }

    @Test
    void requiresANodeWithTheMasterRole() {
        Plan plan = valid.withNodes(valid.nodes().stream().map(n -> n.has(Role.MASTER) ? n.withRoles(Set.of(Role.ETCD)) : n).toList());
        assertEquals("nodes: no node has the master role; give at least one node the master role"
                + " (it runs kube-apiserver, kube-controller-manager and kube-scheduler)", onlyProblem(plan).toString());
    }

    @Test
    void requiresANodeWithTheEtcdRole() {
        Plan plan = valid.withNodes(valid.nodes().stream().map(n -> n.has(Role.MASTER) ? n.withRoles(Set.of(Role.MASTER)) : n).toList());
        Problem problem = onlyProblem(plan);
        assertTrue(problem.isError());
        assertEquals("nodes", problem.path());
        assertTrue(problem.message().startsWith("no node has the etcd role"), problem.message());
    }

    @Test
    void warnsAboutAnEvenNumberOfEtcdMembersAndExplainsQuorum() {
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withRoles(Set.of(Role.WORKER, Role.ETCD)));
        Problem problem = onlyProblem(plan);
        assertEquals(Severity.WARNING, problem.severity());
        assertEquals("4 nodes have the etcd role: etcd works only while a majority (quorum) of its members is up, so 4 members"
                + " survive 1 failure, no more than 3 would; the extra member is one more machine that can fail."
                + " Use an odd number, e.g. 3 or 5", problem.message());
        assertFalse(validator.validate(plan).hasErrors());
    }

    @Test
    void twoEtcdMembersSurviveNoFailure() {
        Plan plan = TestPlans.withNode(valid, 2, n -> n.withRoles(Set.of(Role.MASTER)));
        assertTrue(onlyProblem(plan).message().contains("so 2 members survive 0 failures, no more than 1 would"));
    }

    @Test
    void rejectsAnUnsupportedKubernetesVersion() {
        assertEquals("cluster.kubernetesVersion: Kubernetes 1.29.0 is not supported; Mast installs 1.31 to 1.34",
                onlyProblem(TestPlans.withVersion(valid, "1.29.0")).toString());
    }

    @Test
    void rejectsTextThatIsNoKubernetesVersion() {
        assertEquals(List.of("\"latest\" is not a Kubernetes version; write it like 1.34 or 1.34.3"),
                messagesFor(TestPlans.withVersion(valid, "latest"), "cluster.kubernetesVersion"));
    }

    @Test
    void rejectsAnEmptyClusterName() {
        assertEquals(List.of("is empty; name the cluster, e.g. prod (it names kubeconfig contexts and certificates)"),
                messagesFor(TestPlans.withName(valid, ""), "cluster.name"));
    }

    @Test
    void rejectsAClusterNameThatIsNotADnsLabel() {
        List<String> messages = messagesFor(TestPlans.withName(valid, "Prod Cluster"), "cluster.name");
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).startsWith("\"Prod Cluster\" is not a DNS label"), messages.get(0));
    }

    @Test
    void rejectsADnsDomainThatIsNotADnsName() {
        for (String domain : List.of("cluster_local", "cluster..local", "-cluster.local", "cluster.local.", "")) {
            assertEquals(1, messagesFor(TestPlans.withDnsDomain(valid, domain), "cluster.dnsDomain").size(), domain);
        }
        assertEquals(List.of(), messagesFor(TestPlans.withDnsDomain(valid, "k8s.acme.internal"), "cluster.dnsDomain"));
    }

    @Test
    void rejectsAnApiServerPortOutOfRange() {
        assertEquals(List.of("0 is not a port number; use a number from 1 to 65535"),
                messagesFor(TestPlans.withApiServerPort(valid, 0), "cluster.apiServerPort"));
        assertEquals(1, messagesFor(TestPlans.withApiServerPort(valid, 65536), "cluster.apiServerPort").size());
    }

    @Test
    void rejectsAnSshPortOutOfRange() {
        Plan plan = TestPlans.withNode(valid, 0, n -> n.withSsh(n.ssh().withPort(70000)));
        assertEquals("nodes[0].ssh.port: 70000 is not a port number; use a number from 1 to 65535", onlyProblem(plan).toString());
    }

    @Test
    void rejectsAControlPlaneEndpointThatIsNotHostAndPort() {
        for (String endpoint : List.of("https://lb.example.com:6443", "lb.example.com:99999", "lb.example.com:", ":6443", "lb_1:6443")) {
            List<String> messages = messagesFor(TestPlans.withEndpoint(valid, endpoint), "cluster.controlPlaneEndpoint");
            assertEquals(1, messages.size(), endpoint);
            assertTrue(messages.get(0).startsWith("\"" + endpoint + "\" is not host[:port]"), messages.get(0));
        }
        for (String endpoint : List.of("lb.example.com", "10.0.0.5:6443")) {
            assertEquals(List.of(), messagesFor(TestPlans.withEndpoint(valid, endpoint), "cluster.controlPlaneEndpoint"), endpoint);
        }
    }

    @Test
    void rejectsANodeWithoutRoles() {
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withRoles(Set.of()));
        assertEquals("nodes[3].roles: the node has no roles; give it at least one of etcd, master, worker, ingress",
                onlyProblem(plan).toString());
    }

    @Test
    void rejectsABlankSshUser() {
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withSsh(n.ssh().withUser(" ")));
        assertEquals(List.of("\" \" has blanks; enter the user Mast logs in as, e.g. root, or leave it empty for "
                + "~/.ssh/config's User (else root)"), messagesFor(plan, "nodes[3].ssh.user"));
    }

    @Test
    void anSshUserAndPortLeftOutAreNoProblem() {
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withSsh(n.ssh().withUser("").withPort(0)));
        assertTrue(validator.validate(plan).problems().isEmpty(), validator.validate(plan).problems().toString());
    }

    @Test
    void rejectsAJumpHostThatIsNotUserAtHostPort() {
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withSsh(n.ssh().withJump("ops@bastion:99999")));
        assertEquals(List.of("\"ops@bastion:99999\" has the port \"99999\"; write a number from 1 to 65535"),
                messagesFor(plan, "nodes[3].ssh.jump"));
    }

    @Test
    void rejectsAKeyFileThatCannotBeReadAndShowsWhereItLooked() {
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withSsh(n.ssh().withKeyFile("~/.ssh/absent_key")));
        assertEquals("nodes[3].ssh.keyFile: \"~/.ssh/absent_key\" cannot be read on this machine (looked for " + home.resolve(".ssh/absent_key")
                + "); create the key or point keyFile at an existing private key", onlyProblem(plan).toString());
    }

    @Test
    void aKeyFileMissingHereIsOnlyAWarningForValidateAndRender() {
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withSsh(n.ssh().withKeyFile("~/.ssh/absent_key")));
        Problem problem = validator.notConnecting(LoginMeans.NONE).validate(plan).problems().get(0);
        assertEquals(Severity.WARNING, problem.severity());
        assertEquals("\"~/.ssh/absent_key\" cannot be read on this machine (looked for " + home.resolve(".ssh/absent_key")
                + "); create the key or point keyFile at an existing private key before you install or upgrade",
                problem.message());
    }

    @Test
    void validateAndRenderSayAMissingKeyFileOnceForAllTheNodesThatUseIt() {
        Plan plan = valid.withNodes(valid.nodes().stream().map(n -> n.withSsh(n.ssh().withKeyFile("~/.ssh/absent_key"))).toList());
        int others = plan.nodes().size() - 1;
        List<Problem> problems = validator.notConnecting(LoginMeans.NONE).validate(plan).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("nodes[0].ssh.keyFile", problems.get(0).path());
        assertTrue(problems.get(0).message().endsWith(" before you install or upgrade; the same for " + others + " other nodes"),
                problems.get(0).message());

        List<Problem> forARun = validator.validate(plan).problems();
        assertEquals(plan.nodes().size(), forARun.size(), "a run (and the GUI's rows) names each node: " + forARun);
    }

    @Test
    void aKeyFileMissingHereIsAWarningWhenTheAgentOrTheConfigurationCanLogIn() {
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withSsh(n.ssh().withKeyFile("~/.ssh/absent_key")));
        Problem problem = onlyProblem(plan, validator.connecting(node -> Optional.of("the ssh-agent (1 key)")));
        assertEquals(Severity.WARNING, problem.severity());
        assertTrue(problem.message().endsWith("; Mast will log in with the ssh-agent (1 key)"), problem.message());
    }

    @Test
    void aNodeWithNoKeyFileNeedsAnotherWayToLogInForARun() throws IOException {
        Path empty = Files.createDirectories(home.resolveSibling("empty-home"));
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withSsh(n.ssh().withKeyFile("")));
        PlanValidator bare = new PlanValidator(empty, Files::isReadable);
        assertEquals(List.of("nodes[3].ssh.keyFile"), bare.validate(plan).problems().stream()
                .filter(Problem::isError).map(Problem::path).filter(path -> path.startsWith("nodes[3]")).toList());
        assertTrue(bare.connecting(node -> Optional.of("the ssh-agent (2 keys)")).validate(plan).problemsFor(
                "nodes[3].ssh.keyFile").isEmpty());
        // ssh's own default key (~/.ssh/id_ed25519 here) is a way to log in too.
        assertTrue(validator.validate(plan).problemsFor("nodes[3].ssh.keyFile").isEmpty());
    }

    private static Problem onlyProblem(Plan plan, PlanValidator validator) {
        List<Problem> problems = validator.validate(plan).problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void acceptsAKeyFileGivenByAbsolutePath() throws IOException {
        Path key = Files.writeString(home.resolve("deploy.key"), "key");
        Plan plan = TestPlans.withNode(valid, 3, n -> n.withSsh(n.ssh().withKeyFile(key.toString())));
        assertEquals(List.of(), validator.validate(plan).problems());
    }

    @Test
    void asksTheInjectedCheckAboutTheExpandedPath() {
        var asked = new java.util.ArrayList<Path>();
        var recording = new PlanValidator(Path.of("/home/ops"), path -> asked.add(path));
        recording.validate(TestPlans.threeMasters());
        assertEquals(Set.of(Path.of("/home/ops/.ssh/id_ed25519"), Path.of("/home/ops/.ssh/workers_ed25519")), Set.copyOf(asked));
    }

    @Test
    void rejectsExtraFlagsThatMastSetsItself() {
        Plan plan = valid.withExtraFlags(Map.of(Component.KUBE_APISERVER, Map.of("etcd-servers", "https://10.0.0.1:2379")));
        assertEquals("cluster.extraFlags.kube-apiserver.etcd-servers: --etcd-servers is set by Mast on kube-apiserver from the plan;"
                + " remove it from extraFlags", onlyProblem(plan).toString());
    }

    @Test
    void rejectsFlagNamesWrittenWithDashes() {
        Plan plan = valid.withExtraFlags(Map.of(Component.KUBELET, Map.of("--max-pods", "110")));
        assertEquals(List.of("\"--max-pods\": write it without --, as \"max-pods\""),
                messagesFor(plan, "cluster.extraFlags.kubelet.--max-pods"));
    }

    @Test
    void rejectsMalformedFlagNames() {
        Plan plan = valid.withExtraFlags(Map.of(Component.KUBE_SCHEDULER, Map.of("Leader_Elect", "true")));
        assertEquals(List.of("\"Leader_Elect\" is not a flag name; flag names are lowercase letters, digits and '-', such as audit-log-maxage"),
                messagesFor(plan, "cluster.extraFlags.kube-scheduler.Leader_Elect"));
    }

    @Test
    void locatesAFlagProblemAtTheFlagName() throws IOException {
        String yaml = TestPlans.text(TestPlans.THREE_MASTERS).replace("audit-log-maxage: \"30\"", "bind-address: 0.0.0.0");
        List<Problem> problems = validator.validate(PlanFile.parse("cluster.yaml", yaml)).problems();
        assertEquals(List.of(new Location("cluster.yaml", 15, 7)), problems.stream().map(p -> p.location().orElseThrow()).toList());
    }

    @Test
    void reportsAllProblemsAtOnce() {
        Plan plan = TestPlans.withServiceCidr(TestPlans.withVersion(TestPlans.withName(valid, ""), "1.12"), "10.244.0.0/24");
        plan = TestPlans.withNode(plan, 0, n -> n.withIp("300.1.1.1").withSsh(n.ssh().withPort(70000)));
        plan = TestPlans.withNode(plan, 4, n -> n.withHostName("worker001").withRoles(Set.of()));
        plan = plan.withExtraFlags(Map.of(Component.ETCD, Map.of("data-dir", "/srv/etcd")));
        ValidationReport report = validator.validate(plan);
        assertEquals(List.of("cluster.name", "cluster.kubernetesVersion", "cluster.serviceCidr", "cluster.extraFlags.etcd.data-dir",
                "nodes[0].ip", "nodes[0].ssh.port", "nodes[4].roles", "nodes[4].hostName"),
                report.problems().stream().map(Problem::path).toList());
        assertEquals("8 errors, 0 warnings", report.summary());
    }

    @Test
    void aPlanWithoutLocationsGivesProblemsWithoutThem() {
        Problem problem = onlyProblem(TestPlans.withNode(valid, 2, n -> n.withIp("10.0.0.300")));
        assertTrue(problem.location().isEmpty());
        assertEquals("nodes[2].ip: \"10.0.0.300\" is not an IPv4 address", problem.toString());
    }
}
