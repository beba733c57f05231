package dev.mast.cli;

import dev.mast.plan.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** How commands word problems and I/O failures on the console. */
final class CliMessages {
    private CliMessages() {
    }

    /**
     * A problem the way compilers print one: {@code file:line:column: path: message}, with
     * {@code warning: } in front of the path for warnings so the two stand apart in a long list.
     */
    static String line(Problem problem) {
        var text = new StringBuilder();
        problem.location().ifPresent(where -> text.append(where).append(": "));
        if (!problem.isError()) {
            text.append("warning: ");
        }
        if (!problem.path().isEmpty()) {
            text.append(problem.path()).append(": ");
        }
        return text.append(problem.message()).toString();
    }

    /** An I/O failure in words, without the stack trace: "does not exist", "permission denied". */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof CharacterCodingException) {
            return "is not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
