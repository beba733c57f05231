package dev.mast.sim.commands;

import dev.mast.sim.machine.VirtualFs;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** cat, mkdir, rm, mv, cp, touch, ln, readlink, mktemp, basename and dirname over the node's files. */
final class FileCommands {
    private FileCommands() {
    }

    static void register(CommandTable table) {
        table.add("cat", "/usr/bin/cat", CommandTable.Gate.ALWAYS, FileCommands::cat)
                .add("mkdir", "/usr/bin/mkdir", CommandTable.Gate.ALWAYS, FileCommands::mkdir)
                .add("rm", "/usr/bin/rm", CommandTable.Gate.ALWAYS, FileCommands::rm)
                .add("mv", "/usr/bin/mv", CommandTable.Gate.ALWAYS, FileCommands::mv)
                .add("cp", "/usr/bin/cp", CommandTable.Gate.ALWAYS, FileCommands::cp)
                .add("touch", "/usr/bin/touch", CommandTable.Gate.ALWAYS, FileCommands::touch)
                .add("ln", "/usr/bin/ln", CommandTable.Gate.ALWAYS, FileCommands::ln)
                .add("readlink", "/usr/bin/readlink", CommandTable.Gate.ALWAYS, FileCommands::readlink)
                .add("mktemp", "/usr/bin/mktemp", CommandTable.Gate.ALWAYS, FileCommands::mktemp)
                .add("basename", "/usr/bin/basename", CommandTable.Gate.ALWAYS, inv -> {
                    inv.outLine(VirtualFs.name(strip(operand(inv, 0))));
                    return 0;
                })
                .add("dirname", "/usr/bin/dirname", CommandTable.Gate.ALWAYS, inv -> {
                    String path = strip(operand(inv, 0));
                    inv.outLine(path.contains("/") ? VirtualFs.parent(path) : ".");
                    return 0;
                });
    }

    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String operand(Invocation inv, int index) throws CommandException {
        if (inv.args().size() <= index) {
            throw inv.fail(1, "missing operand");
        }
        return inv.args().get(index);
    }

    private static int cat(Invocation inv) throws Exception {
        List<String> files = Args.parse(inv.args(), "", Set.of()).operands();
        if (files.isEmpty()) {
            inv.io().in().transferTo(inv.io().out());
            return 0;
        }
        int status = 0;
        for (String file : files) {
            if (file.equals("-")) {
                inv.io().in().transferTo(inv.io().out());
                continue;
            }
            String path = inv.path(file);
            if (path.equals("/dev/null")) {
                continue;
            }
            if (!inv.fs().exists(path)) {
                inv.errLine("cat: " + file + ": No such file or directory");
                status = 1;
            } else if (inv.fs().isDirectory(path)) {
                inv.errLine("cat: " + file + ": Is a directory");
                status = 1;
            } else if (!inv.fs().canRead(inv.session().user(), path)) {
                inv.errLine("cat: " + file + ": Permission denied");
                status = 1;
            } else {
                inv.io().out().write(inv.fs().read(path));
            }
        }
        inv.io().out().flush();
        return status;
    }

