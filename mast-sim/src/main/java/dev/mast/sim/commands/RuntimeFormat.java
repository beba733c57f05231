package dev.mast.sim.commands;

import dev.mast.sim.machine.Container;
import dev.mast.sim.machine.LogLine;
import dev.mast.sim.shell.Invocation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What crictl and docker have in common: Docker's human durations and sizes, aligned tables, and replaying logs. */
final class RuntimeFormat {
    private RuntimeFormat() {
    }

    /** go-units HumanDuration: "Less than a second", "5 seconds", "About a minute", "3 minutes", "About an hour", "2 hours", "3 days". */
    static String human(Instant from, Instant now) {
        long seconds = Math.max(0, Duration.between(from, now).getSeconds());
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        return hours / 24 + " days";
    }

    /** go-units HumanSize: {@code 27.1MB}. */
    static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceFirst("\\.?0+$", "") + units[unit];
    }

    /** Rows padded into columns, as Go's tabwriter does for these tools. */
    static List<String> table(List<List<String>> rows, int padding) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (widths.size() <= i) {
                    widths.add(0);
                }
                widths.set(i, Math.max(widths.get(i), row.get(i).length()));
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths.get(i) - row.get(i).length() + padding));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Writes a container's log (the last {@code tail} lines, all when negative) to the streams the
     * lines were written to; with {@code follow}, keeps writing until the container exits or the
     * command is interrupted.
     */
    static void logs(Invocation inv, Container container, int tail, boolean follow, boolean timestamps)
            throws IOException, InterruptedException {
        var log = container.process().log();
        List<LogLine> lines = log.all();
        long next = log.end();
        if (tail >= 0 && lines.size() > tail) {
            lines = lines.subList(lines.size() - tail, lines.size());
        }
        write(inv, lines, timestamps);
        while (follow && container.process().isAlive() && !Thread.currentThread().isInterrupted()) {
            Thread.sleep(inv.machine().timing().tick().toMillis());
            List<LogLine> more = log.since(next);
            next += more.size();
            write(inv, more, timestamps);
        }
    }

    private static void write(Invocation inv, List<LogLine> lines, boolean timestamps) throws IOException {
        for (LogLine line : lines) {
            String text = (timestamps ? DateTimeFormatter.ISO_INSTANT.format(line.time()) + " " : "") + line.text();
            if (line.stderr()) {
                inv.errLine(text);
            } else {
                inv.outLine(text);
            }
        }
        inv.flush();
    }

    static int tail(Args args, String name) {
        String value = args.value(name).orElse("-1");
        return value.equals("all") ? -1 : Integer.parseInt(value);
    }
}
