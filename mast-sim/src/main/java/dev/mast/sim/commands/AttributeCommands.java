package dev.mast.sim.commands;

import dev.mast.sim.machine.VirtualFs;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** chmod, chown, install, stat and ls: commands about modes and owners. */
final class AttributeCommands {
    private static final DateTimeFormatter LS_TIME = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS '+0000'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AttributeCommands() {
    }

    static void register(CommandTable table) {
        table.add("chmod", "/usr/bin/chmod", CommandTable.Gate.ALWAYS, AttributeCommands::chmod)
                .add("chown", "/usr/bin/chown", CommandTable.Gate.ALWAYS, AttributeCommands::chown)
                .add("install", "/usr/bin/install", CommandTable.Gate.ALWAYS, AttributeCommands::install)
                .add("stat", "/usr/bin/stat", CommandTable.Gate.ALWAYS, AttributeCommands::stat)
                .add("ls", "/usr/bin/ls", CommandTable.Gate.ALWAYS, AttributeCommands::ls);
    }

    private static List<String> tree(Invocation inv, String path, boolean recursive) throws IOException {
        if (!recursive || !inv.fs().isDirectory(path) || inv.fs().isSymlink(path)) {
            return List.of(path);
        }
        List<String> all = new java.util.ArrayList<>(List.of(path));
        for (String child : inv.fs().list(path)) {
            all.addAll(tree(inv, path + "/" + child, true));
        }
        return all;
    }

    private static int chmod(Invocation inv) throws Exception {
        List<String> args = new java.util.ArrayList<>(inv.args());
        boolean recursive = args.remove("-R") | args.remove("--recursive");
        if (args.size() < 2) {
            throw inv.fail(1, "missing operand");
        }
        String spec = args.get(0);
        int status = 0;
        for (String file : args.subList(1, args.size())) {
            String path = inv.path(file);
            if (!inv.fs().exists(path)) {
                inv.errLine("chmod: cannot access '" + file + "': No such file or directory");
                status = 1;
                continue;
            }
            if (!inv.session().isRoot() && !inv.fs().owner(path).user().equals(inv.session().user())) {
                inv.errLine("chmod: changing permissions of '" + file + "': Operation not permitted");
                status = 1;
                continue;
            }
            for (String each : tree(inv, path, recursive)) {
                try {
                    inv.fs().setMode(each, FileOps.applyMode(spec, inv.fs().mode(each), inv.fs().isDirectory(each)));
                } catch (IllegalArgumentException e) {
                    throw inv.fail(1, e.getMessage());
                }
            }
        }
        return status;
    }

    private static VirtualFs.Owner owner(String spec, VirtualFs.Owner current) {
        String[] parts = spec.split("[:.]", -1);
        String user = parts[0].isEmpty() ? current.user() : parts[0];
        String group = parts.length > 1 ? (parts[1].isEmpty() ? user : parts[1]) : current.group();
        return new VirtualFs.Owner(user, group);
    }

    private static int chown(Invocation inv) throws Exception {
        List<String> args = new java.util.ArrayList<>(inv.args());
        boolean recursive = args.remove("-R") | args.remove("--recursive");
        if (args.size() < 2) {
            throw inv.fail(1, "missing operand");
        }
        int status = 0;
        for (String file : args.subList(1, args.size())) {
            String path = inv.path(file);
            if (!inv.fs().existsNoFollow(path)) {
                inv.errLine("chown: cannot access '" + file + "': No such file or directory");
                status = 1;
            } else if (!inv.session().isRoot()) {
                inv.errLine("chown: changing ownership of '" + file + "': Operation not permitted");
                status = 1;
            } else {
                for (String each : tree(inv, path, recursive)) {
                    inv.fs().setOwner(each, owner(args.get(0), inv.fs().owner(each)));
                }
            }
        }
        return status;
    }

