package dev.mast.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Starts the FX toolkit outside an Application, headless through Monocle when there is no display. */
final class FxToolkit {
    private static final String MONOCLE = "com.sun.glass.ui.monocle.MonoclePlatformFactory";

    private FxToolkit() {
    }

    static void start() throws InterruptedException {
        if (noDisplay() && System.getProperty("glass.platform") == null) {
            if (!monocleAvailable()) {
                throw new IllegalStateException("there is no display (DISPLAY is not set) and Monocle is not on the class path;"
                        + " run under xvfb-run or set DISPLAY");
            }
            // The same settings the GUI tests run with.
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "1920x1200-32");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
        }
    }

    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return linux && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean monocleAvailable() {
        try {
            Class.forName(MONOCLE, false, FxToolkit.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
