package dev.mast.plan;

import java.nio.file.Path;

/**
 * Where a plan's SSH key file is on this machine. Plans say {@code ~/.ssh/id_ed25519} so they
 * can be shared between people; {@code ~} is the home directory of whoever runs Mast.
 * A relative path is relative to the working directory, as it would be for {@code ssh -i}.
 */
public final class KeyFiles {
    private KeyFiles() {
    }

    public static Path resolve(String keyFile, Path home) {
        if (keyFile.equals("~")) {
            return home;
        }
        if (keyFile.startsWith("~/")) {
            return home.resolve(keyFile.substring(2));
        }
        return Path.of(keyFile);
    }

    public static Path resolve(String keyFile) {
        return resolve(keyFile, userHome());
    }

    public static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }
}