    /** {@code install [-D] [-m MODE] [-o OWNER] [-g GROUP] SRC DST}, {@code install -d DIR...}, {@code install SRC... DIR}. */
    private static int install(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "mogtS", Set.of("mode", "owner", "group", "target-directory"));
        int mode = Integer.parseInt(args.value("m", "mode").orElse("755"), 8);
        List<String> operands = args.operands();
        if ((args.has("o", "owner") || args.has("g", "group")) && !inv.session().isRoot()) {
            throw inv.fail(1, "cannot change ownership of '" + operands.get(operands.size() - 1) + "': Operation not permitted");
        }
        if (args.has("d", "directory")) {
            for (String dir : operands) {
                String path = inv.path(dir);
                inv.requireWritable(path);
                inv.fs().mkdirs(path, mode);
                inv.fs().setMode(path, mode);
                applyOwner(inv, args, path);
            }
            return 0;
        }
        if (operands.size() < 2) {
            throw inv.fail(1, "missing destination file operand after '" + (operands.isEmpty() ? "" : operands.get(0)) + "'");
        }
        String target = inv.path(operands.get(operands.size() - 1));
        for (String source : operands.subList(0, operands.size() - 1)) {
            String from = inv.path(source);
            String to = inv.fs().isDirectory(target) ? target + "/" + VirtualFs.name(from) : target;
            if (!inv.fs().isFile(from)) {
                throw inv.fail(1, "cannot stat '" + source + "': No such file or directory");
            }
            inv.requireReadable(from);
            inv.requireWritable(to);
            if (args.has("D")) {
                inv.fs().mkdirs(VirtualFs.parent(to), 0755);
            } else if (!inv.fs().isDirectory(VirtualFs.parent(to))) {
                throw inv.fail(1, "cannot create regular file '" + to + "': No such file or directory");
            }
            if (inv.fs().existsNoFollow(to)) {
                inv.fs().delete(to);
            }
            Files.copy(inv.fs().host(from), inv.fs().host(to));
            inv.fs().setMode(to, mode);
            inv.fs().setOwner(to, new VirtualFs.Owner(inv.session().user(), inv.session().user()));
            applyOwner(inv, args, to);
        }
        return 0;
    }

    private static void applyOwner(Invocation inv, Args args, String path) {
        VirtualFs.Owner current = inv.fs().owner(path);
        inv.fs().setOwner(path, new VirtualFs.Owner(args.value("o", "owner").orElse(current.user()),
                args.value("g", "group").orElse(current.group())));
    }

    private static int stat(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "c", Set.of("format", "printf"));
        String format = args.value("c", "format", "printf").orElse(null);
        int status = 0;
        for (String file : args.operands()) {
            String path = inv.path(file);
            if (!inv.fs().existsNoFollow(path)) {
                inv.errLine("stat: cannot statx '" + file + "': No such file or directory");
                status = 1;
            } else if (format != null) {
                inv.outLine(format(inv, format, file, path));
            } else {
                inv.outLine(format(inv, "  File: %n\n  Size: %s\tType: %F\nAccess: (0%a/%A)  Uid: (    0/    %U)   Gid: (    0/    %G)\nModify: %y", file, path));
            }
        }
        return status;
    }

    private static String format(Invocation inv, String format, String name, String path) throws IOException {
        VirtualFs fs = inv.fs();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char spec = format.charAt(++i);
            out.append(switch (spec) {
                case 'a' -> Integer.toOctalString(fs.isSymlink(path) ? 0777 : fs.mode(path));
                case 'A' -> permissions(inv, path);
                case 'U', 'u' -> spec == 'u' && fs.owner(path).user().equals("root") ? "0" : fs.owner(path).user();
                case 'G', 'g' -> spec == 'g' && fs.owner(path).group().equals("root") ? "0" : fs.owner(path).group();
                case 's' -> String.valueOf(fs.isSymlink(path) ? fs.readLink(path).length() : fs.isDirectory(path) ? 4096 : fs.size(path));
                case 'n' -> name;
                case 'N' -> fs.isSymlink(path) ? "'" + name + "' -> '" + fs.readLink(path) + "'" : "'" + name + "'";
                case 'F' -> fs.isSymlink(path) ? "symbolic link" : fs.isDirectory(path) ? "directory"
                        : fs.size(path) == 0 ? "regular empty file" : "regular file";
                case 'Y' -> String.valueOf(fs.modifiedMillis(path) / 1000);
                case 'y' -> STAT_TIME.format(Instant.ofEpochMilli(fs.modifiedMillis(path)));
                case '%' -> "%";
                default -> "?";
            });
        }
        return out.toString();
    }

    private static String permissions(Invocation inv, String path) throws IOException {
        VirtualFs fs = inv.fs();
        int mode = fs.isSymlink(path) ? 0777 : fs.mode(path);
        StringBuilder text = new StringBuilder(fs.isSymlink(path) ? "l" : fs.isDirectory(path) ? "d" : "-");
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = mode >> shift;
            text.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return text.toString();
    }

    private static int ls(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        boolean longFormat = args.has("l");
        boolean all = args.has("a", "A", "all", "almost-all");
        boolean directoryItself = args.has("d", "directory");
        List<String> operands = args.operands().isEmpty() ? List.of(".") : args.operands();
        int status = 0;
        for (String operand : operands) {
            String path = inv.path(operand);
            if (!inv.fs().existsNoFollow(path)) {
                inv.errLine("ls: cannot access '" + operand + "': No such file or directory");
                status = 2;
                continue;
            }
            if (operands.size() > 1 && inv.fs().isDirectory(path) && !directoryItself) {
                inv.outLine(operand + ":");
            }
            if (inv.fs().isDirectory(path) && !directoryItself) {
                for (String name : inv.fs().list(path)) {
                    if (all || !name.startsWith(".")) {
                        inv.outLine(longFormat ? longLine(inv, path + "/" + name, name) : name);
                    }
                }
            } else {
                inv.outLine(longFormat ? longLine(inv, path, operand) : operand);
            }
        }
        return status;
    }

    private static String longLine(Invocation inv, String path, String name) throws IOException {
        VirtualFs fs = inv.fs();
        long size = fs.isSymlink(path) ? fs.readLink(path).length() : fs.isDirectory(path) ? 4096 : fs.size(path);
        String line = permissions(inv, path) + " 1 " + fs.owner(path).user() + " " + fs.owner(path).group() + " "
                + String.format(Locale.ROOT, "%5d", size) + " " + LS_TIME.format(Instant.ofEpochMilli(fs.modifiedMillis(path))) + " " + name;
        return fs.isSymlink(path) ? line + " -> " + fs.readLink(path) : line;
    }
}
