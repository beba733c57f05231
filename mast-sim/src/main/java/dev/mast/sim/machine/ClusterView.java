package dev.mast.sim.machine;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** What a machine sees of the rest of the simulated cluster: the other machines by address, and the Kubernetes API. */
public interface ClusterView {
    /** A component process and the machine it runs on. */
    record Peer(Machine machine, Process process) { }

    Optional<Machine> machineAt(String address);

    /** The sites the machines download from: upstream's and the site's mirrors. */
    Network internet();

    /** The API while an API server runs on some master; empty otherwise. */
    Optional<KubernetesClient> api();

    /** The API server that answers the cluster's endpoint now (what a load balancer would pick), if any. */
    default Optional<Peer> servingApiServer() {
        return Optional.empty();
    }

    /** The tokens and encrypted data the cluster holds. */
    default ClusterRecords records() {
        return ClusterRecords.NONE;
    }
}
