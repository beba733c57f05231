package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KeyFilesTest {
    private static final Path HOME = Path.of("/home/ops");

    @Test
    void expandsTildeToTheHomeDirectory() {
        assertEquals(Path.of("/home/ops/.ssh/id_ed25519"), KeyFiles.resolve("~/.ssh/id_ed25519", HOME));
        assertEquals(HOME, KeyFiles.resolve("~", HOME));
    }

    @Test
    void leavesOtherPathsAsWritten() {
        assertEquals(Path.of("/etc/mast/key"), KeyFiles.resolve("/etc/mast/key", HOME));
        assertEquals(Path.of("keys/id"), KeyFiles.resolve("keys/id", HOME));
        // ~user is another user's home, which Mast does not guess.
        assertEquals(Path.of("~ops/key"), KeyFiles.resolve("~ops/key", HOME));
    }
}
