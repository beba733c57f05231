package dev.mast.workflow;

import dev.mast.node.Command;
import dev.mast.node.CommandResult;
import dev.mast.node.LineSink;
import dev.mast.node.NodeConnection;
import dev.mast.node.NodeConnector;
import dev.mast.node.OutputCapture;
import dev.mast.node.Upload;
import dev.mast.files.NodeFile;
import dev.mast.workflow.ProgressEvent.LogLevel;
import java.util.List;
import java.util.Optional;

/**
 * A node reached over SSH: every command runs as root (through sudo for other users), its
 * output streams into the node's log line by line. The workflows only issue commands that
 * are safe to repeat, so a dropped connection may re-run them once.
 */
public final class SshRemote implements Remote {
    private final NodeConnection connection;
    private final NodeLog log;

    public SshRemote(NodeConnection connection, NodeLog log) {
        this.connection = connection;
        this.log = log;
    }

    /** Opens nodes through one connector: one connection per node for the whole run. */
    public static RemoteFactory factory(NodeConnector connector) {
        return (node, log) -> new SshRemote(connector.connect(node), log);
    }

    @Override
    public Output query(String script) throws Exception {
        return exec(script);
    }

    @Override
    public Output exec(String script) throws Exception {
        log.line(LogLevel.INFO, "$ " + script);
        OutputCapture capture = new OutputCapture(this::toLog);
        CommandResult result = connection.run(Command.idempotent(script).asRoot(), capture);
        return new Output(result.exitStatus(), capture.stdoutLines(), result.lastLines());
    }

    private void toLog(LineSink.Stream stream, String text) {
        log.line(stream == LineSink.Stream.STDERR ? LogLevel.STDERR : LogLevel.STDOUT, text);
    }

    @Override
    public void write(NodeFile file) throws Exception {
        connection.upload(file.path(), file.content(), file.mode(), null);
        log.line(LogLevel.INFO, "wrote " + file.path() + " (" + Integer.toOctalString(file.mode()) + ")");
    }

    @Override
    public void writeAll(List<NodeFile> files) throws Exception {
        if (files.size() == 1) {
            write(files.get(0));
            return;
        }
        connection.uploadAll(files.stream().map(f -> new Upload(f.path(), f.content(), f.mode(), null)).toList());
        files.forEach(f -> log.line(LogLevel.INFO, "wrote " + f.path() + " (" + Integer.toOctalString(f.mode()) + ")"));
    }

    @Override
    public Optional<byte[]> read(String path) throws Exception {
        return connection.read(path);
    }

    @Override
    public String target() {
        return connection.address().toString();
    }

    @Override
    public void close() {
        connection.close();
    }
}
