package dev.mast.plan;

import java.util.List;

/**
 * A plan converted from another tool's file, and a warning for everything in that file the
 * plan does not carry over (each located in the source file). The plan still needs
 * {@link PlanValidator}: an imported file may hold values Mast does not accept.
 */
public record ImportResult(Plan plan, List<Problem> warnings) {

    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}
