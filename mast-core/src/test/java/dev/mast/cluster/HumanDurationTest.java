package dev.mast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

    @ParameterizedTest(name = "{0}s reads {1}")
    @CsvSource({
            "-5, <invalid>", "-1, 0s", "0, 0s", "45, 45s", "119, 119s", "120, 2m", "200, 3m20s", "599, 9m59s",
            "600, 10m", "10799, 179m", "10800, 3h", "11100, 3h5m", "28800, 8h", "172799, 47h", "172800, 2d",
            "180000, 2d2h", "691200, 8d", "63072000, 2y", "63158400, 2y1d", "252460800, 8y"})
    void printsDurationsTheWayKubectlDoes(long seconds, String expected) {
        assertEquals(expected, HumanDuration.of(Duration.ofSeconds(seconds)));
    }

    @org.junit.jupiter.api.Test
    void saysUnknownWithoutATime() {
        assertEquals("<unknown>", HumanDuration.since(null, Instant.EPOCH));
    }
}
