package dev.mast.workflow;

import dev.mast.render.NodeFile;
import java.util.List;
import java.util.Optional;

/**
 * Everything a phase may do to a node, in one place: commands run as root, file writes and
 * reads. Output of commands streams into the node's log as it arrives.
 */
public interface Remote extends AutoCloseable {

    /** A finished command: its exit status, its standard output lines, and its last lines of any output. */
    record Output(int exitStatus, List<String> stdout, List<String> lastLines) {
        public Output {
            stdout = List.copyOf(stdout);
            lastLines = List.copyOf(lastLines);
        }
    }

    /** Runs a shell script as root; never throws for a non-zero exit status. */
    Output exec(String script) throws Exception;

    /** Writes a file atomically (temporary file, then rename) with its mode, owned by root. */
    void write(NodeFile file) throws Exception;

    /** Writes files, each atomically as {@link #write} does; a remote may do it in fewer round trips. */
    default void writeAll(List<NodeFile> files) throws Exception {
        for (NodeFile file : files) {
            write(file);
        }
    }

    /** The file's bytes, or empty when it does not exist. */
    Optional<byte[]> read(String path) throws Exception;

    /** Where this remote runs, for messages: {@code user@host:port}. */
    String target();

    @Override
    void close();

    /** Runs a script and returns its standard output lines; a non-zero exit throws with the last lines of output. */
    default List<String> run(String script) throws Exception {
        Output output = exec(script);
        if (output.exitStatus() != 0) {
            throw new RemoteCommandException(target(), script, output);
        }
        return output.stdout();
    }

    /** Runs a check and returns its exit status. */
    default int probe(String script) throws Exception {
        return exec(script).exitStatus();
    }
}
