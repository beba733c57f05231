package dev.mast.workflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.EtcdSource;
import dev.mast.sim.Provisioning;
import dev.mast.workflow.RunSummary;
import dev.mast.workflow.StepState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run of the install continues after {@code etcd/start} failed half-way, although Debian's etcd-server package
 * starts an etcd of its own as it is installed: Mast keeps that one from starting, and takes over one the package
 * started for it, but still refuses a node whose port is held by an etcd Mast did not install.
 */
class EtcdRerunOnSimulatorTest {
    private static final String MEMBER = "node001";

    @TempDir
    Path dir;

    @Test
    void aRerunContinuesAfterEtcdStartFailedAfterThePackageWasInstalled() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            failAfterThePackageIsInstalled(sim);
            RunSummary failed = sim.install();
            assertEquals(List.of(StepState.RUNNING, StepState.FAILED), sim.states(MEMBER, "etcd/start"), failed.describe());
            assertTrue(sim.sh(MEMBER, "dpkg -s etcd-server").exitStatus() == 0, "the package was installed");
            assertFalse(listens(sim, ":2379"), "the package's own etcd did not start:\n" + ports(sim));

            assertInstalled(sim);
        }
    }

    @Test
    void anEtcdThePackageStartedForMastIsTakenOver() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            failAfterThePackageIsInstalled(sim);
            sim.install();
            // As the package does where nothing keeps it from starting its service (an older Mast, a hand-made install).
            assertEquals(0, sim.sh(MEMBER, "systemctl unmask etcd.service && systemctl start etcd.service").exitStatus());
            assertTrue(listens(sim, ":2379"), ports(sim));

            assertInstalled(sim);
            assertTrue(sim.log(MEMBER).contains("port 2379 is held by the etcd that the etcd-server package started when Mast installed it"),
                    sim.log(MEMBER));
        }
    }

    @Test
    void anEtcdMastDidNotInstallStillStopsTheInstall() throws Exception {
        try (SimulatedRun sim = SimulatedRun.start(dir, 2, 1, Provisioning.FRESH, ContainerRuntime.CONTAINERD)) {
            assertEquals(0, sim.sh(MEMBER, "apt-get install -y etcd-server").exitStatus());
            RunSummary summary = sim.install();
            assertFalse(summary.succeeded());
            assertTrue(summary.describe().contains("port 2379 is in use by another program (etcd)"), summary.describe());
            assertEquals(List.of(), sim.states(MEMBER, "etcd/start"), "nothing was changed");
        }
    }

    /** etcd from the distribution's package; etcd/start fails once, right after apt-get installed etcd-server (as a kill there would leave it). */
    private static void failAfterThePackageIsInstalled(SimulatedRun sim) {
        sim.usePlan(sim.plan.withSources(sim.plan.sources().withEtcd(EtcdSource.PACKAGE)));
        sim.node(MEMBER).faults().failCommand("^ln -sf /usr/bin/etcd /usr/local/bin/etcd$", 1, "ln: simulated fault", 1);
    }

    /** The re-run completes on every node, and the one etcd on the member is Mast's, from Mast's unit. */
    private static void assertInstalled(SimulatedRun sim) throws Exception {
        RunSummary rerun = sim.install();
        assertTrue(rerun.succeeded(), rerun.describe() + "\n" + sim.log(MEMBER));
        assertEquals(List.of("FragmentPath=/etc/systemd/system/etcd.service"),
                sim.sh(MEMBER, "systemctl show -p FragmentPath etcd.service").stdout());
        assertEquals(0, sim.sh(MEMBER, "curl -s http://127.0.0.1:2381/health").exitStatus(), "Mast's etcd answers on its metrics port");
        assertEquals(1, ports(sim).lines().filter(l -> l.contains(":2379 ")).map(l -> l.replaceFirst(".*pid=(\\d+).*", "$1"))
                .distinct().count(), "one etcd, listening on both its addresses:\n" + ports(sim));
        assertEquals(0, sim.sh(MEMBER, "test -f /etc/kubernetes/manifests/kube-apiserver.yaml && curl -sk https://127.0.0.1:6443/livez")
                .exitStatus(), "the API server answers as a static pod");
        for (String node : List.of("node001", "node002")) {
            assertEquals(0, sim.sh(node, "systemctl is-active kubelet").exitStatus(), node);
            assertEquals(0, sim.sh(node, "curl -s http://127.0.0.1:10256/healthz").exitStatus(), node + ": kube-proxy answers");
        }
    }

    private static boolean listens(SimulatedRun sim, String port) throws Exception {
        return ports(sim).contains(port + " ");
    }

    private static String ports(SimulatedRun sim) throws Exception {
        return String.join("\n", sim.sh(MEMBER, "ss -ltnpH").stdout());
    }
}
