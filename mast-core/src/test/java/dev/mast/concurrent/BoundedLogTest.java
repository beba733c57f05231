package dev.mast.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLogTest {

    private static BoundedLog<String> lines(int capacity, int count) {
        BoundedLog<String> log = new BoundedLog<>(capacity);
        for (int i = 1; i <= count; i++) {
            log.add("line " + i);
        }
        return log;
    }

    @Test
    void keepsTheNewestLinesAndCountsTheDroppedOnes() {
        BoundedLog<String> log = lines(3, 5);

        assertEquals(3, log.size());
        assertEquals(List.of("line 3", "line 4", "line 5"), log.all());
        assertEquals(2, log.dropped());
        assertEquals(5, log.end());
    }

    @Test
    void aFollowerGetsWhatCameAfterTheLastLineItSawEvenAfterDrops() {
        BoundedLog<String> log = lines(3, 5);

        assertEquals(List.of("line 5"), log.since(4));
        assertEquals(List.of("line 3", "line 4", "line 5"), log.since(0), "dropped lines are gone; the kept ones come");
        assertEquals(List.of(), log.since(5));
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedLog<String>(0));
    }
}
