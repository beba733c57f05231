package dev.mast.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as kubectl takes them: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 250ms}. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private GoDuration() {
    }

    /** @throws IllegalArgumentException with the expected form, for a text that is not a positive duration */
    static Duration parse(String text) {
        Matcher m = PART.matcher(text.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.strip().length() || total.isZero()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration like 30s, 5m or 1h30m");
        }
        return total;
    }
}
