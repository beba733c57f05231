package dev.mast.workflow;

/** Turns an exception into the one sentence shown for a failed step. */
public final class Failures {
    private Failures() {
    }

    public static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Client libraries wrap the real reason ("Connection refused") in a generic sentence.
        if (root != error && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message.strip().replaceFirst("\\.$", "") + ": " + root.getMessage();
        }
        // Messages are joined into sentences of their own ("... failed on 2 of 40 nodes: a; b."), so drop a final period.
        String text = message.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
