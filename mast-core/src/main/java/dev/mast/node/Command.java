package dev.mast.node;

import java.time.Duration;
import java.util.Arrays;

/**
 * A shell script to run on a node, with {@code /bin/sh}.
 *
 * @param script     the script; never put secrets in it (use {@code stdin}), it is logged
 * @param idempotent true when running it twice is as good as once: only then is it re-run
 *                   after the connection dropped in the middle of it
 * @param timeout    how long it may run before it is stopped and a timeout is reported
 * @param sudo       run as root (through sudo when the SSH user is not root)
 * @param stdin      bytes fed to the script's standard input, treated as secret: never logged
 */
public record Command(String script, boolean idempotent, Duration timeout, boolean sudo, byte[] stdin) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public Command {
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException("command script must not be empty");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("command timeout must be positive, not " + timeout);
        }
        stdin = stdin == null ? new byte[0] : stdin.clone();
    }

    public Command(String script, boolean idempotent, Duration timeout, boolean sudo) {
        this(script, idempotent, timeout, sudo, null);
    }

    /** A script that is safe to repeat (a probe, or a change that converges), as the SSH user. */
    public static Command idempotent(String script) {
        return new Command(script, true, DEFAULT_TIMEOUT, false);
    }

    /** A script that must not run twice (it is not re-run after a dropped connection), as the SSH user. */
    public static Command once(String script) {
        return new Command(script, false, DEFAULT_TIMEOUT, false);
    }

    public Command asRoot() {
        return new Command(script, idempotent, timeout, true, stdin);
    }

    public Command withTimeout(Duration value) {
        return new Command(script, idempotent, value, sudo, stdin);
    }

    public Command withStdin(byte[] value) {
        return new Command(script, idempotent, timeout, sudo, value);
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** The first line of the script, shortened: how the command is named in messages. */
    public String summary() {
        String first = script.strip().lines().findFirst().orElse("");
        boolean more = first.length() > 80 || script.strip().lines().count() > 1;
        return (first.length() > 80 ? first.substring(0, 80) : first) + (more ? " …" : "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Command that && script.equals(that.script) && idempotent == that.idempotent
                && timeout.equals(that.timeout) && sudo == that.sudo && Arrays.equals(stdin, that.stdin);
    }

    @Override
    public int hashCode() {
        return script.hashCode() * 31 + timeout.hashCode();
    }

    @Override
    public String toString() {
        return "Command[" + summary() + (idempotent ? ", idempotent" : "") + (sudo ? ", sudo" : "")
                + ", timeout " + timeout + (stdin.length > 0 ? ", stdin hidden" : "") + "]";
    }
}
