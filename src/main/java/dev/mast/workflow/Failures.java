package dev.mast.workflow;

/** Turns an exception into the one sentence shown for a failed step. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName();
        }
        return message.strip();
    }
}
