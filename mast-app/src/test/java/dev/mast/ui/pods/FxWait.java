package dev.mast.ui.pods;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in TestFX tests: conditions and reads are evaluated on the FX thread. */
public final class FxWait {
    private FxWait() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, 20);
    }

    public static void until(String what, BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + "s for " + what, e);
        }
    }

    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void runFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }
}
