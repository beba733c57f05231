package dev.mast.pki;

import static dev.mast.pki.PkiTesting.plan;
import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiLockTest {
    @TempDir
    Path dir;

    @Test
    void rendersStartedTogetherIntoOneFreshFolderMakeOneCa() throws Exception {
        Path fresh = dir.resolve("pki");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> renders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                renders.add(() -> new PkiStore().loadOrCreate(fresh, plan()).credential("ca").certificatePem());
            }
            List<String> cas = new ArrayList<>();
            for (Future<String> ca : pool.invokeAll(renders)) {
                cas.add(ca.get());
            }
            assertEquals(1, cas.stream().distinct().count(), "every render sees the one CA");
            assertEquals(cas.get(0), Files.readString(fresh.resolve("ca.crt")), "and it is the CA kept in the folder");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherProcessHoldingTheFolderIsNamedAndNothingIsMadeUntilItEnds() throws Exception {
        Path folder = dir.resolve("pki");
        Process other = holdInAnotherProcess(folder);
        try {
            var busy = assertThrows(PkiLock.PkiFolderBusyException.class, () -> PkiLock.hold(folder, "test", Duration.ofMillis(300)));
            assertTrue(busy.getMessage().contains("is in use by another Mast process: mast install (pid " + other.pid()),
                    busy.getMessage());
            assertFalse(Files.exists(folder.resolve("ca.crt")));
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // A killed holder leaves no lock behind: the operating system ends it with the process.
        try (PkiLock lock = PkiLock.hold(folder, "test", Duration.ofMillis(300))) {
            assertNotNull(lock.writing());
        }
        assertTrue(Files.readString(folder.resolve(PkiLock.FILE)).startsWith("test (pid " + ProcessHandle.current().pid()));
    }

    @Test
    void holdsInOneProcessShareTheFolder() {
        Path folder = dir.resolve("pki");
        try (PkiLock run = PkiLock.hold(folder, "mast install")) {
            // The app previews (renders) while its own run holds the folder.
            assertDoesNotThrow(() -> new PkiStore().loadOrCreate(folder, plan()));
            assertNotNull(run.writing());
        }
    }

    /** A second JVM that holds the folder (as a run of mast install would) until it is killed. */
    private static Process holdInAnotherProcess(Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(),
                folder.toString()).redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertEquals("held", line, "the other process should hold the folder");
        return process;
    }

    /** Runs in the other process. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            PkiLock.hold(Path.of(args[0]), "mast install");
            System.out.println("held");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
