package dev.mast.plan;

/**
 * A place in a file, 1-based, printed the way compilers do ({@code cluster.yaml:14:9}) so
 * editors and terminals can jump to it.
 */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
