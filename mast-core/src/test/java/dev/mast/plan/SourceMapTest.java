package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceMapTest {
    private static final Location NODE = new Location("c.yaml", 20, 5);
    private static final Location NODES = new Location("c.yaml", 17, 3);
    private static final SourceMap MAP = new SourceMap(Map.of("nodes", NODES, "nodes[2]", NODE));

    @Test
    void findsAnExactPath() {
        assertEquals(Optional.of(NODE), MAP.find("nodes[2]"));
    }

    @Test
    void fallsBackToTheNearestWrittenParent() {
        assertEquals(Optional.of(NODE), MAP.find("nodes[2].ssh.port"));
        assertEquals(Optional.of(NODES), MAP.find("nodes[3].ip"));
        assertEquals(Optional.empty(), MAP.find("cluster.name"));
        assertEquals(Optional.empty(), MAP.exact("nodes[2].ssh.port"));
    }

    @Test
    void theEmptyMapLocatesNothing() {
        assertEquals(Optional.empty(), SourceMap.EMPTY.find("nodes[2]"));
    }

    @Test
    void parentsStepOutOneLevelAtATime() {
        assertEquals("nodes[2].ssh", SourceMap.parent("nodes[2].ssh.port"));
        assertEquals("nodes[2]", SourceMap.parent("nodes[2].ssh"));
        assertEquals("nodes", SourceMap.parent("nodes[2]"));
        assertEquals("", SourceMap.parent("nodes"));
    }
}
