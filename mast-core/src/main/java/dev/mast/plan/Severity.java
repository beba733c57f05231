package dev.mast.plan;

/** How bad a {@link Problem} is: an error blocks a run, a warning is worth reading first. */
public enum Severity {
    ERROR, WARNING
}
