package dev.mast.ui.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Starts the JavaFX toolkit once for a benchmark: on the display if there is one, else headless with Monocle. */
final class FxToolkit {
    private static boolean started;

    private FxToolkit() {
    }

    static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        String display = System.getenv("DISPLAY");
        if ((display == null || display.isBlank()) && System.getProperty("glass.platform") == null) {
            if (!monocleAvailable()) {
                throw new IllegalStateException("there is no display (DISPLAY is not set) and no headless JavaFX"
                        + " (Monocle) on the class path; run it under xvfb-run");
            }
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("java.awt.headless", "true");
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        if (!up.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
        }
        started = true;
    }

    private static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
