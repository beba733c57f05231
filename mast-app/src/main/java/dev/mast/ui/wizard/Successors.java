package dev.mast.ui.wizard;

import dev.mast.plan.Cidr;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names and addresses for a new or duplicated row: the next free ones after a given one. */
final class Successors {
    private static final int MAX_DIGITS = 18;
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(.*?)(\\d+)");

    private Successors() {
    }

    /** {@code node007} gives {@code node008} (or later, if taken); {@code lb} gives {@code lb-2}. */
    static String name(String name, Set<String> taken) {
        Matcher m = TRAILING_NUMBER.matcher(name);
        // A number too long for a long (a plan can hold one) is counted on from, as a name without one is.
        boolean numbered = m.matches() && m.group(2).length() <= MAX_DIGITS;
        String prefix = numbered ? m.group(1) : name + "-";
        int width = numbered ? m.group(2).length() : 1;
        long n = numbered ? Long.parseLong(m.group(2)) + 1 : 2;
        String candidate;
        do {
            candidate = prefix + String.format("%0" + width + "d", n++);
        } while (taken.contains(candidate));
        return candidate;
    }

    /** The next free address after {@code ip} in its /24, or empty when there is none or ip is not an address. */
    static Optional<String> address(String ip, Set<String> taken) {
        Optional<Long> value = Cidr.parseIpv4(ip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        for (long next = value.get() + 1; (next & 0xFF) != 0 && (next & 0xFF) != 255; next++) {
            String candidate = Cidr.format(next);
            if (!taken.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
