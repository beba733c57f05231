package dev.mast.sim.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service-account tokens as the API server issues and checks them: RS256 JWTs whose issuer must
 * be one of {@code --service-account-issuer} and whose signature one of the keys of
 * {@code --service-account-key-file} must verify.
 */
public final class ServiceAccountTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ServiceAccountTokens() {
    }

    /** A token for {@code system:serviceaccount:<namespace>:<name>}, signed with an RSA key. */
    public static String issue(PrivateKey key, String issuer, String namespace, String name) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", "system:serviceaccount:" + namespace + ":" + name);
        claims.put("kubernetes.io/serviceaccount/namespace", namespace);
        claims.put("kubernetes.io/serviceaccount/service-account.name", name);
        try {
            String signed = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + ENCODER.encodeToString(signature.sign());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("signing a token cannot fail with an RSA key", e);
        }
    }

    /** Why the API server would reject the token; empty when it accepts it. */
    public static Optional<String> problem(String token, List<PublicKey> keys, List<String> issuers) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.of("not a JWT");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.of("the token's claims do not parse");
        }
        String issuer = claims.path("iss").asText();
        if (!issuers.contains(issuer)) {
            return Optional.of("its issuer " + issuer + " is not among --service-account-issuer " + issuers);
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        for (PublicKey key : keys) {
            if (verifies(key, signed, Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
        }
        return Optional.of("its signature does not verify with any key of --service-account-key-file");
    }

    private static boolean verifies(PublicKey key, byte[] signed, byte[] signatureBytes) {
        if (!key.getAlgorithm().equals("RSA")) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(signed);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String part(Map<String, Object> value) throws java.io.IOException {
        return ENCODER.encodeToString(JSON.writeValueAsBytes(value));
    }
}
