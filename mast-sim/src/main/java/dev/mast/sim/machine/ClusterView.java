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

    /** The sites the machines download from: upstream's and the site's mirrors. */
    default dev.mast.sim.internet.Internet internet() {
        return Upstream.INTERNET;
    }

    /** The internet of a machine outside any cluster: upstream, never cut off. */
    final class Upstream {
        static final dev.mast.sim.internet.Internet INTERNET = new dev.mast.sim.internet.Internet();

        private Upstream() {
        }
    }

    /** The API while an API server runs on some master; empty otherwise. */
    Optional<KubernetesClient> api();
}
