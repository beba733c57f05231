package dev.mast.workflow;

import java.util.List;
import java.util.stream.Collectors;

/** Builds shell command lines from values that may hold any character. */
public final class Sh {
    private Sh() {
    }

    /** One shell word: single-quoted, with embedded single quotes closed, escaped and reopened. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    public static String words(List<String> values) {
        return values.stream().map(Sh::quote).collect(Collectors.joining(" "));
    }
}