    private static int mkdir(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "m", Set.of("mode"));
        int mode = Integer.parseInt(args.value("m", "mode").orElse("755"), 8);
        int status = 0;
        for (String dir : args.operands()) {
            String path = inv.path(dir);
            if (inv.fs().isDirectory(path)) {
                if (!args.has("p", "parents")) {
                    inv.errLine("mkdir: cannot create directory '" + dir + "': File exists");
                    status = 1;
                }
                continue;
            }
            if (!inv.fs().canWrite(inv.session().user(), path)) {
                inv.errLine("mkdir: cannot create directory '" + dir + "': Permission denied");
                status = 1;
            } else if (inv.fs().existsNoFollow(path)) {
                inv.errLine("mkdir: cannot create directory '" + dir + "': File exists");
                status = 1;
            } else if (!args.has("p", "parents") && !inv.fs().isDirectory(VirtualFs.parent(path))) {
                inv.errLine("mkdir: cannot create directory '" + dir + "': No such file or directory");
                status = 1;
            } else {
                inv.fs().mkdirs(path, mode);
            }
        }
        return status;
    }

    private static int rm(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        boolean force = args.has("f", "force");
        boolean recursive = args.has("r", "R", "recursive");
        int status = 0;
        for (String file : args.operands()) {
            String path = inv.path(file);
            if (path.equals("/") && recursive) {
                inv.errLine("rm: it is dangerous to operate recursively on '/'");
                status = 1;
            } else if (!inv.fs().existsNoFollow(path)) {
                if (!force) {
                    inv.errLine("rm: cannot remove '" + file + "': No such file or directory");
                    status = 1;
                }
            } else if (inv.fs().isDirectory(path) && !inv.fs().isSymlink(path) && !recursive) {
                inv.errLine("rm: cannot remove '" + file + "': Is a directory");
                status = 1;
            } else if (!inv.fs().canWrite(inv.session().user(), VirtualFs.parent(path) + "/")
                    && !inv.fs().canWrite(inv.session().user(), path)) {
                inv.errLine("rm: cannot remove '" + file + "': Permission denied");
                status = 1;
            } else {
                inv.fs().delete(path);
            }
        }
        if (args.operands().isEmpty() && !force) {
            throw inv.fail(1, "missing operand");
        }
        return status;
    }

    private static int mv(Invocation inv) throws Exception {
        List<String> operands = Args.parse(inv.args(), "", Set.of()).operands();
        if (operands.size() < 2) {
            throw inv.fail(1, "missing destination file operand");
        }
        String target = inv.path(operands.get(operands.size() - 1));
        int status = 0;
        for (String source : operands.subList(0, operands.size() - 1)) {
            String from = inv.path(source);
            String to = inv.fs().isDirectory(target) && !inv.fs().isDirectory(from) || operands.size() > 2
                    ? target + "/" + VirtualFs.name(from) : target;
            if (!inv.fs().existsNoFollow(from)) {
                inv.errLine("mv: cannot stat '" + source + "': No such file or directory");
                status = 1;
            } else if (!inv.fs().canWrite(inv.session().user(), to) || !inv.fs().canWrite(inv.session().user(), from)) {
                inv.errLine("mv: cannot move '" + source + "' to '" + to + "': Permission denied");
                status = 1;
            } else if (!inv.fs().isDirectory(VirtualFs.parent(to))) {
                inv.errLine("mv: cannot move '" + source + "' to '" + to + "': No such file or directory");
                status = 1;
            } else {
                FileOps.move(inv, from, to);
            }
        }
        return status;
    }

    private static int cp(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        List<String> operands = args.operands();
        if (operands.size() < 2) {
            throw inv.fail(1, "missing destination file operand");
        }
        boolean archive = args.has("a", "archive");
        boolean recursive = archive || args.has("r", "R", "recursive");
        boolean preserve = archive || args.has("p", "preserve");
        String target = inv.path(operands.get(operands.size() - 1));
        int status = 0;
        for (String source : operands.subList(0, operands.size() - 1)) {
            String from = inv.path(source);
            String to = inv.fs().isDirectory(target) ? target + "/" + VirtualFs.name(from) : target;
            if (!inv.fs().existsNoFollow(from)) {
                inv.errLine("cp: cannot stat '" + source + "': No such file or directory");
                status = 1;
            } else if (inv.fs().isDirectory(from) && !recursive) {
                inv.errLine("cp: -r not specified; omitting directory '" + source + "'");
                status = 1;
            } else if (!inv.fs().canRead(inv.session().user(), from)) {
                inv.errLine("cp: cannot open '" + source + "' for reading: Permission denied");
                status = 1;
            } else if (!inv.fs().canWrite(inv.session().user(), to)) {
                inv.errLine("cp: cannot create regular file '" + to + "': Permission denied");
                status = 1;
            } else if (!inv.fs().isDirectory(VirtualFs.parent(to))) {
                inv.errLine("cp: cannot create regular file '" + to + "': No such file or directory");
                status = 1;
            } else {
                FileOps.copy(inv, from, to, recursive, preserve);
            }
        }
        return status;
    }

    private static int touch(Invocation inv) throws Exception {
        int status = 0;
        for (String file : Args.parse(inv.args(), "dtr", Set.of()).operands()) {
            String path = inv.path(file);
            if (!inv.fs().canWrite(inv.session().user(), path)) {
                inv.errLine("touch: cannot touch '" + file + "': Permission denied");
                status = 1;
            } else if (!inv.fs().isDirectory(VirtualFs.parent(path))) {
                inv.errLine("touch: cannot touch '" + file + "': No such file or directory");
                status = 1;
            } else if (inv.fs().exists(path)) {
                Files.setLastModifiedTime(inv.fs().host(path), FileTime.from(Instant.now()));
            } else {
                inv.fs().write(path, new byte[0], 0644);
                inv.fs().setOwner(path, new VirtualFs.Owner(inv.session().user(), inv.session().user()));
            }
        }
        return status;
    }

    private static int ln(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        List<String> operands = args.operands();
        if (operands.size() != 2) {
            throw inv.fail(1, operands.size() < 2 ? "missing file operand" : "the simulator links one file at a time");
        }
        String target = operands.get(0);
        String link = inv.path(operands.get(1));
        if (inv.fs().isDirectory(link) && !(args.has("n", "no-dereference") && inv.fs().isSymlink(link))) {
            link = link + "/" + VirtualFs.name(target);
        }
        if (!inv.fs().canWrite(inv.session().user(), link)) {
            throw inv.fail(1, "failed to create symbolic link '" + link + "': Permission denied");
        }
        if (inv.fs().existsNoFollow(link)) {
            if (!args.has("f", "force")) {
                throw inv.fail(1, "failed to create symbolic link '" + operands.get(1) + "': File exists");
            }
            inv.fs().delete(link);
        }
        if (args.has("s", "symbolic")) {
            inv.fs().symlink(target, link);
        } else {
            Files.createLink(inv.fs().host(link), inv.fs().host(inv.path(target)));
        }
        return 0;
    }

    private static int readlink(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        int status = 0;
        for (String file : args.operands()) {
            String path = inv.path(file);
            if (args.has("f", "e", "m", "canonicalize")) {
                inv.outLine(inv.fs().realPath(path));
            } else if (inv.fs().isSymlink(path)) {
                inv.outLine(inv.fs().readLink(path));
            } else {
                status = 1;
            }
        }
        return status;
    }

    private static int mktemp(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "p", Set.of("tmpdir"));
        String template = args.operands().isEmpty() ? "tmp.XXXXXXXXXX" : args.operands().get(0);
        String dir = args.value("p", "tmpdir").orElse(template.contains("/") ? "" : "/tmp");
        StringBuilder name = new StringBuilder(template);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = name.length() - 1; i >= 0 && name.charAt(i) == 'X'; i--) {
            name.setCharAt(i, alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        String path = inv.path(dir.isEmpty() ? name.toString() : dir + "/" + name);
        if (!inv.fs().canWrite(inv.session().user(), path) || !inv.fs().isDirectory(VirtualFs.parent(path))) {
            throw inv.fail(1, "failed to create " + (args.has("d") ? "directory" : "file") + " via template '" + path
                    + "': Permission denied");
        }
        if (args.has("d", "directory")) {
            inv.fs().mkdirs(path, 0700);
        } else {
            inv.fs().write(path, new byte[0], 0600);
        }
        inv.fs().setOwner(path, new VirtualFs.Owner(inv.session().user(), inv.session().user()));
        inv.outLine(path);
        return 0;
    }
}
