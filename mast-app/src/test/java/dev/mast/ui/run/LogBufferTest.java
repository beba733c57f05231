package dev.mast.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mast.workflow.ProgressEvent.LogLevel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogBufferTest {

    private static LogEntry line(int n) {
        return new LogEntry(Instant.EPOCH, "etcd/start", LogLevel.STDOUT, "line " + n);
    }

    @Test
    void keepsTheNewestLinesAndCountsTheDroppedOnes() {
        LogBuffer buffer = new LogBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.add(line(i));
        }

        assertEquals(3, buffer.size());
        assertEquals("line 3", buffer.lines().get(0).text());
        assertEquals("line 5", buffer.lines().get(2).text());
        assertEquals(2, buffer.dropped());
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new LogBuffer(0));
    }
}
