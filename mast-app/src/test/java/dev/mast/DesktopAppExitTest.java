package dev.mast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the main window ends the process, even when a library left a thread running that would keep the JVM alive. */
class DesktopAppExitTest {
    @TempDir
    Path home;

    /** Starts a non-daemon thread that never ends (as a vert.x event loop does), then opens the app, which closes its window at once. */
    public static final class WithALingeringThread {
        public static void main(String[] args) {
            Thread lingering = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "vert.x-eventloop-thread-0");
            lingering.start();
            Main.main(new String[0]);
        }
    }

    @Test
    void closingTheWindowEndsTheProcessThoughANonDaemonThreadStillRuns() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        var builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "-Duser.home=" + home,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dmast.startup.exit=true",
                WithALingeringThread.class.getName()));
        builder.environment().remove("XDG_STATE_HOME");
        builder.environment().remove("XDG_DATA_HOME");
        builder.redirectErrorStream(true).redirectOutput(home.resolve("output.txt").toFile());
        Process process = builder.start();

        boolean ended = process.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }

        assertTrue(ended, "the process still runs after its window closed");
        assertEquals(0, process.exitValue(), Files.readString(home.resolve("output.txt")));
    }
}
