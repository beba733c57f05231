package dev.mast.sim;

import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.SudoPolicy;
import dev.mast.sim.shell.Io;
import dev.mast.sim.shell.Session;
import dev.mast.sim.shell.Shell;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH "exec" request: the command line runs in the node's shell on a shared worker thread.
 * Faults apply first: a connection drop closes every session of the node without an exit
 * status, and the per-command delay is waited out before the command starts.
 */
final class ExecCommand implements Command {
    private final String commandLine;
    private final Machine machine;
    private final Shell shell;
    private final String user;
    private final SudoPolicy sudo;
    private final ExecutorService executor;
    private final Runnable dropConnections;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Future<?> task;

    ExecCommand(String commandLine, Machine machine, Shell shell, String user, SudoPolicy sudo, ExecutorService executor,
                Runnable dropConnections) {
        this.commandLine = commandLine;
        this.machine = machine;
        this.shell = shell;
        this.user = user;
        this.sudo = sudo;
        this.executor = executor;
        this.dropConnections = dropConnections;
    }

    @Override
    public void setInputStream(InputStream value) {
        in = value;
    }

    @Override
    public void setOutputStream(OutputStream value) {
        out = new BufferedOutputStream(value, 16384);
    }

    @Override
    public void setErrorStream(OutputStream value) {
        err = new BufferedOutputStream(value, 16384);
    }

    @Override
    public void setExitCallback(ExitCallback value) {
        exit = value;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        task = executor.submit(this::run);
    }

    private void run() {
        if (machine.faults().shouldDropConnection()) {
            dropConnections.run();
            return;
        }
        int status;
        try {
            long delay = machine.faults().commandDelay().toMillis();
            if (delay > 0) {
                Thread.sleep(delay);
            }
            status = shell.run(commandLine, new Io(in, out, err), new Session(user, sudo));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException e) {
            status = 255;
            try {
                err.write(("sh: simulator error: " + e + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The channel is gone; the exit status below is all that is left to send.
            }
        }
        try {
            out.flush();
            err.flush();
        } catch (IOException e) {
            // The client closed the channel while output was pending.
        }
        exit.onExit(status);
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (task != null) {
            task.cancel(true);
        }
    }
}
