package dev.mast.sim.commands;

import dev.mast.sim.internet.Tarball;
import dev.mast.sim.machine.VirtualFs;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** {@code gzip -dc} (and {@code zcat}) and {@code tar -x[z]f FILE [-C DIR] [--strip-components=N] [MEMBER...]}. */
final class ArchiveCommands {
    private ArchiveCommands() {
    }

    static void register(CommandTable table) {
        table.add("gzip", "/usr/bin/gzip", CommandTable.Gate.ALWAYS, ArchiveCommands::gzip)
                .add("zcat", "/usr/bin/zcat", CommandTable.Gate.ALWAYS, ArchiveCommands::gzip)
                .add("tar", "/usr/bin/tar", CommandTable.Gate.ALWAYS, ArchiveCommands::tar);
    }

    private static int gzip(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of());
        if (!inv.name().equals("zcat") && !args.has("d", "decompress")) {
            throw new CommandException(1, "gzip: the simulator only decompresses (-d)");
        }
        int[] status = {0};
        for (byte[] input : TextCommands.inputs(inv, args.operands(), status)) {
            try {
                inv.io().out().write(Tarball.gunzip(input));
            } catch (IOException e) {
                inv.errLine("gzip: stdin: " + (input.length == 0 ? "unexpected end of file" : "not in gzip format"));
                return 1;
            }
        }
        return status[0];
    }

    private static int tar(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "fC", Set.of("file", "directory", "strip-components"));
        if (!args.has("x", "extract")) {
            throw new CommandException(2, "tar: the simulator only extracts (-x)");
        }
        String file = args.value("f", "file").orElseThrow(() -> new CommandException(2, "tar: Refusing to read archive contents from terminal"));
        String dir = inv.path(args.value("C", "directory").orElse("."));
        int strip = Integer.parseInt(args.value("strip-components").orElse("0"));
        String path = inv.path(file);
        if (!inv.fs().isFile(path)) {
            throw new CommandException(2, "tar: " + file + ": Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now");
        }
        if (!inv.fs().isDirectory(dir)) {
            throw new CommandException(2, "tar: " + dir + ": Cannot open: No such file or directory");
        }
        List<Tarball.Entry> entries;
        try {
            entries = Tarball.read(inv.fs().read(path));
        } catch (IOException | RuntimeException e) {
            throw new CommandException(2, "gzip: stdin: not in gzip format\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now");
        }
        List<String> members = args.operands();
        for (String member : members) {
            if (entries.stream().noneMatch(e -> clean(e.name()).equals(clean(member)))) {
                throw new CommandException(2, "tar: " + member + ": Not found in archive\ntar: Exiting with failure status due to previous errors");
            }
        }
        for (Tarball.Entry entry : entries) {
            if (!members.isEmpty() && members.stream().noneMatch(m -> clean(m).equals(clean(entry.name())))) {
                continue;
            }
            String[] parts = clean(entry.name()).split("/");
            if (parts.length <= strip) {
                continue;
            }
            String target = VirtualFs.normalize(dir, String.join("/", List.of(parts).subList(strip, parts.length)));
            inv.requireWritable(target);
            inv.fs().mkdirs(VirtualFs.parent(target), 0755);
            inv.fs().write(target, entry.content(), entry.mode());
            inv.fs().setMode(target, entry.mode());
        }
        return 0;
    }

    private static String clean(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }
}
