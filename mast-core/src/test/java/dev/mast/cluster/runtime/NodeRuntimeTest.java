package dev.mast.cluster.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.PodRow;
import dev.mast.cluster.fixture.FakeContainer;
import dev.mast.cluster.fixture.FakeNodes;
import dev.mast.cluster.fixture.FakeRuntimeNode;
import dev.mast.cluster.logs.LogOrigin;
import dev.mast.cluster.logs.LogRequest;
import dev.mast.cluster.logs.LogStream;
import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Logs and containers from the node's runtime over real SSH (MINA on loopback), for containerd
 * (crictl) and Docker: the kubelet's containers are found by name, exited ones included.
 */
class NodeRuntimeTest {
    private static final Instant T0 = Instant.now().minusSeconds(3600);

    @TempDir
    Path dir;
    private FakeNodes nodes;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        nodes.close();
    }

    private NodeRuntime start(ContainerRuntime runtime) throws Exception {
        nodes = FakeNodes.start(dir, runtime, "node001", "node002");
        return nodes.runtime();
    }

    private ControlPlanePod apiServer(NodeRuntime runtime) {
        return runtime.controlPlanePod("kube-system", "kube-apiserver-node001").orElseThrow();
    }

    /** A crash-looping API server: two exited attempts and the running third, and a healthy scheduler. */
    private FakeContainer crashLoopingApiServer() {
        FakeRuntimeNode node = nodes.node("node001");
        node.addContainer("kube-apiserver", "kube-apiserver-node001", 1, T0.plusSeconds(60), false)
                .log("I0610 attempt one").exit(1);
        node.addContainer("kube-apiserver", "kube-apiserver-node001", 2, T0.plusSeconds(120), false)
                .log("I0610 Version: v1.30.2").log("E0610 run.go:74] \"command failed\" err=\"open /etc/kubernetes/pki/apiserver.crt: no such file\"")
                .exit(1);
        node.addContainer("kube-scheduler", "kube-scheduler-node001", 0, T0, true).log("I0610 scheduler up");
        return node.addContainer("kube-apiserver", "kube-apiserver-node001", 3, T0.plusSeconds(180), true)
                .log(false, "stdout line").log("I0610 serving securely on [::]:6443");
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void findsTheCurrentAndThePreviousContainerByTheKubeletsNaming(ContainerRuntime kind) throws Exception {
        NodeRuntime runtime = start(kind);
        FakeContainer current = crashLoopingApiServer();
        RuntimeContainer found = runtime.find(apiServer(runtime), false);
        assertEquals(current.id().substring(0, 12), found.shortId());
        assertEquals(3, found.attempt());
        assertEquals(RuntimeContainer.State.RUNNING, found.state());
        RuntimeContainer previous = runtime.find(apiServer(runtime), true);
        assertEquals(2, previous.attempt());
        assertEquals(RuntimeContainer.State.EXITED, previous.state());
        assertEquals(List.of(3, 2, 1), runtime.containers(apiServer(runtime)).stream().map(RuntimeContainer::attempt).toList());
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void aContainerCreatedButNotYetStartedIsNotTheCurrentOne(ContainerRuntime kind) throws Exception {
        NodeRuntime runtime = start(kind);
        FakeContainer ran = crashLoopingApiServer().exit(1);
        nodes.node("node001").addContainer("kube-apiserver", "kube-apiserver-node001", 4, T0.plusSeconds(240), false)
                .notStarted();
        assertEquals(RuntimeContainer.State.CREATED, runtime.containers(apiServer(runtime)).get(0).state());
        assertEquals(ran.id().substring(0, 12), runtime.find(apiServer(runtime), false).shortId());
        assertEquals(2, runtime.find(apiServer(runtime), true).attempt());
        LogStream stream = runtime.open(apiServer(runtime), LogRequest.of("kube-system", "kube-apiserver-node001"), "",
                lines::add);
        stream.done().get(20, TimeUnit.SECONDS);
        assertTrue(lines.contains("I0610 serving securely on [::]:6443"), lines.toString());
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void readsTheLogsOfAContainerWithTailAndBothStreams(ContainerRuntime kind) throws Exception {
        NodeRuntime runtime = start(kind);
        crashLoopingApiServer();
        LogStream stream = runtime.open(apiServer(runtime), LogRequest.of("kube-system", "kube-apiserver-node001"),
                "API server unreachable", lines::add);
        stream.done().get(20, TimeUnit.SECONDS);
        // stdout and stderr travel on two SSH streams: each keeps its order, not their interleaving.
        assertEquals(java.util.Set.of("stdout line", "I0610 serving securely on [::]:6443"), java.util.Set.copyOf(lines));
        assertEquals(2, lines.size());
        String runtimeName = kind == ContainerRuntime.DOCKER ? "docker" : "containerd";
        assertEquals("from " + runtimeName + " on node001, API server unreachable", stream.origin().describe());
        assertEquals(LogOrigin.Kind.NODE_RUNTIME, stream.origin().kind());

        lines.clear();
        runtime.open(apiServer(runtime), LogRequest.of("kube-system", "kube-apiserver-node001").withPrevious(true)
                .withTail(OptionalInt.of(1)).withTimestamps(true), "", lines::add).done().get(20, TimeUnit.SECONDS);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z E0610 run.go:74.*no such file\"$"), lines.get(0));
        String tool = kind == ContainerRuntime.DOCKER ? "docker" : "crictl";
        assertTrue(nodes.node("node001").commands().stream().anyMatch(c -> c.contains(tool + " logs --tail 1 --timestamps")),
                nodes.node("node001").commands().toString());
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void followsNewLinesUntilClosed(ContainerRuntime kind) throws Exception {
        NodeRuntime runtime = start(kind);
        FakeContainer current = crashLoopingApiServer();
        LogStream stream = runtime.open(apiServer(runtime), LogRequest.of("kube-system", "kube-apiserver-node001")
                .withFollow(true), "", lines::add);
        awaitLines(2);
        current.log("E0610 new line one");
        current.log("E0610 new line two");
        awaitLines(4);
        assertEquals(List.of("E0610 new line one", "E0610 new line two"), lines.subList(2, 4));
        assertFalse(stream.done().isDone(), "a followed log goes on until closed");
        stream.close();
        stream.done().get(10, TimeUnit.SECONDS);
        current.log("after close");
        Thread.sleep(300);
        assertEquals(4, lines.size());
    }

    private void awaitLines(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (lines.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, lines.size(), "lines so far: " + lines);
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void saysWhenThereIsNoContainerOrNoPreviousOne(ContainerRuntime kind) throws Exception {
        NodeRuntime runtime = start(kind);
        nodes.node("node001").addContainer("kube-scheduler", "kube-scheduler-node001", 0, T0, true);
        var none = assertThrows(NodeRuntimeException.class, () -> runtime.find(apiServer(runtime), false));
        assertTrue(none.getMessage().startsWith("No kube-apiserver container of pod kube-apiserver-node001 in "
                + (kind == ContainerRuntime.DOCKER ? "docker" : "containerd") + " on node001"), none.getMessage());
        ControlPlanePod scheduler = runtime.controlPlanePod("kube-system", "kube-scheduler-node001").orElseThrow();
        var noPrevious = assertThrows(NodeRuntimeException.class, () -> runtime.find(scheduler, true));
        assertTrue(noPrevious.getMessage().contains("No previous kube-scheduler container"), noPrevious.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void listsTheControlPlaneAsEachNodesRuntimeSeesIt(ContainerRuntime kind) throws Exception {
        NodeRuntime runtime = start(kind);
        crashLoopingApiServer();
        nodes.node("node002").addContainer("kube-controller-manager", "kube-controller-manager-node002", 0, T0, false).exit(2);
        nodes.node("node002").addContainer("etcd-backup", "etcd-backup-node002", 0, T0, true);
        RuntimePods.Listing listing = new RuntimePods(runtime).list();
        assertEquals(List.of(), listing.problems());
        assertEquals(List.of("kube-apiserver-node001", "kube-controller-manager-node002", "kube-scheduler-node001"),
                listing.rows().stream().map(PodRow::name).toList());
        String runtimeName = kind == ContainerRuntime.DOCKER ? "docker" : "containerd";
        PodRow apiServer = listing.rows().get(0);
        assertEquals("Running", apiServer.status());
        assertEquals("1/1", apiServer.ready());
        assertEquals(3, apiServer.restarts());
        assertEquals(T0.plusSeconds(60).getEpochSecond(), apiServer.created().getEpochSecond(), "age of the oldest kept container");
        assertEquals(runtimeName + " on node001", apiServer.viaRuntime());
        assertTrue(apiServer.staticPod());
        PodRow controllerManager = listing.rows().get(1);
        assertEquals("Exited", controllerManager.status());
        assertEquals("0/1", controllerManager.ready());
        assertEquals("node002", controllerManager.node());
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void reportsANodeThatCannotBeAskedAndListsTheOthers(ContainerRuntime kind) throws Exception {
        NodeRuntime runtime = start(kind);
        crashLoopingApiServer();
        nodes.node("node002").close();
        RuntimePods.Listing listing = new RuntimePods(runtime).list();
        assertEquals(2, listing.rows().size());
        assertEquals(1, listing.problems().size());
        assertTrue(listing.problems().get(0).startsWith("Listing containers on node002"), listing.problems().get(0));
    }

    @ParameterizedTest
    @EnumSource(ContainerRuntime.class)
    void matchesOnlyThePlansStaticPodsToNodes(ContainerRuntime kind) throws Exception {
        NodeRuntime runtime = start(kind);
        assertEquals(Optional.of(new ControlPlanePod(Component.KUBE_PROXY, runtime.plan().nodes().get(1))),
                runtime.controlPlanePod("kube-system", "kube-proxy-node002"));
        assertTrue(runtime.controlPlanePod("kube-system", "kube-apiserver-node009").isEmpty());
        assertTrue(runtime.controlPlanePod("default", "kube-apiserver-node001").isEmpty());
        assertTrue(runtime.controlPlanePod("kube-system", "coredns-5d78c9869d-abcde").isEmpty());
    }
}
