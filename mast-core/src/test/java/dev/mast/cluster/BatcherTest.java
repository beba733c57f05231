package dev.mast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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
