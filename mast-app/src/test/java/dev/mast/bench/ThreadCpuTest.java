package dev.mast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    @Test
    void mastsThreadsAreGroupedByWhatTheyDo() {
        assertEquals("ssh_transport", ThreadCpu.mastGroup("sshj-Reader-/127.0.0.2:22"));
        assertEquals("ssh_keepalive", ThreadCpu.mastGroup("sshj-KeepAliveRunner-/127.0.0.2:22"));
        assertEquals("ssh_output_pumps", ThreadCpu.mastGroup("mast-ssh-io-17"));
        assertEquals("steps", ThreadCpu.mastGroup("mast-install-3"));
        assertEquals("kubernetes_client", ThreadCpu.mastGroup("vert.x-eventloop-thread-0"));
        assertEquals("other", ThreadCpu.mastGroup("main"));
    }

    /** A thread's CPU counts for its group from when the watch began, not from the thread's start. */
    @Test
    void countsTheCpuEachGroupUsedWhileItWatched() throws Exception {
        CountDownLatch measured = new CountDownLatch(1);
        CountDownLatch busyEnough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            burn(Duration.ofMillis(200)); // before the watch: not counted
            busyEnough.countDown();
            awaitQuietly(measured);
        }, "sshj-Reader-test");
        reader.start();
        busyEnough.await();
        Duration counted;
        try (ThreadCpu watch = new ThreadCpu(ThreadCpu::mastGroup)) {
            CountDownLatch burnt = new CountDownLatch(1);
            // Alive until looked at: a thread that ends between two looks loses what it used since the last.
            Thread worker = new Thread(() -> {
                burn(Duration.ofMillis(100));
                burnt.countDown();
                awaitQuietly(measured);
            }, "mast-install-test");
            worker.start();
            burnt.await();
            counted = watch.byGroup().getOrDefault("ssh_transport", Duration.ZERO);
            Duration steps = watch.byGroup().getOrDefault("steps", Duration.ZERO);
            assertTrue(steps.compareTo(Duration.ofMillis(50)) >= 0, "steps: " + steps);
        } finally {
            measured.countDown();
            reader.join();
        }
        assertTrue(counted.compareTo(Duration.ofMillis(50)) < 0, "the reader's CPU before the watch counted: " + counted);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void burn(Duration cpu) {
        var threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + cpu.toNanos();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            sink += System.nanoTime() % 7;
        }
        if (sink == -1) {
            throw new AssertionError();
        }
    }
}
