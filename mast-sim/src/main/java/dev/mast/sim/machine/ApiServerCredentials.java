package dev.mast.sim.machine;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an API server's flags name of its identity, read as it reads them: its serving
 * certificate, the CAs of {@code --client-ca-file}, the service-account keys and issuers it
 * accepts, and the keys of its encryption configuration.
 */
public record ApiServerCredentials(X509Certificate servingCertificate, List<X509Certificate> clientAuthorities,
                                   List<PublicKey> serviceAccountKeys, List<String> issuers, List<String> encryptionSecrets) {

    public static ApiServerCredentials of(ClusterView.Peer server) {
        Machine machine = server.machine();
        Process process = server.process();
        return process.remember("credentials", () -> {
            List<X509Certificate> serving = PeerTrust.certificates(machine, process, process.flags().get("tls-cert-file").orElse(""));
            List<PublicKey> keys = new ArrayList<>();
            for (String file : process.flags().all("service-account-key-file")) {
                keys.addAll(Pems.publicKeys(PeerTrust.read(machine, process, file)));
            }
            return new ApiServerCredentials(serving.isEmpty() ? null : serving.get(0),
                    PeerTrust.certificates(machine, process, process.flags().get("client-ca-file").orElse("")), keys,
                    process.flags().all("service-account-issuer"),
                    encryptionSecrets(PeerTrust.read(machine, process, process.flags().get("encryption-provider-config").orElse(""))));
        });
    }

    /**
     * Why the API server answers 401 to a request with these credentials; empty when it
     * authenticates it (or when it carries none: that is an anonymous request). Only
     * service-account tokens (JWTs) are checked: the simulator has no token file or bootstrap
     * tokens to check other tokens against, so it lets them pass.
     *
     * @param certificate the client certificate presented, or null
     * @param token       the bearer token sent, or null
     */
    public Optional<String> rejects(X509Certificate certificate, String token) {
        Optional<String> certificateProblem = certificate == null || Pems.chainsTo(certificate, clientAuthorities) ? Optional.empty()
                : Optional.of("x509: certificate signed by unknown authority (\"" + certificate.getSubjectX500Principal().getName()
                + "\" is not signed by a CA of --client-ca-file)");
        boolean jwt = token != null && token.split("\\.").length == 3;
        Optional<String> tokenProblem = !jwt ? Optional.empty()
                : ServiceAccountTokens.problem(token, serviceAccountKeys, issuers).map(why -> "invalid bearer token: " + why);
        if (certificate != null && certificateProblem.isEmpty() || token != null && tokenProblem.isEmpty()) {
            return Optional.empty();
        }
        return certificateProblem.or(() -> tokenProblem);
    }

    /** Every key {@code secret} of an EncryptionConfiguration's aescbc, aesgcm and secretbox providers. */
    private static List<String> encryptionSecrets(String config) {
        List<String> secrets = new ArrayList<>();
        if (config.isBlank() || !(Yamls.map(config).get("resources") instanceof List<?> resources)) {
            return secrets;
        }
        for (Object resource : resources) {
            if (resource instanceof Map<?, ?> r && r.get("providers") instanceof List<?> providers) {
                for (Object provider : providers) {
                    if (provider instanceof Map<?, ?> p) {
                        for (Object settings : p.values()) {
                            if (settings instanceof Map<?, ?> s && s.get("keys") instanceof List<?> keys) {
                                keys.stream().filter(Map.class::isInstance).map(k -> ((Map<?, ?>) k).get("secret"))
                                        .filter(java.util.Objects::nonNull).forEach(k -> secrets.add(k.toString()));
                            }
                        }
                    }
                }
            }
        }
        return secrets;
    }
}
