package dev.mast.sim.shell;

import dev.mast.sim.machine.VirtualFs;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a command's redirections in order, opening files in the node's file system:
 * {@code > FILE}, {@code >> FILE}, {@code < FILE}, {@code 2>&1}, {@code >&2}, and
 * {@code /dev/null}. Files it opens are closed after the command.
 */
final class Redirections implements Closeable {
    private final VirtualFs fs;
    private final Session session;
    private final List<Closeable> opened = new ArrayList<>();

    Redirections(VirtualFs fs, Session session) {
        this.fs = fs;
        this.session = session;
    }

    Io apply(List<Script.Redirect> redirects, Io io) throws CommandException, IOException {
        Io current = io;
        for (Script.Redirect redirect : redirects) {
            String target = Expansion.one(redirect.target(), session);
            current = switch (redirect.op()) {
                case ">", ">>" -> setFd(current, redirect.fd(), output(target, redirect.op().equals(">>")));
                case "<" -> redirect.fd() == 0 ? current.withIn(input(target)) : current;
                case ">&" -> setFd(current, redirect.fd(), duplicate(current, target));
                default -> current;
            };
        }
        return current;
    }

    private static Io setFd(Io io, int fd, OutputStream stream) throws CommandException {
        return switch (fd) {
            case 1 -> io.withOut(stream);
            case 2 -> io.withErr(stream);
            default -> throw new CommandException(2, "sh: 1: Syntax error: Bad fd number " + fd);
        };
    }

    private static OutputStream duplicate(Io io, String target) throws CommandException {
        return switch (target) {
            case "1" -> io.out();
            case "2" -> io.err();
            case "-" -> OutputStream.nullOutputStream();
            default -> throw new CommandException(2, "sh: 1: Syntax error: Bad fd number " + target);
        };
    }

    private OutputStream output(String target, boolean append) throws CommandException, IOException {
        String path = VirtualFs.normalize(session.cwd(), target);
        if (path.equals("/dev/null")) {
            return OutputStream.nullOutputStream();
        }
        if (fs.isDirectory(path)) {
            throw new CommandException(2, "sh: 1: cannot create " + target + ": Is a directory");
        }
        if (!fs.isDirectory(VirtualFs.parent(path))) {
            throw new CommandException(2, "sh: 1: cannot create " + target + ": Directory nonexistent");
        }
        if (!fs.canWrite(session.user(), path)) {
            throw new CommandException(2, "sh: 1: cannot create " + target + ": Permission denied");
        }
        boolean existed = fs.exists(path);
        OutputStream stream = Files.newOutputStream(fs.host(path), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        if (!existed) {
            fs.setMode(path, 0644);
            fs.setOwner(path, new VirtualFs.Owner(session.user(), session.user()));
        }
        opened.add(stream);
        return stream;
    }

    private InputStream input(String target) throws CommandException, IOException {
        String path = VirtualFs.normalize(session.cwd(), target);
        if (path.equals("/dev/null")) {
            return InputStream.nullInputStream();
        }
        if (!fs.isFile(path)) {
            throw new CommandException(2, "sh: 1: cannot open " + target + ": No such file");
        }
        if (!fs.canRead(session.user(), path)) {
            throw new CommandException(2, "sh: 1: cannot open " + target + ": Permission denied");
        }
        InputStream stream = Files.newInputStream(fs.host(path));
        opened.add(stream);
        return stream;
    }

    @Override
    public void close() {
        for (Closeable closeable : opened) {
            try {
                closeable.close();
            } catch (IOException e) {
                // Closing a file the command wrote: nothing more to do.
            }
        }
    }
}
