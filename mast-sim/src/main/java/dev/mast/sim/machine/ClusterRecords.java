package dev.mast.sim.machine;

import java.util.List;

/**
 * What a cluster holds that its API servers must go on reading after any change to them: the
 * service-account tokens it issued (pods and users present them) and the keys of the data it
 * encrypted at rest. A fresh cluster holds neither.
 *
 * @param tokens         tokens issued by the cluster, each as {@code namespace/name} and the JWT
 * @param encryptionKeys the {@code secret} of every key that encrypted stored data, as the
 *                       encryption configuration writes it (base64)
 */
public record ClusterRecords(List<Token> tokens, List<String> encryptionKeys) {
    public static final ClusterRecords NONE = new ClusterRecords(List.of(), List.of());

    public record Token(String owner, String jwt) {
        @Override
        public String toString() {
            return "Token[" + owner + "]";
        }
    }

    public ClusterRecords {
        tokens = List.copyOf(tokens);
        encryptionKeys = List.copyOf(encryptionKeys);
    }
}
