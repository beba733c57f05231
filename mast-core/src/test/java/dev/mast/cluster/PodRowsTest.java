package dev.mast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.fixture.TestPods;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** STATUS, READY and RESTARTS as kubectl get pods prints them, for the states the kubelet reports. */
class PodRowsTest {
    private static final Instant CREATED = Instant.parse("2024-06-10T12:00:00Z");
    private static final Instant NOW = CREATED.plusSeconds(3 * 3600);

    private static ContainerStatus waiting(String name, String reason) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(0).withImage("img")
                .withNewState().withNewWaiting().withReason(reason).endWaiting().endState().build();
    }

    private static ContainerStatus terminated(String name, String reason, int exitCode, Integer signal) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(0).withImage("img")
                .withNewState().withNewTerminated().withReason(reason).withExitCode(exitCode).withSignal(signal)
                .endTerminated().endState().build();
    }

    private static ContainerStatus running(String name, boolean ready) {
        return new ContainerStatusBuilder().withName(name).withReady(ready).withRestartCount(0).withImage("img")
                .withNewState().withNewRunning().withStartedAt(CREATED.toString()).endRunning().endState().build();
    }

    private static Pod withInits(Pod pod, List<ContainerStatus> initStatuses) {
        var builder = new PodBuilder(pod).editSpec();
        for (ContainerStatus status : initStatuses) {
            builder = builder.addNewInitContainer().withName(status.getName()).withImage("img").endInitContainer();
        }
        return builder.endSpec().editStatus().withInitContainerStatuses(initStatuses).endStatus().build();
    }

    @Test
    void readsARunningReadyPod() {
        PodRow row = PodRows.of(TestPods.running("default", "web-1", "node002", CREATED));
        assertEquals("web-1", row.name());
        assertEquals("1/1", row.ready());
        assertEquals("Running", row.status());
        assertEquals("0", row.restartsText(NOW));
        assertEquals("3h", row.age(NOW));
        assertEquals("node002", row.node());
        assertFalse(row.staticPod());
        assertEquals(StatusKind.OK, row.statusKind());
    }

    @Test
    void showsCrashLoopBackOffWithRestartsAndWhenTheLastOneWas() {
        PodRow row = PodRows.of(TestPods.crashLooping("kube-system", "kube-apiserver-node001", "node001", CREATED, 5,
                NOW.minusSeconds(300)));
        assertEquals("CrashLoopBackOff", row.status());
        assertEquals("0/1", row.ready());
        assertEquals("5 (5m ago)", row.restartsText(NOW));
        assertEquals(StatusKind.ERROR, row.statusKind());
    }

    @Test
    void showsImagePullFailuresAndContainerCreating() {
        Pod pulling = TestPods.pod("default", "p", "n", CREATED, "Pending", List.of(waiting("main", "ImagePullBackOff")));
        assertEquals("ImagePullBackOff", PodRows.of(pulling).status());
        Pod creating = TestPods.pod("default", "p", "n", CREATED, "Pending", List.of(waiting("main", "ContainerCreating")));
        assertEquals("ContainerCreating", PodRows.of(creating).status());
        assertEquals(StatusKind.PROGRESSING, PodRows.of(creating).statusKind());
    }

    @Test
    void showsPendingForAPodWithoutContainerStatuses() {
        Pod pod = TestPods.pod("default", "p", "", CREATED, "Pending", List.of());
        pod.getSpec().getContainers().add(new io.fabric8.kubernetes.api.model.ContainerBuilder().withName("c").build());
        PodRow row = PodRows.of(pod);
        assertEquals("Pending", row.status());
        assertEquals("0/1", row.ready());
        assertEquals("", row.node());
    }

    @Test
    void showsTerminatingForAPodBeingDeleted() {
        Pod pod = new PodBuilder(TestPods.running("default", "web-1", "node002", CREATED)).editMetadata()
                .withDeletionTimestamp(NOW.toString()).endMetadata().build();
        assertEquals("Terminating", PodRows.of(pod).status());
    }

    @Test
    void showsCompletedForAFinishedJob() {
        Pod pod = TestPods.pod("default", "job-1", "n", CREATED, "Succeeded", List.of(terminated("main", "Completed", 0, null)));
        assertEquals("Completed", PodRows.of(pod).status());
        assertEquals(StatusKind.DONE, PodRows.of(pod).statusKind());
    }

    @Test
    void showsTheExitCodeOrSignalWhenATerminationHasNoReason() {
        Pod code = TestPods.pod("default", "p", "n", CREATED, "Failed", List.of(terminated("main", null, 137, null)));
        assertEquals("ExitCode:137", PodRows.of(code).status());
        Pod signal = TestPods.pod("default", "p", "n", CREATED, "Failed", List.of(terminated("main", null, 0, 9)));
        assertEquals("Signal:9", PodRows.of(signal).status());
    }

    @Test
    void showsTheEvictionReasonOfTheWholePod() {
        Pod pod = new PodBuilder(TestPods.pod("default", "p", "n", CREATED, "Failed", List.of()))
                .editStatus().withReason("Evicted").endStatus().build();
        assertEquals("Evicted", PodRows.of(pod).status());
    }

    @Test
    void showsInitProgressAndInitFailures() {
        Pod base = TestPods.pod("default", "p", "n", CREATED, "Pending", List.of(waiting("main", "PodInitializing")));
        Pod second = withInits(base, List.of(terminated("init-a", "Completed", 0, null), running("init-b", false)));
        assertEquals("Init:1/2", PodRows.of(second).status());
        Pod looping = withInits(base, List.of(waiting("init-a", "CrashLoopBackOff")));
        assertEquals("Init:CrashLoopBackOff", PodRows.of(looping).status());
        Pod failed = withInits(base, List.of(terminated("init-a", "Error", 1, null)));
        assertEquals("Init:Error", PodRows.of(failed).status());
        Pod noReason = withInits(base, List.of(terminated("init-a", null, 3, null)));
        assertEquals("Init:ExitCode:3", PodRows.of(noReason).status());
        Pod done = withInits(base, List.of(terminated("init-a", "Completed", 0, null)));
        assertEquals("PodInitializing", PodRows.of(done).status());
    }

    @Test
    void countsRestartableInitContainersAsSidecarsInReady() {
        Pod base = TestPods.pod("default", "p", "n", CREATED, "Running", List.of(running("main", true)));
        ContainerStatus sidecar = new ContainerStatusBuilder(running("proxy", true)).withStarted(true).build();
        Pod pod = withInits(base, List.of(sidecar));
        pod.getSpec().getInitContainers().get(0).setRestartPolicy("Always");
        PodRow row = PodRows.of(pod);
        assertEquals("2/2", row.ready());
        assertEquals("Running", row.status());
    }

    @Test
    void marksMirrorPodsOfStaticPodsWithTheirNode() {
        PodRow row = PodRows.of(TestPods.mirror("kube-scheduler", "node003", CREATED));
        assertTrue(row.staticPod());
        assertEquals("kube-scheduler-node003", row.name());
        assertEquals("node003", row.node());
        assertEquals(List.of("kube-scheduler"), row.containers());
    }

    @Test
    void readsNotReadyWhenRunningButNotReady() {
        Pod pod = TestPods.pod("default", "p", "n", CREATED, "Running", List.of(running("main", false)));
        PodRow row = PodRows.of(pod);
        assertEquals("Running", row.status());
        assertEquals("0/1", row.ready());
        assertEquals(StatusKind.NOT_READY, row.statusKind());
    }

    @Test
    void readsTheApisTimestampsAndLeavesOutWhatIsNotOne() {
        assertEquals(Instant.parse("2024-06-10T12:34:56Z"), PodRows.time("2024-06-10T12:34:56Z"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), PodRows.time("2024-02-29T23:59:59Z"));
        assertEquals(Instant.parse("2024-06-10T12:34:56.789Z"), PodRows.time("2024-06-10T12:34:56.789Z"));
        assertEquals(null, PodRows.time("2023-02-29T00:00:00Z"));
        assertEquals(null, PodRows.time("2024-13-10T12:34:56Z"));
        assertEquals(null, PodRows.time("yesterday"));
        assertEquals(null, PodRows.time(""));
    }
}
