package dev.mast.workflow;

import dev.mast.files.NodeFile;
import java.util.List;
import java.util.Optional;

/**
 * Everything a phase may do to a node, in one place: commands run as root, file writes and
 * reads, and the other work a dry run must not do. Queries only read the node; changes are made
 * by a run and recorded by a dry run ({@link RecordingRemote}), as k0sctl's "wet" operations, so
 * the dry run and the preview list exactly what a run would do. Output of commands streams into
 * the node's log as it arrives.
 */
public interface Remote extends AutoCloseable {

    /** A finished command: its exit status, its standard output lines, and its last lines of any output. */
    record Output(int exitStatus, List<String> stdout, List<String> lastLines) {
        /** What a node Mast does not ask answers: no output, and a status that says "not there". */
        public static final Output NOTHING = new Output(1, List.of(), List.of());

        public Output {
            stdout = List.copyOf(stdout);
            lastLines = List.copyOf(lastLines);
        }
    }

    /** Work a dry run records instead of doing. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /**
     * Runs a shell script as root that only reads the node; never throws for a non-zero exit status. Write a query so
     * that no output and a non-zero status mean "not there yet": that is how a preview that does not connect
     * ({@link Output#NOTHING}) answers it, and it then shows what a run does on a fresh node.
     */
    Output query(String script) throws Exception;

    /** Runs a shell script as root that changes the node; never throws for a non-zero exit status. */
    Output exec(String script) throws Exception;

    /** Writes a file atomically (temporary file, then rename) with its mode, owned by root. */
    void write(NodeFile file) throws Exception;

    /** Writes files, each atomically as {@link #write} does; a remote may do it in fewer round trips. */
    default void writeAll(List<NodeFile> files) throws Exception {
        for (NodeFile file : files) {
            write(file);
        }
    }

    /** The file's bytes, or empty when it does not exist. A query. */
    Optional<byte[]> read(String path) throws Exception;

    /**
     * Work of this node's step that is no command on the node but that a dry run must not do either: a request that
     * changes the cluster through its API, a wait for something to start, a file of Mast's own. Done here; recorded
     * as {@code what} by a recording remote.
     */
    default void perform(String what, Action action) throws Exception {
        action.run();
    }

    /** Whether changes are recorded rather than made: a dry run or a preview. */
    default boolean records() {
        return false;
    }

    /** Whether queries reach the node; false for a preview that does not connect. */
    default boolean asks() {
        return true;
    }

    /** Where this remote runs, for messages: {@code user@host:port}. */
    String target();

    @Override
    void close();

    /** Runs a change and returns its standard output lines; a non-zero exit throws with the last lines of output. */
    default List<String> run(String script) throws Exception {
        Output output = exec(script);
        if (output.exitStatus() != 0) {
            throw new RemoteCommandException(target(), script, output);
        }
        return output.stdout();
    }

    /** Runs a check (a query) and returns its exit status. */
    default int probe(String script) throws Exception {
        return query(script).exitStatus();
    }
}
