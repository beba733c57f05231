package dev.mast.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FxBatcherTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** Stands in for the FX thread: one thread that runs the drains in turn. */
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
        uiThread.shutdownNow();
    }

    private record Event(int producer, int sequence) { }

    @Test
    void eventsFromManyThreadsArriveInFewBatchesInTheirOrderAndNoneIsLost() throws Exception {
        List<List<Event>> batches = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger handOvers = new AtomicInteger();
        var batcher = new FxBatcher<Event>(batches::add, task -> {
            handOvers.incrementAndGet();
            uiThread.execute(task);
        }, timer, Duration.ofMillis(20));
        int producers = 8;
        int perProducer = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        CountDownLatch done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            int producer = p;
            pool.execute(() -> {
                for (int i = 0; i < perProducer; i++) {
                    batcher.offer(new Event(producer, i));
                }
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        pool.shutdown();
        // Whatever is still queued is applied by the next scheduled drain; run one more on the UI thread and wait for it.
        CountDownLatch flushed = new CountDownLatch(1);
        timer.schedule(() -> uiThread.execute(() -> {
            batcher.drain();
            flushed.countDown();
        }), 50, TimeUnit.MILLISECONDS);
        assertTrue(flushed.await(30, TimeUnit.SECONDS));

        Map<Integer, Integer> next = new HashMap<>();
        int total = 0;
        synchronized (batches) {
            for (List<Event> batch : batches) {
                for (Event event : batch) {
                    assertEquals(next.getOrDefault(event.producer(), 0), event.sequence(), "order of producer " + event.producer());
                    next.put(event.producer(), event.sequence() + 1);
                    total++;
                }
            }
        }
        assertEquals(producers * perProducer, total);
        assertEquals(total, batcher.events());
        // Far fewer hand-overs to the UI thread than events: that is the point of batching.
        assertTrue(handOvers.get() < total / 10, handOvers.get() + " hand-overs for " + total + " events");
    }

    @Test
    void anIdleBatcherHandsNothingToTheUiThread() throws Exception {
        AtomicInteger handOvers = new AtomicInteger();
        var batcher = new FxBatcher<String>(batch -> { }, task -> handOvers.incrementAndGet(), timer, Duration.ofMillis(5));
        batcher.drain();
        timer.schedule(() -> { }, 30, TimeUnit.MILLISECONDS).get();

        assertEquals(0, handOvers.get());
        assertEquals(0, batcher.batches());
    }

    @Test
    void oneDrainIsScheduledForABurstOfEvents() throws Exception {
        List<Runnable> handedOver = Collections.synchronizedList(new ArrayList<>());
        List<List<String>> batches = new ArrayList<>();
        var batcher = new FxBatcher<String>(batches::add, handedOver::add, timer, Duration.ofMillis(10));
        for (int i = 0; i < 100; i++) {
            batcher.offer("event " + i);
        }
        timer.schedule(() -> { }, 50, TimeUnit.MILLISECONDS).get();

        assertEquals(1, handedOver.size());
        handedOver.get(0).run();
        assertEquals(1, batches.size());
        assertEquals(100, batches.get(0).size());
    }
}
