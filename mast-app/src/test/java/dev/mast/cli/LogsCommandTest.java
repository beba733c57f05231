package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.fixture.FakeContainer;
import dev.mast.cluster.fixture.FakeNodes;
import dev.mast.cluster.fixture.MockApi;
import dev.mast.cluster.fixture.TestPods;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.PlanFile;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** mast logs: through the API like kubectl, and from the node's runtime with --via-node or when the API is down. */
class LogsCommandTest {
    private static final String LOG = "/api/v1/namespaces/kube-system/pods/kube-apiserver-node001/log";

    @TempDir
    Path dir;
    private MockApi mock;
    private FakeNodes nodes;
    private Path kubeconfig;
    private Path plan;
    private FakeContainer container;

    private void start(ContainerRuntime runtime) throws Exception {
        mock = MockApi.start();
        mock.client().pods().inNamespace("kube-system").resource(TestPods.mirror("kube-apiserver", "node001", Instant.now())).create();
        kubeconfig = mock.writeKubeconfig(dir.resolve("admin.conf"));
        nodes = FakeNodes.start(dir, runtime, "node001");
        container = nodes.node("node001").addContainer("kube-apiserver", "kube-apiserver-node001", 0, Instant.now(), true)
                .log("I0610 line one from the node").log("E0610 line two from the node");
        plan = dir.resolve("cluster.yaml");
        PlanFile.write(nodes.plan(), plan);
    }

    @AfterEach
    void stop() throws Exception {
        mock.close();
        nodes.close();
    }

    private CliRun logs(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "logs";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--known-hosts";
        all[args.length + 2] = nodes.knownHosts().toString();
        all[args.length + 3] = "--yes";
        return CliRun.of(all);
    }

    @Test
    void printsTheLogThroughTheApiWithKubectlsOptions() throws Exception {
        start(ContainerRuntime.CONTAINERD);
        mock.server().expect().get().withPath(LOG + "?pretty=false&container=kube-apiserver").andReturn(200, "a\nb\n").always();
        mock.server().expect().get().withPath(LOG + "?pretty=false&container=kube-apiserver&previous=true&sinceSeconds=5400"
                + "&tailLines=10&timestamps=true").andReturn(200, "2024-06-10T12:00:00Z before\n").always();
        CliRun plain = logs("kube-apiserver-node001", "--kubeconfig", kubeconfig.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals("a\nb\n", plain.out());
        assertEquals("", plain.err(), "no source line for the API, as kubectl");
        CliRun options = logs("kube-apiserver-node001", "-n", "kube-system", "-c", "kube-apiserver", "--tail", "10",
                "--since", "1h30m", "--timestamps", "--previous", "--kubeconfig", kubeconfig.toString());
        assertEquals(0, options.exitCode(), options.err());
        assertEquals("2024-06-10T12:00:00Z before\n", options.out());
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void readsFromTheNodesRuntimeWithViaNodeAndSaysSoOnStderr(ContainerRuntime runtime) throws Exception {
        start(runtime);
        CliRun run = logs("kube-apiserver-node001", "--via-node", "--plan", plan.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("I0610 line one from the node\n"), run.out());
        assertTrue(run.out().contains("E0610 line two from the node\n"), run.out());
        String name = runtime == ContainerRuntime.DOCKER ? "docker" : "containerd";
        assertEquals("mast logs: kube-system/kube-apiserver-node001 from " + name + " on node001 (container "
                + container.id().substring(0, 12) + ")\n", run.err());
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void fallsBackToTheNodeWhenTheApiServerDoesNotAnswerAndAPlanIsGiven(ContainerRuntime runtime) throws Exception {
        start(runtime);
        mock.stop();
        CliRun run = logs("kube-apiserver-node001", "--tail", "1", "--plan", plan.toString(), "--kubeconfig",
                kubeconfig.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("E0610 line two from the node\n", run.out());
        assertTrue(run.err().startsWith("mast logs: kube-system/kube-apiserver-node001 from "), run.err());
        assertTrue(run.err().endsWith(", API server unreachable\n"), run.err());
        CliRun noPlan = logs("kube-apiserver-node001", "--kubeconfig", kubeconfig.toString());
        assertEquals(1, noPlan.exitCode());
        assertTrue(noPlan.err().contains("give --plan FILE to read its logs from the node"), noPlan.err());
    }

    @Test
    void refusesBadInputWithExitTwoAndFailuresWithExitOne() throws Exception {
        start(ContainerRuntime.CONTAINERD);
        CliRun noPlan = logs("kube-apiserver-node001", "--via-node");
        assertEquals(2, noPlan.exitCode());
        assertTrue(noPlan.err().contains("--via-node needs --plan FILE"), noPlan.err());
        CliRun since = logs("kube-apiserver-node001", "--since", "ten minutes", "--kubeconfig", kubeconfig.toString());
        assertEquals(2, since.exitCode());
        assertTrue(since.err().contains("is not a duration like 30s, 5m or 1h30m"), since.err());
        CliRun notStatic = logs("coredns-1", "--via-node", "--plan", plan.toString());
        assertEquals(1, notStatic.exitCode());
        assertTrue(notStatic.err().contains("not a control-plane static pod of the plan"), notStatic.err());
        CliRun missingPod = logs("nope", "--kubeconfig", kubeconfig.toString());
        assertEquals(1, missingPod.exitCode());
        assertTrue(missingPod.err().contains("kube-system/nope does not exist"), missingPod.err());
    }
}
