package dev.mast.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommandExecutionTest extends ConnectedToMinaNode {
    @Test
    void streamsEachLineWhileTheCommandIsStillRunning() throws Exception {
        // The script only finishes once the sink has seen its first line: if output came at the
        // end, it would wait until its timeout and fail.
        Path seen = dir.resolve("first-line-seen");
        List<String> lines = new CopyOnWriteArrayList<>();
        LineSink sink = (stream, text) -> {
            lines.add(text);
            if (text.equals("first")) {
                touch(seen);
            }
        };
        String script = "echo first\nwhile [ ! -e '" + seen + "' ]; do sleep 0.05; done\necho second";
        CommandResult result = connection.runChecked(Command.idempotent(script).withTimeout(Duration.ofSeconds(20)),
                sink);
        assertEquals(List.of("first", "second"), lines);
        assertEquals(List.of("first", "second"), result.lastLines());
    }

    @Test
    void tagsStderrLines() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        connection.runChecked(Command.idempotent("echo out; sleep 0.2; echo err >&2; printf 'no newline'"),
                (stream, text) -> lines.add(stream + ":" + text));
        // Each stream keeps its order; across the two streams only what the sleep separates is ordered.
        assertEquals("STDOUT:out", lines.get(0));
        assertEquals(List.of("STDOUT:out", "STDOUT:no newline"), lines.stream().filter(l -> l.startsWith("STDOUT:")).toList());
        assertEquals(List.of("STDERR:err"), lines.stream().filter(l -> l.startsWith("STDERR:")).toList());
    }

    /**
     * The node sends output in packets of at most {@link Dialer#MAX_PACKET} and the pumps read it in small pieces: output
     * many times that size, on both streams at once, still arrives whole, in order, line by line.
     */
    @Test
    void outputOfManyPacketsOnBothStreamsArrivesWholeAndInOrder() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        connection.runChecked(Command.idempotent("seq 1 20000; seq 1 20000 >&2"),
                (stream, text) -> (stream == LineSink.Stream.STDOUT ? out : err).add(text));
        List<String> expected = IntStream.rangeClosed(1, 20000).mapToObj(Integer::toString).toList();
        assertTrue(20000 * 5 > 10 * Dialer.MAX_PACKET, "the output spans many packets");
        assertEquals(expected, out);
        assertEquals(expected, err);
    }

    @Test
    void runReturnsANonZeroExitStatusWithoutThrowing() throws Exception {
        CommandResult result = connection.run(Command.idempotent("test -e /no/such/file"));
        assertEquals(1, result.exitStatus());
    }

    @Test
    void runCheckedReportsTheExitStatusAndTheLastTwentyLines() throws Exception {
        String script = "for i in $(seq 1 30); do echo line $i; done; echo failing >&2; exit 3";
        CommandFailedException error = assertThrows(CommandFailedException.class,
                () -> connection.runChecked(Command.once(script)));
        assertEquals(3, error.exitStatus());
        // stderr's line may arrive before the last stdout lines: each stream keeps its own order.
        List<String> lastLines = error.lastLines();
        assertEquals(20, lastLines.size(), lastLines.toString());
        assertTrue(lastLines.contains("failing"), lastLines.toString());
        List<String> stdout = new ArrayList<>(lastLines);
        stdout.remove("failing");
        List<String> expected = new ArrayList<>();
        IntStream.rangeClosed(12, 30).forEach(i -> expected.add("line " + i));
        assertEquals(expected, stdout);
        assertEquals("127.0.0.1", error.node().host());
        assertTrue(error.getMessage().contains("exit status 3"), error.getMessage());
    }

    @Test
    void stopsACommandThatOutlivesItsTimeoutAndKeepsTheConnection() throws Exception {
        Command slow = Command.idempotent("sleep 30").withTimeout(Duration.ofMillis(700));
        NodeTimeoutException error = assertThrows(NodeTimeoutException.class, () -> connection.run(slow));
        assertTrue(error.getMessage().contains("700ms"), error.getMessage());
        assertEquals(List.of("still here"), connection.runChecked(Command.idempotent("echo still here")).lastLines());
    }

    @Test
    void interruptingTheCallerCancelsTheCommandAndKeepsTheInterruptFlag() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        AtomicReference<Thread> caller = new AtomicReference<>();
        LineSink interruptOnStart = (stream, text) -> caller.get().interrupt();
        Thread thread = new Thread(() -> {
            try {
                connection.run(Command.idempotent("echo started; sleep 30").withTimeout(Duration.ofSeconds(60)),
                        interruptOnStart);
            } catch (NodeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.set(thread);
        thread.start();
        thread.join(20_000);
        assertInstanceOf(CommandCancelledException.class, thrown.get());
        assertTrue(stillInterrupted.get());
        assertEquals(0, connection.run(Command.idempotent("true")).exitStatus());
    }

    @Test
    void feedsStdinToTheCommand() throws Exception {
        OutputCapture capture = new OutputCapture();
        connection.runChecked(Command.once("cat; echo").withStdin("from stdin".getBytes(StandardCharsets.UTF_8)),
                capture);
        assertEquals("from stdin", capture.stdout());
    }

    @Test
    void runsCommandsFromSeveralThreadsAtOnceOverOneConnection() throws Exception {
        // Each command waits until all have started: run one after another, they would time out.
        int count = 5;
        Path barrier = Files.createDirectories(dir.resolve("barrier"));
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String script = "touch '" + barrier + "/" + i + "'\n"
                        + "while [ $(ls '" + barrier + "' | wc -l) -lt " + count + " ]; do sleep 0.05; done\n"
                        + "echo done " + i;
                Command command = Command.idempotent(script).withTimeout(Duration.ofSeconds(30));
                results.add(threads.submit(() -> {
                    OutputCapture capture = new OutputCapture();
                    connection.runChecked(command, capture);
                    return capture.stdout();
                }));
            }
            for (int i = 0; i < count; i++) {
                assertEquals("done " + i, results.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCommandSummaryNamesTheFirstLineOfTheScript() {
        assertEquals("systemctl stop kubelet …", Command.once("systemctl stop kubelet\nsystemctl disable kubelet")
                .summary());
        assertTrue(Command.once("true").withStdin("secret".getBytes(StandardCharsets.UTF_8)).toString()
                .contains("stdin hidden"));
    }

    private static void touch(Path file) {
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
