package dev.mast.sim.machine;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** What a machine sees of the rest of the simulated cluster: the other machines by address, and the Kubernetes API. */
public interface ClusterView {
    ClusterView NONE = new ClusterView() {
        @Override
        public Optional<Machine> machineAt(String address) {
            return Optional.empty();
        }

        @Override
        public Optional<KubernetesClient> api() {
            return Optional.empty();
        }
    };

    Optional<Machine> machineAt(String address);

    /** The API while an API server runs on some master; empty otherwise. */
    Optional<KubernetesClient> api();
}
