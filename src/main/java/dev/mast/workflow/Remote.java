package dev.mast.workflow;

import dev.mast.render.NodeFile;
import java.util.List;
import java.util.Optional;

/**
 * Everything a phase may do to a node, in one place: commands run as root, file writes and
 * reads. Output of commands streams into the node's log as it arrives.
 */
public interface Remote extends AutoCloseable {

    /**
     * Runs a shell script as root and returns its standard output lines. A non-zero exit
     * throws, with the exit status and the last lines of output in the message.
     */
    List<String> run(String script) throws Exception;

    /** Runs a check as root and returns its exit status; never throws for a non-zero status. */
    int probe(String script) throws Exception;

    /** Writes a file atomically (temporary file, then rename) with its mode, owned by root. */
    void write(NodeFile file) throws Exception;

    /** The file's bytes, or empty when it does not exist. */
    Optional<byte[]> read(String path) throws Exception;

    @Override
    void close();
}
