package dev.mast.plan;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan file (Mast's own, or a Kismatic file being imported) that could not be turned into a
 * plan. Carries every problem found, each with its location, not just the first. It is an
 * {@link IOException} so callers that only care that the file could not be read need one catch.
 */
public final class PlanFileException extends IOException {
    private final String file;
    private final transient List<Problem> problems;

    public PlanFileException(String file, List<Problem> problems) {
        super(describe(file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PlanFileException needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String file, List<Problem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return file + " cannot be read as a plan (" + count + "):\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
