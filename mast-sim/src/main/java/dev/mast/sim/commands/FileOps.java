package dev.mast.sim.commands;

import dev.mast.sim.machine.VirtualFs;
import dev.mast.sim.shell.Invocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;

/** Copying and moving trees in a node's file system, keeping the owner side table in step. */
final class FileOps {
    private FileOps() {
    }

    /**
     * Copies a file or (when {@code recursive}) a directory tree.
     *
     * @param preserve keep mode, owner and times ({@code cp -p}, {@code cp -a}); else the copy belongs to the user
     */
    static void copy(Invocation inv, String from, String to, boolean recursive, boolean preserve) throws IOException {
        VirtualFs fs = inv.fs();
        if (fs.isSymlink(from) && preserve) {
            if (fs.existsNoFollow(to)) {
                fs.delete(to);
            }
            Files.copy(fs.host(from), fs.host(to), LinkOption.NOFOLLOW_LINKS);
            return;
        }
        boolean existed = fs.existsNoFollow(to);
        if (fs.isDirectory(from)) {
            if (!fs.isDirectory(to)) {
                fs.mkdirs(to, fs.mode(from));
            }
            for (String child : fs.list(from)) {
                copy(inv, from + "/" + child, to + "/" + child, recursive, preserve);
            }
        } else {
            if (preserve) {
                Files.copy(fs.host(from), fs.host(to), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.copy(fs.host(from), fs.host(to), StandardCopyOption.REPLACE_EXISTING);
                if (!existed) {
                    fs.setMode(to, fs.mode(from) & ~0022);
                }
            }
        }
        if (preserve) {
            fs.setMode(to, fs.mode(from));
            fs.setOwner(to, fs.owner(from));
        } else if (!existed) {
            fs.setOwner(to, new VirtualFs.Owner(inv.session().user(), inv.session().user()));
        }
    }

    static void move(Invocation inv, String from, String to) throws IOException {
        VirtualFs fs = inv.fs();
        if (fs.isDirectory(to) && !fs.isSymlink(to) && fs.isDirectory(from)) {
            fs.delete(to);
        }
        Files.move(fs.host(from), fs.host(to), StandardCopyOption.REPLACE_EXISTING);
        fs.moveOwners(from, to);
    }

    /** The mode a symbolic or octal chmod argument gives a file that has {@code current}. */
    static int applyMode(String spec, int current, boolean directory) {
        if (spec.matches("[0-7]{1,4}")) {
            return Integer.parseInt(spec, 8) & 0777;
        }
        int mode = current;
        for (String clause : spec.split(",")) {
            var m = java.util.regex.Pattern.compile("([ugoa]*)([-+=])([rwxX]*)").matcher(clause);
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid mode: '" + spec + "'");
            }
            String who = m.group(1).isEmpty() || m.group(1).contains("a") ? "ugo" : m.group(1);
            int bits = 0;
            for (char c : m.group(3).toCharArray()) {
                bits |= c == 'r' ? 4 : c == 'w' ? 2 : c == 'x' || (c == 'X' && (directory || (current & 0111) != 0)) ? 1 : 0;
            }
            int mask = 0;
            for (char c : who.toCharArray()) {
                mask |= c == 'u' ? bits << 6 : c == 'g' ? bits << 3 : bits;
            }
            int whoMask = 0;
            for (char c : who.toCharArray()) {
                whoMask |= c == 'u' ? 0700 : c == 'g' ? 0070 : 0007;
            }
            mode = switch (m.group(2)) {
                case "+" -> mode | mask;
                case "-" -> mode & ~mask;
                default -> (mode & ~whoMask) | mask;
            };
        }
        return mode;
    }
}
