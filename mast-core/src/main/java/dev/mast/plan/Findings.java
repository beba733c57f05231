package dev.mast.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the problems of one validation run, locating each through the plan's source map. */
final class Findings {
    private final SourceMap locations;
    private final List<Problem> problems = new ArrayList<>();

    Findings(SourceMap locations) {
        this.locations = locations;
    }

    void error(String path, String message) {
        problems.add(Problem.error(path, message, locations.find(path)));
    }

    void warning(String path, String message) {
        problems.add(Problem.warning(path, message, locations.find(path)));
    }

    /** Records the result of a {@link FieldChecks} check as an error of {@code path}. */
    boolean check(String path, Optional<String> problem) {
        problem.ifPresent(message -> error(path, message));
        return problem.isEmpty();
    }

    List<Problem> problems() {
        return problems;
    }
}
