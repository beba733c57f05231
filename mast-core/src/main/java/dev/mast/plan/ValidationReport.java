package dev.mast.plan;

import java.util.List;

/** Every problem {@link PlanValidator} found in a plan, in the order of the plan. */
public record ValidationReport(List<Problem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The problems of one property, for the field that edits it ({@code cluster.podCidr}). */
    public List<Problem> problemsFor(String path) {
        return problems.stream().filter(p -> p.path().equals(path)).toList();
    }

    /** The problems of a property and everything inside it ({@code nodes[2]} gives its ip, ssh, ...). */
    public List<Problem> problemsUnder(String path) {
        return problems.stream()
                .filter(p -> p.path().equals(path) || p.path().startsWith(path + ".") || p.path().startsWith(path + "["))
                .toList();
    }

    /** {@code 2 errors, 1 warning}. */
    public String summary() {
        return count(errors().size(), "error") + ", " + count(warnings().size(), "warning");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
