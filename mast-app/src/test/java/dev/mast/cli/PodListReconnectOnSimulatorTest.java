package dev.mast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.cluster.ConnectionState;
import dev.mast.cluster.Kubeconfigs;
import dev.mast.cluster.PodScope;
import dev.mast.cluster.PodWatch;
import dev.mast.cluster.fixture.PodListProbe;
import dev.mast.sim.Provisioning;
import dev.mast.sim.machine.VirtualFs;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pod list (the screens' client and watch, as the app and {@code mast pods} make them) on an installed simulated
 * cluster whose only API server is stopped for a while, then started again: the list is live again within a few seconds
 * of the API answering, however long it was gone.
 */
class PodListReconnectOnSimulatorTest {
    private static final String MANIFEST = "/etc/kubernetes/manifests/kube-apiserver.yaml";
    /** Long enough for fabric8's default back-off (1 s, doubled up to 32 s): the list was then live again ~20 s late. */
    private static final Duration DOWN = Duration.ofSeconds(45);
    private static final Duration LIVE_AGAIN_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void thePodListIsLiveAgainWithinSecondsOfTheApiServerAnswering() throws Exception {
        try (SimulatedPlan sim = SimulatedPlan.start(dir, 1, Provisioning.FRESH)) {
            CliRun install = CliRun.of("install", "--plan", sim.plan().toString(), "--known-hosts", sim.knownHosts().toString(), "--yes");
            assertEquals(0, install.exitCode(), install.out() + install.err());
            Kubeconfigs kubeconfigs = Kubeconfigs.load(sim.adminKubeconfig());
            PodListProbe probe = new PodListProbe();
            try (KubernetesClient client = kubeconfigs.connect(kubeconfigs.choose(null));
                 PodWatch watch = PodWatch.start(client, PodScope.namespace("kube-system"), Runnable::run, probe)) {
                probe.await("the live list", p -> p.state() == ConnectionState.CONNECTED && !p.rows().isEmpty(), Duration.ofSeconds(30));

                // The kubelet stops the static pod whose manifest goes, and starts it again when it is back.
                VirtualFs fs = sim.cluster().node("node001").machine().fs();
                String manifest = fs.readString(MANIFEST);
                fs.delete(MANIFEST);
                Instant stopped = Instant.now();
                await("the API server to stop", () -> !sim.cluster().apiServing(), Duration.ofSeconds(20));
                probe.await("the list marked stale", p -> p.state() == ConnectionState.RECONNECTING, Duration.ofSeconds(20));
                Thread.sleep(Math.max(0, DOWN.minus(Duration.between(stopped, Instant.now())).toMillis()));

                fs.writeString(MANIFEST, manifest, 0600);
                await("the API server to answer again", () -> sim.cluster().apiServing(), Duration.ofSeconds(30));
                Instant answering = Instant.now();
                probe.await("the live list again", p -> p.state() == ConnectionState.CONNECTED, Duration.ofSeconds(60));
                Duration late = Duration.between(answering, Instant.now());
                assertTrue(late.compareTo(LIVE_AGAIN_WITHIN) <= 0, "the list was live again " + late.toMillis()
                        + " ms after the API server answered; wanted within " + LIVE_AGAIN_WITHIN.toSeconds() + " s");
            }
        }
    }

    private static void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
