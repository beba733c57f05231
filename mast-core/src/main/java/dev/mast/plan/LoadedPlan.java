package dev.mast.plan;

/** A plan read from a file, with where each of its values was written. */
public record LoadedPlan(Plan plan, SourceMap locations) {
}
