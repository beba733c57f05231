package dev.mast.sim.commands;

import java.util.List;
import java.util.Locale;

/** printf(1): {@code %s %d %i %x %o %c %b %%} with flags and width, backslash escapes, the format reused while arguments remain. */
final class Printf {
    private Printf() {
    }

    static String format(String format, List<String> args) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        do {
            int consumed = once(escapes(format), args, used, out);
            if (consumed == 0) {
                break;
            }
            used += consumed;
        } while (used < args.size());
        String text = out.toString();
        int stop = text.indexOf('\u0003');
        return stop >= 0 ? text.substring(0, stop) : text;
    }

    private static int once(String format, List<String> args, int from, StringBuilder out) {
        int used = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i;
            i++;
            while (i < format.length() && "-+ #0123456789.".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i >= format.length()) {
                out.append(format.substring(start));
                break;
            }
            char conversion = format.charAt(i);
            if (conversion == '%') {
                out.append('%');
                continue;
            }
            String spec = format.substring(start, i);
            String arg = from + used < args.size() ? args.get(from + used) : null;
            used++;
            out.append(convert(spec, conversion, arg));
        }
        return used;
    }

    private static String convert(String spec, char conversion, String arg) {
        String value = arg == null ? "" : arg;
        return switch (conversion) {
            case 'd', 'i' -> String.format(Locale.ROOT, spec + "d", number(value));
            case 'x', 'X', 'o' -> String.format(Locale.ROOT, spec + conversion, number(value));
            case 'c' -> value.isEmpty() ? "" : value.substring(0, 1);
            case 'b' -> escapes(value);
            case 's' -> String.format(Locale.ROOT, spec + "s", value);
            default -> spec + conversion;
        };
    }

    private static long number(String text) {
        try {
            return text.isBlank() ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Backslash escapes of echo and printf; {@code \c} becomes U+0003 so the caller can stop there. */
    static String escapes(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                case 'a' -> out.append('\u0007');
                case 'c' -> out.append('\u0003');
                case '0' -> {
                    int end = i + 1;
                    while (end < text.length() && end < i + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    out.append((char) (end > i + 1 ? Integer.parseInt(text.substring(i + 1, end), 8) : 0));
                    i = end - 1;
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }
}
