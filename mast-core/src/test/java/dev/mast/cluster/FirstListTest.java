package dev.mast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstListTest {
    private final List<List<String>> released = new ArrayList<>();
    private final FirstList<String> first = new FirstList<>(released::add);

    @Test
    void holdsTheListedPodsUntilTheLastOneArrivesThenLetsLaterEventsPass() {
        assertTrue(first.offer("a", true));
        first.listed(3);
        assertTrue(first.offer("b", true));
        assertTrue(released.isEmpty());
        assertTrue(first.offer("c", true));
        assertEquals(List.of(List.of("a", "b", "c")), released);
        assertFalse(first.offer("d", false), "a change after the first list goes on at once");
    }

    @Test
    void releasesAtOnceWhenTheListIsCountedAfterItsPodsArrived() {
        first.offer("a", true);
        first.offer("b", true);
        assertTrue(released.isEmpty());
        first.listed(2);
        assertEquals(List.of(List.of("a", "b")), released);
    }

    @Test
    void anEmptyListHoldsNothing() {
        first.listed(0);
        assertFalse(first.holding());
        assertFalse(first.offer("a", true));
    }

    @Test
    void changesWhileTheListArrivesKeepTheirPlaceButAreNotCounted() {
        first.listed(2);
        first.offer("add a", true);
        first.offer("change a", false);
        assertTrue(released.isEmpty());
        first.offer("add b", true);
        assertEquals(List.of(List.of("add a", "change a", "add b")), released);
    }

    @Test
    void letsGoOfWhatWaitedTooLongWhenTheCountNeverMatches() {
        first.listed(5);
        first.offer("a", true);
        long now = System.nanoTime();
        first.check(now);
        assertTrue(released.isEmpty(), "not yet");
        first.check(now + FirstList.MAX_HOLD.toNanos() + 1);
        assertEquals(List.of(List.of("a")), released);
        assertFalse(first.holding());
    }
}
