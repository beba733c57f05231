package dev.mast.ui;

/** What a run does to the cluster. */
public enum RunKind {
    /** Installs a new cluster whose control plane runs as static pods. */
    INSTALL("Install", "install"),
    /** Moves an existing cluster's systemd services onto static pods. */
    UPGRADE("Upgrade", "upgrade");

    private final String title;
    private final String verb;

    RunKind(String title, String verb) {
        this.title = title;
        this.verb = verb;
    }

    /** {@code Install}, for buttons and headings. */
    public String title() {
        return title;
    }

    /** {@code install}, inside sentences. */
    public String verb() {
        return verb;
    }
}
