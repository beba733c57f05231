package dev.mast.workflow;

import dev.mast.pki.ClientKeyAlgorithm;
import io.fabric8.kubernetes.client.Config;

/** fabric8 client settings from a kubeconfig's text, for any key type Mast's PKI writes. */
public final class ClientConfigs {
    private ClientConfigs() {
    }

    /** The kubeconfig as a fabric8 {@link Config}, told its client key's algorithm (see {@link ClientKeyAlgorithm}). */
    public static Config fromKubeconfig(String kubeconfig) {
        Config config = Config.fromKubeconfig(kubeconfig);
        if (config.getClientKeyData() != null) {
            config.setClientKeyAlgo(ClientKeyAlgorithm.ofKeyData(config.getClientKeyData()));
        }
        return config;
    }
}
