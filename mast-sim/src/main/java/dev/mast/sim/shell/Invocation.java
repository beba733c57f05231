package dev.mast.sim.shell;

import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.VirtualFs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One run of a builtin: its name and arguments, streams, session and the machine it runs on. */
public final class Invocation {
    private final String name;
    private final String program;
    private final List<String> args;
    private final Io io;
    private final Session session;
    private final Shell shell;

    Invocation(String name, String program, List<String> args, Io io, Session session, Shell shell) {
        this.name = name;
        this.program = program;
        this.args = List.copyOf(args);
        this.io = io;
        this.session = session;
        this.shell = shell;
    }

    public String name() {
        return name;
    }

    /** The arguments after the command name. */
    /** The program's path as it was found: {@code /usr/local/bin/kubelet} for {@code kubelet} on the PATH. */
    public String program() {
        return program;
    }

    public List<String> args() {
        return args;
    }

    public Io io() {
        return io;
    }

    public Session session() {
        return session;
    }

    public Shell shell() {
        return shell;
    }

    public Machine machine() {
        return shell.machine();
    }

    public VirtualFs fs() {
        return shell.machine().fs();
    }

    /** An absolute, normalised path for an argument, relative to the working directory. */
    public String path(String argument) {
        return VirtualFs.normalize(session.cwd(), argument);
    }

    public void out(String text) throws IOException {
        write(io.out(), text);
    }

    public void outLine(String text) throws IOException {
        write(io.out(), text + "\n");
    }

    public void err(String text) throws IOException {
        write(io.err(), text);
    }

    public void errLine(String text) throws IOException {
        write(io.err(), text + "\n");
    }

    private static void write(OutputStream stream, String text) throws IOException {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends what was written so far, for output that continues (a followed log, a prompt). */
    public void flush() throws IOException {
        io.out().flush();
        io.err().flush();
    }

    /** Everything on standard input until end of file. */
    public byte[] readAllInput() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        io.in().transferTo(buffer);
        return buffer.toByteArray();
    }

    /** One line of standard input (without the newline), reading no further; null at end of file. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = io.in().read()) >= 0 && c != '\n') {
            line.write(c);
        }
        if (c < 0 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8).replaceFirst("\r$", "");
    }

    /** Fails the command: {@code "<name>: <message>"} on stderr, exit status {@code status}. */
    public CommandException fail(int status, String message) {
        return new CommandException(status, name + ": " + message);
    }

    /** Fails unless the effective user is root, with the message a non-root user would see. */
    public void requireRoot(String message) throws CommandException {
        if (!session.isRoot()) {
            throw new CommandException(1, message);
        }
    }

    /** Fails unless the user may change {@code path}. */
    public void requireWritable(String path) throws CommandException {
        if (!fs().canWrite(session.user(), path)) {
            throw fail(1, "cannot create '" + path + "': Permission denied");
        }
    }

    /** Fails unless the user may read {@code path}. */
    public void requireReadable(String path) throws CommandException, IOException {
        if (!fs().canRead(session.user(), path)) {
            throw fail(1, path + ": Permission denied");
        }
    }

    /** Runs another command line in the same session and streams (for {@code sh -c}, {@code sudo}, ...). */
    public int run(List<String> argv, Io streams, Session as) throws Exception {
        return shell.runCommand(argv, streams, as);
    }
}
