package dev.mast.ui.wizard;

import dev.mast.plan.Problem;
import dev.mast.plan.Severity;
import dev.mast.plan.ValidationReport;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/**
 * The validator of one field: the plan validator's problems for the field's property path,
 * after an optional check of the text itself (a port that is not a number never reaches the
 * plan). Errors make the field invalid; a warning is shown but lets the user go on.
 */
public final class FieldValidation {
    private final ObjectBinding<Optional<Problem>> problem;
    private final StringBinding message;
    private final BooleanBinding valid;
    private final BooleanBinding warning;

    /**
     * @param report   the draft's report
     * @param path     the property the field edits, e.g. {@code cluster.podCidr}
     * @param precheck checks the raw text first; {@code input} is what it reads
     */
    public FieldValidation(ObservableValue<ValidationReport> report, String path, Supplier<Optional<String>> precheck,
                           Observable... input) {
        this(report, path, r -> r.problemsFor(path), precheck, input);
    }

    private FieldValidation(ObservableValue<ValidationReport> report, String path, Function<ValidationReport, List<Problem>> select,
                            Supplier<Optional<String>> precheck, Observable... input) {
        Observable[] dependencies = new Observable[input.length + 1];
        dependencies[0] = report;
        System.arraycopy(input, 0, dependencies, 1, input.length);
        problem = Bindings.createObjectBinding(() -> precheck.get()
                .map(text -> Problem.error(path, text, Optional.empty()))
                .or(() -> first(select.apply(report.getValue()))), dependencies);
        message = Bindings.createStringBinding(() -> problem.get().map(Problem::message).orElse(""), problem);
        valid = Bindings.createBooleanBinding(() -> problem.get().map(p -> !p.isError()).orElse(true), problem);
        warning = Bindings.createBooleanBinding(() -> problem.get().map(p -> p.severity() == Severity.WARNING).orElse(false), problem);
    }

    public FieldValidation(ObservableValue<ValidationReport> report, String path) {
        this(report, path, Optional::empty);
    }

    /** A field that edits a list: the problems of any of its items ({@code cluster.apiServerCertSans[1]}). */
    public static FieldValidation ofList(ObservableValue<ValidationReport> report, String path) {
        return new FieldValidation(report, path, r -> r.problemsUnder(path), Optional::empty);
    }

    /** Errors first: a field shows its most important problem. */
    private static Optional<Problem> first(List<Problem> problems) {
        return problems.stream().filter(Problem::isError).findFirst().or(() -> problems.stream().findFirst());
    }

    public StringBinding messageProperty() {
        return message;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public BooleanBinding warningProperty() {
        return warning;
    }

    public Optional<Problem> problem() {
        return problem.get();
    }
}
