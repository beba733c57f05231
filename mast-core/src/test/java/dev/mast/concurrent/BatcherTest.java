package dev.mast.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatcherTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final List<Batcher.Batch<Integer>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        ui.shutdownNow();
    }

    private List<Integer> delivered() {
        List<Integer> all = new ArrayList<>();
        batches.forEach(batch -> all.addAll(batch.items()));
        return all;
    }

    @Test
    void deliversEveryItemInOrderInFewBatches() throws Exception {
        var done = new CountDownLatch(1);
        var batcher = Batcher.<Integer>uncapped(Duration.ofMillis(50), ui, batches::add);
        for (int i = 0; i < 10_000; i++) {
            batcher.add(i);
        }
        batcher.finish(done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            expected.add(i);
        }
        assertEquals(expected, delivered());
        assertTrue(batches.size() <= 3, "10,000 quick adds came in " + batches.size() + " batches");
    }

    @Test
    void addAllNowDeliversWithoutWaitingOutTheInterval() throws Exception {
        var batcher = Batcher.<Integer>uncapped(Duration.ofSeconds(30), ui, batches::add);
        batcher.addAllNow(List.of(1, 2, 3));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batches.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(1, 2, 3), delivered(), "delivered long before the 30 s interval");
        assertEquals(1, batches.size());
    }

    @Test
    void neverHandsOverASecondBatchWhileTheFirstIsBeingHandled() throws Exception {
        var inside = new java.util.concurrent.atomic.AtomicInteger();
        var overlaps = new java.util.concurrent.atomic.AtomicInteger();
        var done = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        var batcher = Batcher.<Integer>uncapped(Duration.ofMillis(5), pool, batch -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            sleep(30);
            inside.decrementAndGet();
            batches.add(batch);
        });
        for (int i = 0; i < 50; i++) {
            batcher.add(i);
            sleep(2);
        }
        batcher.finish(done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        pool.shutdownNow();
        assertEquals(0, overlaps.get());
        assertEquals(50, delivered().size());
    }

    @Test
    void dropsTheOldestItemsBeyondTheCapAndSaysHowMany() throws Exception {
        var blocker = new CountDownLatch(1);
        var done = new CountDownLatch(1);
        var batcher = new Batcher<Integer>(Duration.ofMillis(20), 100, ui, batches::add);
        ui.execute(() -> await(blocker));
        for (int i = 0; i < 1_000; i++) {
            batcher.add(i);
        }
        blocker.countDown();
        batcher.finish(done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(100, delivered().size());
        assertEquals(900, delivered().get(0));
        assertEquals(900, batches.stream().mapToLong(Batcher.Batch::dropped).sum());
    }

    @Test
    void deliversNothingAfterClose() throws Exception {
        var batcher = Batcher.<Integer>uncapped(Duration.ofMillis(20), ui, batches::add);
        batcher.add(1);
        batcher.close();
        batcher.add(2);
        Thread.sleep(100);
        ui.submit(() -> { }).get();
        assertEquals(List.of(), delivered());
    }

    /** Stands in for the FX thread: counts the hand-overs and runs them in turn. */
    private Executor counting(AtomicInteger handOvers) {
        return task -> {
            handOvers.incrementAndGet();
            ui.execute(task);
        };
    }

    @Test
    void eventsFromManyThreadsArriveInFewBatchesInTheirOrderAndNoneIsLost() throws Exception {
        record Event(int producer, int sequence) { }
        List<List<Event>> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger handOvers = new AtomicInteger();
        var batcher = Batcher.<Event>uncapped(Duration.ofMillis(20), counting(handOvers), batch -> received.add(batch.items()));
        int producers = 8;
        int perProducer = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        CountDownLatch produced = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            int producer = p;
            pool.execute(() -> {
                for (int i = 0; i < perProducer; i++) {
                    batcher.add(new Event(producer, i));
                }
                produced.countDown();
            });
        }
        assertTrue(produced.await(30, TimeUnit.SECONDS));
        pool.shutdown();
        CountDownLatch done = new CountDownLatch(1);
        batcher.finish(done::countDown);
        assertTrue(done.await(30, TimeUnit.SECONDS));

        Map<Integer, Integer> next = new HashMap<>();
        int total = 0;
        synchronized (received) {
            for (List<Event> batch : received) {
                for (Event event : batch) {
                    assertEquals(next.getOrDefault(event.producer(), 0), event.sequence(), "order of producer " + event.producer());
                    next.put(event.producer(), event.sequence() + 1);
                    total++;
                }
            }
        }
        assertEquals(producers * perProducer, total);
        assertEquals(received.size(), batcher.batches());
        // Far fewer hand-overs to the UI thread than events: that is the point of batching.
        assertTrue(handOvers.get() < total / 10, handOvers.get() + " hand-overs for " + total + " events");
    }

    @Test
    void anIdleBatcherHandsNothingOver() throws Exception {
        AtomicInteger handOvers = new AtomicInteger();
        var batcher = Batcher.<String>uncapped(Duration.ofMillis(5), counting(handOvers), batch -> { });
        batcher.deliverNow();
        Thread.sleep(30);

        assertEquals(0, handOvers.get());
        assertEquals(0, batcher.batches());
    }

    @Test
    void oneDeliveryIsHandedOverForABurstAndItTakesEverythingQueued() throws Exception {
        List<Runnable> handedOver = Collections.synchronizedList(new ArrayList<>());
        List<Batcher.Batch<String>> received = new ArrayList<>();
        var batcher = Batcher.<String>uncapped(Duration.ofMillis(10), handedOver::add, received::add);
        for (int i = 0; i < 100; i++) {
            batcher.add("event " + i);
        }
        // The hand-over comes after the batcher's delay; a loaded machine may take longer than that.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (handedOver.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        batcher.add("event 100");
        Thread.sleep(50);

        assertEquals(1, handedOver.size(), "one hand-over while the first has not run");
        handedOver.get(0).run();
        assertEquals(1, received.size());
        assertEquals(101, received.get(0).items().size(), "what was queued until the delivery ran");
    }

    @Test
    void deliverNowHandsTheQueueToTheConsumerOnTheCallingThread() {
        List<String> threads = new ArrayList<>();
        var batcher = Batcher.<String>uncapped(Duration.ofSeconds(30), task -> { }, batch -> threads.add(Thread.currentThread().getName()
                + ": " + batch.items()));
        batcher.add("a");
        batcher.add("b");
        batcher.deliverNow();
        assertEquals(List.of(Thread.currentThread().getName() + ": [a, b]"), threads);
        assertEquals(1, batcher.batches());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
