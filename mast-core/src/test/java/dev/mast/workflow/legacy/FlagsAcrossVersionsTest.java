package dev.mast.workflow.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.RemovedFlags;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A converted component keeps every flag its release accepts; a flag the target release removed is dropped, named with that release. */
class FlagsAcrossVersionsTest {
    private static final Node MASTER = new Node("node001", "10.0.0.11", "10.0.0.11", Set.of(Role.ETCD, Role.MASTER),
            new SshSettings("mast", 22, "~/.ssh/id_ed25519"));

    private static Plan plan(String version) {
        return new Plan("legacy", version, ContainerRuntime.CONTAINERD, "10.244.0.0/16", "10.96.0.0/12", "cluster.local", 6443, "",
                List.of(MASTER), Map.of());
    }

    private static ConversionManifests.Converted convert(String version, Component component, String execStart) {
        SystemdUnit unit = SystemdUnit.fromCat(component.key() + ".service",
                "# /etc/systemd/system/" + component.key() + ".service\n[Service]\nExecStart=" + execStart + "\n");
        UnitCommand command = UnitCommand.of(unit.execStart().orElseThrow(), Map.of(), unit.name(), "node001").orElseThrow();
        LegacyService service = new LegacyService(component, "", unit, List.of(), command, CommandFlags.parse(command.args()),
                "Kubernetes v1.32.11", true);
        LegacyNode node = new LegacyNode("node001", Map.of(component, service), Map.of(), "", Optional.empty(), Map.of(), Map.of());
        return ConversionManifests.render(plan(version), MASTER, node, component);
    }

    private static KubernetesVersion v(String version) {
        return KubernetesVersion.parse(version).orElseThrow();
    }

    private static List<String> command(ConversionManifests.Converted converted) {
        return converted.manifest().pod().getSpec().getContainers().get(0).getCommand();
    }

    @Test
    void theApiServersCloudProviderGoesOnlyWithTheReleaseThatRemovedIt() {
        String execStart = "/usr/local/bin/kube-apiserver --cloud-provider=external --kubelet-read-only-port=0"
                + " --log-flush-frequency=5s --logtostderr=true --etcd-servers=http://127.0.0.1:2379";
        ConversionManifests.Converted same = convert("1.32.11", Component.KUBE_APISERVER, execStart);
        assertEquals(List.of("kube-apiserver", "--cloud-provider=external", "--etcd-servers=http://127.0.0.1:2379",
                "--kubelet-read-only-port=0", "--log-flush-frequency=5s"), command(same), "deprecated but accepted: carried");
        assertEquals(List.of("kube-apiserver: dropping --logtostderr, which Kubernetes 1.32.11 refuses: --logtostderr was removed"
                + " from kube-apiserver in Kubernetes 1.26; logs go to stderr, where the container runtime or journald keeps them"),
                same.notes().stream().filter(note -> note.contains("dropping")).toList());

        ConversionManifests.Converted upgraded = convert("1.33.7", Component.KUBE_APISERVER, execStart);
        assertFalse(command(upgraded).contains("--cloud-provider=external"));
        List<String> dropped = upgraded.notes().stream().filter(note -> note.contains("dropping")).toList();
        assertEquals(2, dropped.size(), dropped.toString());
        assertTrue(dropped.get(0).startsWith("kube-apiserver: dropping --cloud-provider, which Kubernetes 1.33.7 refuses:"
                + " --cloud-provider was removed from kube-apiserver in Kubernetes 1.33"), dropped.toString());
        assertTrue(dropped.get(1).startsWith("kube-apiserver: dropping --logtostderr,"), dropped.toString());
    }

    @Test
    void theControllerManagerKeepsItsCloudProviderAndLosesTheVolumeHostFlagsIn131() {
        String execStart = "/usr/local/bin/kube-controller-manager --cloud-provider=external --volume-host-allow-local-loopback=false"
                + " --kubeconfig=/var/lib/kubernetes/kube-controller-manager.kubeconfig";
        assertEquals(List.of("kube-controller-manager", "--cloud-provider=external",
                "--kubeconfig=/var/lib/kubernetes/kube-controller-manager.kubeconfig"),
                command(convert("1.31.14", Component.KUBE_CONTROLLER_MANAGER, execStart)));
        var volumeHost = RemovedFlags.find(Component.KUBE_CONTROLLER_MANAGER, "volume-host-allow-local-loopback", "false", v("1.31"));
        assertEquals(31, volumeHost.orElseThrow().minor());
        assertEquals(Optional.empty(), RemovedFlags.find(Component.KUBE_CONTROLLER_MANAGER, "volume-host-allow-local-loopback",
                "false", v("1.30.4")), "1.30 still accepts it");
        assertEquals(Optional.empty(), RemovedFlags.find(Component.KUBE_SCHEDULER, "cloud-provider", "external", v("1.34")),
                "per component: the scheduler never had it, and nothing is dropped by a guess");
    }
}
