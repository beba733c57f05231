package dev.mast.node;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

/**
 * The local user {@code masttest}, who may use sudo only with a password: created if missing,
 * given a fresh password each time. Needs root.
 */
final class LocalSudoUser {
    static final String NAME = "masttest";
    private static final Path SUDOERS = Path.of("/etc/sudoers.d/masttest");

    private LocalSudoUser() {
    }

    static boolean canCreate() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/useradd"))
                && Files.isExecutable(Path.of("/usr/bin/sudo"));
    }

    /** Ensures the user exists and sets a new random password, which it returns. */
    static String ensure() throws IOException {
        if (!succeeds(List.of("id", NAME))) {
            TestKeys.run(List.of("useradd", "--create-home", "--shell", "/bin/sh", NAME));
        }
        String password = "pw-" + UUID.randomUUID();
        Process chpasswd = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
        try (OutputStream in = chpasswd.getOutputStream()) {
            in.write((NAME + ":" + password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        waitFor(chpasswd, "chpasswd");
        // sudo skips files whose names contain a dot, so the draft is inert until renamed.
        Path draft = SUDOERS.resolveSibling(".masttest.draft");
        Files.writeString(draft, NAME + " ALL=(ALL:ALL) ALL\n");
        TestKeys.run(List.of("visudo", "-c", "-q", "-f", draft.toString()));
        Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("r--r-----"));
        Files.move(draft, SUDOERS, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static boolean succeeds(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return waitQuietly(process) == 0;
    }

    private static void waitFor(Process process, String name) throws IOException {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitQuietly(process) != 0) {
            throw new IOException(name + " failed: " + out);
        }
    }

    private static int waitQuietly(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
