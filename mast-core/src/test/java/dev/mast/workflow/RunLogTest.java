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
}
