package dev.mast.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.ui.fixtures.ScriptedDialogs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DialogsFromBackgroundTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Test
    void aBackgroundThreadGetsTheAnswerGivenOnTheUiThread() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Thread uiThread = ui.submit(Thread::currentThread).get();
            var asking = new DialogsFromBackground(dialogs.answerSecret("s3cret"), ui, () -> Thread.currentThread() == uiThread);
            char[] answer = worker.submit(() -> asking.ask(d -> d.askForSecret("Passphrase", "m", "Passphrase", "Unlock key")
                    .orElse(null), null)).get();
            assertEquals("s3cret", new String(answer));
            assertEquals("Passphrase", dialogs.asked("secret").get(0).title());
        } finally {
            ui.shutdownNow();
            worker.shutdownNow();
        }
    }

    @Test
    void askingOnTheUiThreadIsRefusedRatherThanWaitingForItself() {
        var asking = new DialogsFromBackground(dialogs, Runnable::run, () -> true);
        var error = assertThrows(IllegalStateException.class, () -> asking.ask(d -> d.confirm("t", "m", "Go"), false));
        assertTrue(error.getMessage().contains("FX thread"), error.getMessage());
        assertTrue(dialogs.asked().isEmpty());
    }

    @Test
    void questionsFromManyThreadsAreShownOneAtATime() throws Exception {
        ExecutorService ui = Executors.newCachedThreadPool();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        try {
            var asking = new DialogsFromBackground(dialogs, ui, () -> false);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(workers.submit(() -> asking.ask(d -> {
                    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    boolean yes = d.confirm("t", "m", "Go");
                    open.decrementAndGet();
                    return yes;
                }, false)));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get());
            }
            assertEquals(1, mostOpen.get());
            assertEquals(8, dialogs.asked("confirm").size());
        } finally {
            ui.shutdownNow();
            workers.shutdownNow();
        }
    }

    @Test
    void anInterruptedWaitGivesTheFallbackAnswer() throws Exception {
        var asking = new DialogsFromBackground(dialogs, task -> { }, () -> false);
        Thread.currentThread().interrupt();
        assertNull(asking.ask(d -> d.askForSecret("t", "m", "Password", "Log in").orElse(null), null));
        assertTrue(Thread.interrupted());
    }
}
