package dev.mast.ui.wizard;

/** The wizard's pages, in order. */
public enum WizardPage {
    START("Start", "Choose what to do and where the plan comes from"),
    CLUSTER("Cluster", "Name, version and networks of the cluster"),
    NODES("Nodes", "The machines, their roles and how to reach them"),
    PREVIEW("Preview", "Every file Mast will write, per node"),
    RUN("Run", "Live progress on every node");

    private final String title;
    private final String description;

    WizardPage(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public boolean hasNext() {
        return ordinal() < values().length - 1;
    }

    public WizardPage next() {
        return values()[ordinal() + 1];
    }

    public WizardPage previous() {
        return values()[ordinal() - 1];
    }
}
