package dev.mast.sim.machine;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** What a machine sees of the rest of the simulated cluster: the other machines by address, and the Kubernetes API. */
public interface ClusterView {
    Optional<Machine> machineAt(String address);

    /** The sites the machines download from: upstream's and the site's mirrors. */
    Network internet();

    /** The API while an API server runs on some master; empty otherwise. */
    Optional<KubernetesClient> api();
}
