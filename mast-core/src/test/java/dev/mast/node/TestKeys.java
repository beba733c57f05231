package dev.mast.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keys made by the real {@code ssh-keygen}, and its answers about known_hosts files. */
final class TestKeys {
    private TestKeys() {
    }

    /** Generates a key pair with {@code ssh-keygen -t type}; returns the private key path. */
    static Path generate(Path dir, String name, String type, String passphrase) throws IOException {
        Path key = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C",
                "mast-test", "-f", key.toString()));
        if (type.equals("rsa")) {
            command.addAll(List.of("-b", "3072"));
        }
        run(command);
        return key;
    }

    static Path generate(Path dir, String name, String type) throws IOException {
        return generate(dir, name, type, "");
    }

    static Path pub(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** The SHA-256 fingerprint as {@code ssh-keygen -l} prints it. */
    static String fingerprint(Path privateKey) throws IOException {
        return run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", pub(privateKey).toString())).split("\\s+")[1];
    }

    /** The public key line ({@code type base64 comment}). */
    static String publicLine(Path privateKey) throws IOException {
        return Files.readString(pub(privateKey)).strip();
    }

    /** Hashes every host name of a known_hosts file in place, as {@code ssh-keygen -H} does. */
    static void hashKnownHosts(Path knownHosts) throws IOException {
        run(List.of("ssh-keygen", "-H", "-f", knownHosts.toString()));
        Files.deleteIfExists(knownHosts.resolveSibling(knownHosts.getFileName() + ".old"));
    }

    /** The lines OpenSSH's own lookup ({@code ssh-keygen -F}) finds for a name, empty when none. */
    static String lookup(Path knownHosts, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("ssh-keygen", "-F", name, "-f", knownHosts.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return process.exitValue() == 0 ? out : "";
    }

    static String run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException(command + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}
