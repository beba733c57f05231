package dev.mast.sim;

import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.SudoPolicy;
import dev.mast.sim.shell.Io;
import dev.mast.sim.shell.Session;
import dev.mast.sim.shell.Shell;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A login shell for people exploring a node in the demo ({@code ssh node}): a prompt, line editing
 * with backspace, one command line at a time in the node's shell, {@code exit} or Ctrl-D to leave.
 * With a terminal it echoes keys and writes CR LF line ends, as a tty would.
 */
final class InteractiveShell implements Command {
    private final Machine machine;
    private final Shell shell;
    private final String user;
    private final SudoPolicy sudo;
    private final ExecutorService executor;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Future<?> task;
    private boolean tty;

    InteractiveShell(Machine machine, Shell shell, String user, SudoPolicy sudo, ExecutorService executor) {
        this.machine = machine;
        this.shell = shell;
        this.user = user;
        this.sudo = sudo;
        this.executor = executor;
    }

    @Override
    public void setInputStream(InputStream value) {
        in = value;
    }

    @Override
    public void setOutputStream(OutputStream value) {
        out = value;
    }

    @Override
    public void setErrorStream(OutputStream value) {
        err = value;
    }

    @Override
    public void setExitCallback(ExitCallback value) {
        exit = value;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        tty = env.getEnv().containsKey(Environment.ENV_TERM);
        task = executor.submit(this::loop);
    }

    private void loop() {
        Session session = new Session(user, sudo);
        OutputStream screenOut = tty ? new CrLf(out) : out;
        OutputStream screenErr = tty ? new CrLf(err) : err;
        int status = 0;
        try {
            while (true) {
                write(user + "@" + machine.identity().hostName() + ":" + session.cwd() + (user.equals("root") ? "# " : "$ "));
                String line = readLine();
                if (line == null || line.trim().equals("exit") || line.trim().startsWith("exit ")) {
                    break;
                }
                if (!line.isBlank()) {
                    status = shell.run(line, new Io(InputStream.nullInputStream(), screenOut, screenErr), session);
                    screenOut.flush();
                    screenErr.flush();
                }
            }
        } catch (IOException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        exit.onExit(status);
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one line, echoing and editing it when there is a terminal; null at end of input (or Ctrl-D on an empty line). */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0 || (c == 4 && line.size() == 0)) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                if (tty) {
                    write("\r\n");
                }
                return line.toString(StandardCharsets.UTF_8);
            }
            if (c == 127 || c == 8) {
                if (line.size() > 0) {
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    line.write(bytes, 0, bytes.length - 1);
                    if (tty) {
                        write("\b \b");
                    }
                }
            } else if (c == 3) {
                line.reset();
                if (tty) {
                    write("^C\r\n");
                }
                return "";
            } else if (c >= 32 || c == '\t') {
                line.write(c);
                if (tty) {
                    out.write(c);
                    out.flush();
                }
            }
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (task != null) {
            task.cancel(true);
        }
    }

    /** A terminal's output: every LF becomes CR LF. */
    private static final class CrLf extends FilterOutputStream {
        CrLf(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }
}
