package dev.mast.node;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host field of a known_hosts line, matched the way OpenSSH does: a comma-separated list
 * of names, {@code *}/{@code ?} wildcards, {@code !negations} that veto the whole line, and
 * hashed names ({@code |1|salt|hash}, HMAC-SHA1 of the name keyed with the salt).
 */
final class HostPatterns {
    private static final String HASH_MAGIC = "|1|";

    private HostPatterns() {
    }

    /**
     * @param name the name looked up: {@code host} for port 22, else {@code [host]:port}
     */
    static boolean matches(String patterns, String name) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        boolean matched = false;
        for (String pattern : patterns.split(",")) {
            boolean negated = pattern.startsWith("!");
            String body = negated ? pattern.substring(1) : pattern;
            if (body.isEmpty()) {
                continue;
            }
            boolean hit = body.startsWith(HASH_MAGIC) ? hashedMatch(body, lowerName)
                    : glob(body.toLowerCase(Locale.ROOT), 0, lowerName, 0);
            if (hit && negated) {
                return false;
            }
            matched |= hit;
        }
        return matched;
    }

    /** The name OpenSSH looks up for a host and port. */
    static String lookupName(String host, int port) {
        String lower = host.toLowerCase(Locale.ROOT);
        return port == 22 ? lower : "[" + lower + "]:" + port;
    }

    private static boolean hashedMatch(String hashed, String name) {
        String[] parts = hashed.substring(HASH_MAGIC.length()).split("\\|");
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] expected = Base64.getDecoder().decode(parts[1]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(expected, mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // a malformed hashed entry matches nothing, as in OpenSSH
        }
    }

    /** A {@code *}/{@code ?} wildcard pattern against a whole name, case-sensitive as OpenSSH's match_pattern. */
    static boolean glob(String pattern, String name) {
        return glob(pattern, 0, name, 0);
    }

    private static boolean glob(String pattern, int p, String name, int n) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int rest = n; rest <= name.length(); rest++) {
                    if (glob(pattern, p + 1, name, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (n >= name.length() || (c != '?' && c != name.charAt(n))) {
                return false;
            }
            p++;
            n++;
        }
        return n == name.length();
    }
}
