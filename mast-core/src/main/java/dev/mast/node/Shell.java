package dev.mast.node;

/** Quoting for {@code /bin/sh}. */
final class Shell {
    private Shell() {
    }

    /** One single-quoted word; a quote inside becomes {@code '\''}. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
