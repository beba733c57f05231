package dev.mast.plan;

/**
 * Text from a file, a node or a command line made safe to print or show. A terminal obeys the
 * control characters it is sent ({@code ESC]0;...BEL} retitles its window, others move the cursor
 * or clear the screen), so they are written as escapes; a value quoted in a message is also cut
 * to a readable length, since a file may hold a megabyte where a name belongs.
 */
public final class SafeText {
    /** How much of a value a message quotes; the rest is counted, not shown. */
    static final int QUOTED_LENGTH = 60;

    private SafeText() {
    }

    /**
     * Control characters: C0 (line breaks and tabs too), DEL, C1, the Unicode line and paragraph
     * separators and the bidirectional overrides, which reorder what a reader sees.
     */
    public static boolean isControl(int codePoint) {
        return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || codePoint == 0x2028 || codePoint == 0x2029
                || (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** Every control character as an escape: {@code \n}, {@code \t}, {@code \r}, else {@code \u001b}. */
    public static String escape(String text) {
        if (text.codePoints().noneMatch(SafeText::isControl)) {
            return text;
        }
        var escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> appendEscaped(escaped, c));
        return escaped.toString();
    }

    /** As {@link #escape}, but line ends (LF, CR LF) and tabs stay: for text of many lines, such as a console's or a log's. */
    public static String escapeKeepingLines(String text) {
        var escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
            if (lineEnd || c == '\t') {
                escaped.append(c);
            } else {
                appendEscaped(escaped, c);
            }
        }
        return escaped.toString();
    }

    /** Appends a character, escaped if it is a control character. */
    private static void appendEscaped(StringBuilder to, int codePoint) {
        if (!isControl(codePoint)) {
            to.appendCodePoint(codePoint);
        } else if (codePoint == '\n') {
            to.append("\\n");
        } else if (codePoint == '\t') {
            to.append("\\t");
        } else if (codePoint == '\r') {
            to.append("\\r");
        } else {
            to.append(String.format("\\u%04x", codePoint));
        }
    }

    /** A value as a message quotes it: in double quotes, escaped, and cut after {@value #QUOTED_LENGTH} characters. */
    public static String quote(String value) {
        return "\"" + brief(value) + "\"";
    }

    /** A value as a message names it without quotes: escaped, and cut after {@value #QUOTED_LENGTH} characters. */
    public static String brief(String value) {
        return escape(cut(value));
    }

    /** The first {@value #QUOTED_LENGTH} characters of a long text and how long it is. */
    static String cut(String text) {
        if (text.length() <= QUOTED_LENGTH + 20) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(QUOTED_LENGTH - 1)) ? QUOTED_LENGTH - 1 : QUOTED_LENGTH;
        return text.substring(0, end) + "... (" + text.length() + " characters)";
    }
}
