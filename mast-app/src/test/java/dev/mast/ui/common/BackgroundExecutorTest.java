package dev.mast.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundExecutorTest {

    @Test
    void thePoolWorksOffTheUiThreadAndCallsBackOnIt() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
        try (var background = UiThreads.forApp(ui)) {
            AtomicReference<String> workedOn = new AtomicReference<>();
            CompletableFuture<String> calledBackOn = new CompletableFuture<>();
            background.submit(() -> {
                workedOn.set(Thread.currentThread().getName());
                return 42;
            }, result -> calledBackOn.complete(Thread.currentThread().getName() + " " + result), calledBackOn::completeExceptionally);

            assertEquals("ui 42", calledBackOn.get(10, TimeUnit.SECONDS));
            assertTrue(workedOn.get().startsWith("mast-background-"), workedOn.get());
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void aFailureReachesTheFailureCallbackOnTheUiThread() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
        try (var background = UiThreads.forApp(ui)) {
            CompletableFuture<String> failure = new CompletableFuture<>();
            background.<String>submit(() -> {
                throw new java.io.IOException("disk full");
            }, failure::complete, e -> failure.complete(Thread.currentThread().getName() + ": " + e.getMessage()));

            assertEquals("ui: disk full", failure.get(10, TimeUnit.SECONDS));
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void theCallingThreadExecutorRunsEverythingAtOnce() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        BackgroundExecutor.callingThread().submit(() -> Thread.currentThread(), ranOn::set, e -> { });

        assertEquals(Thread.currentThread(), ranOn.get());
    }
}
