package dev.mast.ui.logs;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.util.StringConverter;

/** The tail and since choices offered, with their words. */
final class LogChoices {
    static final List<Integer> TAILS = Arrays.asList(100, 1_000, 10_000, 100_000, null);
    static final List<Duration> SINCE = Arrays.asList(null, Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24));

    private LogChoices() {
    }

    static StringConverter<Integer> tailWords() {
        return new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "All lines" : String.format("Last %,d lines", value);
            }

            @Override
            public Integer fromString(String text) {
                return TAILS.stream().filter(v -> toString(v).equals(text)).findFirst().orElse(null);
            }
        };
    }

    static StringConverter<Duration> sinceWords() {
        return new StringConverter<>() {
            @Override
            public String toString(Duration value) {
                if (value == null) {
                    return "Any time";
                }
                long minutes = value.toMinutes();
                return minutes < 60 ? "Last " + minutes + " minutes"
                        : minutes == 60 ? "Last hour" : "Last " + minutes / 60 + " hours";
            }

            @Override
            public Duration fromString(String text) {
                return SINCE.stream().filter(v -> Objects.equals(toString(v), text)).findFirst().orElse(null);
            }
        };
    }
}
