package dev.mast.workflow;

import io.fabric8.kubernetes.client.Config;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** fabric8 client settings from a kubeconfig's text, for any key type Mast's PKI writes. */
public final class ClientConfigs {
    private ClientConfigs() {
    }

    /**
     * The kubeconfig as a fabric8 {@link Config}. fabric8 reads a PKCS#8 client key as RSA
     * unless told otherwise; Mast's certificates have ECDSA keys, so the algorithm is read
     * from the key itself.
     */
    public static Config fromKubeconfig(String kubeconfig) {
        Config config = Config.fromKubeconfig(kubeconfig);
        if (config.getClientKeyData() != null) {
            config.setClientKeyAlgo(algorithm(config.getClientKeyData()));
        }
        return config;
    }

    static String algorithm(String base64Pem) {
        String pem = new String(Base64.getDecoder().decode(base64Pem.trim()), java.nio.charset.StandardCharsets.US_ASCII);
        if (pem.contains("BEGIN EC PRIVATE KEY")) {
            return "EC";
        }
        if (!pem.contains("BEGIN PRIVATE KEY")) {
            return "RSA";
        }
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return "EC";
        } catch (Exception notEc) {
            return "RSA";
        }
    }
}
