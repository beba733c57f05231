package dev.mast.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SuccessorsTest {
    @Test
    void theNextNameCountsOnFromTheTrailingNumber() {
        assertEquals("node008", Successors.name("node007", Set.of()));
        assertEquals("node009", Successors.name("node007", Set.of("node008")));
        assertEquals("lb-2", Successors.name("lb", Set.of()));
    }

    @Test
    void aNumberTooLongForALongIsCountedOnFromAsANameWithoutOne() {
        String name = "node" + "9".repeat(40);
        assertEquals(name + "-2", Successors.name(name, Set.of()));
    }
}
