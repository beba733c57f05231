package dev.mast.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.workflow.ProgressEvent.LogLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {

    @Test
    void writesOneFilePerNodeAndTheSummary(@TempDir Path base) throws Exception {
        Instant now = Instant.now();
        try (RunLog log = RunLog.inNewFolder(base, "install")) {
            log.onEvent(new ProgressEvent.RunStarted(now, "install", List.of("node001", "node002"), Map.of("node001", 1, "node002", 1)));
            log.onEvent(new ProgressEvent.StepChanged(now, "node001", "etcd/start", "Start etcd", StepState.RUNNING, "Start etcd"));
            log.onEvent(new ProgressEvent.LogLine(now, "node001", "etcd/start", LogLevel.STDOUT, "Created symlink etcd.service"));
            log.onEvent(new ProgressEvent.StepChanged(now, "node002", "etcd/start", "Start etcd", StepState.FAILED, "exit 1"));
            var summary = new RunSummary("install", List.of(new NodeOutcome("node001", StepState.DONE, "etcd/start", "done"),
                    new NodeOutcome("node002", StepState.FAILED, "etcd/start", "exit 1")), false, Duration.ofSeconds(3));
            log.onEvent(new ProgressEvent.RunFinished(now, summary));

            Path folder = log.folder();
            assertTrue(folder.getFileName().toString().endsWith("-install"), folder.toString());
            List<String> node1 = Files.readAllLines(folder.resolve("node001.log"));
            assertEquals(2, node1.size());
            assertTrue(node1.get(1).endsWith("[etcd/start] STDOUT Created symlink etcd.service"), node1.get(1));
            assertTrue(Files.readString(folder.resolve("node002.log")).contains("FAILED: exit 1"));
            assertTrue(Files.readString(folder.resolve("run.log")).contains("install failed on 1 of 2 nodes: node002 (etcd/start): exit 1"));
        }
    }

    @Test
    void aSecondRunInTheSameSecondGetsItsOwnFolder(@TempDir Path base) throws Exception {
        try (RunLog first = RunLog.inNewFolder(base, "install"); RunLog second = RunLog.inNewFolder(base, "install")) {
            assertTrue(!first.folder().equals(second.folder()));
        }
    }

    @Test
    void eachLineIsInItsFileAsSoonAsItHappensAndTheFolderIsTheUsersOnly(@TempDir Path base) throws Exception {
        Instant now = Instant.now();
        try (RunLog log = RunLog.inNewFolder(base, "install")) {
            log.onEvent(new ProgressEvent.RunStarted(now, "install", List.of("node001"), Map.of("node001", 1)));
            log.onEvent(new ProgressEvent.StepChanged(now, "node001", "etcd/start", "Start etcd", StepState.RUNNING, "Start etcd"));
            log.onEvent(new ProgressEvent.LogLine(now, "node001", "etcd/start", LogLevel.STDOUT, "x".repeat(10_000)));

            // Read while the run goes on: nothing waits in a buffer, and what is there ends with a whole line.
            String node = Files.readString(log.folder().resolve("node001.log"));
            assertTrue(node.endsWith("x".repeat(10_000) + "\n"), "the line is whole in the file");
            assertEquals(2, node.lines().count());
            assertTrue(Files.readString(log.folder().resolve("run.log")).contains("started install on 1 nodes: node001"));
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(log.folder())));
            for (String file : List.of("node001.log", "run.log")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(log.folder().resolve(file))), file);
            }
        }
    }
}
