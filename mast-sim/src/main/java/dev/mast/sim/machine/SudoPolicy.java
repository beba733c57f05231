package dev.mast.sim.machine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What {@code sudo} asks of the SSH user. The password is compared in constant time and never
 * printed: {@link #toString()} does not show it.
 */
public sealed interface SudoPolicy {

    /** {@code NOPASSWD: ALL} in sudoers. */
    record NoPassword() implements SudoPolicy { }

    /** sudo asks for the user's password. */
    final class Password implements SudoPolicy {
        private final byte[] password;

        public Password(String password) {
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        public boolean matches(String attempt) {
            return MessageDigest.isEqual(password, attempt.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Password[****]";
        }
    }

    /** The user is not in sudoers. */
    record Denied() implements SudoPolicy { }

    static SudoPolicy noPassword() {
        return new NoPassword();
    }

    static SudoPolicy password(String password) {
        return new Password(password);
    }

    static SudoPolicy denied() {
        return new Denied();
    }
}
